@testable import TensorEngine

/// `gradcheck` for a layer: the analytic gradients of L = Σ layer(x)·g (g seeded standard
/// normal) with respect to the input and to each parameter, against central differences.
/// Parameters are moved in place through `assign` and restored. `prepare` runs before every
/// forward call (a dropout layer reseeds there, so every call draws the same mask).
/// Returns the largest relative error for the input, then for each parameter in order.
func layerGradcheck(_ layer: any Layer, _ input: Tensor, step h: Double = 1e-6, seed: UInt64 = 0,
                    prepare: () -> Void = {}) throws -> [Double] {
    layer.zeroGrad()
    let x = Variable(input, requiresGrad: true)
    prepare()
    let y = try layer.forward(x)
    var rng = RandomGenerator(seed: seed)
    let upstream = try Tensor.randn(y.shape, using: &rng)
    try y.backward(seed: upstream)
    func loss(_ input: Tensor) throws -> Double {
        prepare()
        let out = try layer.forward(Variable(input)).value
        return zip(out.scalars, upstream.scalars).reduce(0) { $0 + $1.0 * $1.1 }
    }
    var errors = [try worstError(x.grad!, input, h) { try loss($0) }]
    for p in layer.parameters {
        let original = p.value
        errors.append(try worstError(p.grad ?? Tensor.zeros(like: original), original, h) { moved in
            try p.assign(moved)
            defer { try? p.assign(original) }
            return try loss(input)
        })
    }
    return errors
}

/// max over i of relativeError(analytic[i], (L(v + h·e_i) − L(v − h·e_i)) / 2h).
private func worstError(_ analytic: Tensor, _ value: Tensor, _ h: Double,
                        _ loss: (Tensor) throws -> Double) throws -> Double {
    var worst = 0.0
    for i in 0..<value.count {
        var plus = value, minus = value
        plus.scalars[i] += h
        minus.scalars[i] -= h
        let numeric = (try loss(plus) - loss(minus)) / (2 * h)
        worst = max(worst, relativeError(analytic.scalars[i], numeric))
    }
    return worst
}
