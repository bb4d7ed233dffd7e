@testable import TensorEngine

/// `gradcheck` for a layer: the analytic gradients of L = Σ layer(x)·g (g seeded standard
/// normal) with respect to the input and to each parameter, against central differences.
/// Parameters are moved in place through `assign` and restored. `prepare` runs before every
/// forward call (a dropout layer reseeds there, so every call draws the same mask).
/// Returns the largest relative error for the input, then for each parameter in order.
func layerGradcheck(_ layer: any Layer, _ input: Tensor, step h: Double = 1e-6, seed: UInt64 = 0,
                    prepare: () -> Void = {}) throws -> [Double] {
    layer.zeroGrad()
    let x = Tensor(input, requiresGrad: true)
    prepare()
    let y = try layer.forward(x)
    var rng = RandomGenerator(seed: seed)
    let upstream = try Tensor.randn(y.shape, using: &rng)
    try y.backward(seed: upstream)
    func output(_ input: Tensor) throws -> Tensor {
        prepare()
        return try layer.forward(input).detached()
    }
    var errors = [try worstError(x.grad!, input, h, upstream) { try output($0) }]
    for p in layer.parameters {
        let original = p.detached()
        errors.append(try worstError(p.grad ?? Tensor.zeros(like: original), original, h, upstream) { moved in
            try p.assign(moved)
            defer { try? p.assign(original) }
            return try output(input)
        })
    }
    return errors
}

/// max over i of relativeError(analytic[i], Σ (f(v + h·e_i) − f(v − h·e_i))·g / 2h): the
/// outputs are differenced before they are weighted, as `gradcheck` does, so outputs that do
/// not depend on element i cancel exactly.
private func worstError(_ analytic: Tensor, _ value: Tensor, _ h: Double, _ upstream: Tensor,
                        _ output: (Tensor) throws -> Tensor) throws -> Double {
    var worst = 0.0
    for i in 0..<value.count {
        var plus = value, minus = value
        plus.scalars[i] += h
        minus.scalars[i] -= h
        let (yPlus, yMinus) = (try output(plus), try output(minus))
        var total = 0.0
        for j in 0..<upstream.count { total += (yPlus.scalars[j] - yMinus.scalars[j]) * upstream.scalars[j] }
        worst = max(worst, relativeError(analytic.scalars[i], total / (2 * h)))
    }
    return worst
}
