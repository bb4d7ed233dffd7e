@testable import TensorEngine

/// gradcheck through a layer: for L = Σ layer(x)·g with a fixed random g, the largest CS231n
/// relative error between the backward pass and central differences, first for x, then for
/// each parameter in `layer.parameters` order. Parameters are moved with `assign` and put back.
func layerGradcheck(_ layer: any Layer, input: Tensor, step h: Double, seed: UInt64 = 0) throws -> [Double] {
    let x = Variable(input, requiresGrad: true)
    let y = try layer(x)
    var rng = RandomGenerator(seed: seed)
    let g = try Tensor.randn(y.shape, using: &rng)
    try y.backward(seed: g)
    func loss(_ input: Tensor) throws -> Double {
        let out = try layer(Variable(input)).value
        return zip(out.scalars, g.scalars).reduce(0) { $0 + $1.0 * $1.1 }
    }
    var errors: [Double] = []
    var worst = 0.0
    for i in 0..<input.count {
        var plus = input, minus = input
        plus.scalars[i] += h
        minus.scalars[i] -= h
        worst = max(worst, relativeError(x.grad!.scalars[i], (try loss(plus) - loss(minus)) / (2 * h)))
    }
    errors.append(worst)
    for p in layer.parameters {
        let value = p.value, analytic = p.grad ?? Tensor.zeros(like: value)
        worst = 0
        for i in 0..<value.count {
            var moved = value
            moved.scalars[i] = value.scalars[i] + h
            try p.assign(moved)
            let up = try loss(input)
            moved.scalars[i] = value.scalars[i] - h
            try p.assign(moved)
            let down = try loss(input)
            worst = max(worst, relativeError(analytic.scalars[i], (up - down) / (2 * h)))
        }
        try p.assign(value)
        errors.append(worst)
    }
    return errors
}
