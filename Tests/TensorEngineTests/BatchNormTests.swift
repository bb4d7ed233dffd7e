import Testing
@testable import TensorEngine

@Suite("batch norm: the fused primitive (train and eval), BatchNorm1d and BatchNorm2d")
struct BatchNormTests {
    static let tolerance = 1e-7
    /// The step for central differences. dx sums to 0 over each feature (it is orthogonal to
    /// 1 and to x̂), so some of its elements are small, and at h = 1e-6 the rounding error
    /// ε·|L|/h of the numerical gradient alone reaches 2e-7 of them; with h = 1e-5 (the step
    /// of CS231n's batch-norm notebook) the worst case here is 3e-8, truncation (O(h²)) still tiny.
    static let step = 1e-5
    /// The two layouts: (N, F) normalised over N, (N, C, H, W) over (N, H, W); and (N, C, L).
    static let shapes: [[Int]] = [[6, 4], [3, 2, 3, 4], [4, 3, 5]]

    /// (x, γ, β) for a shape: x = randn + 1, γ = 1 + 0.5·randn, β = randn.
    static func inputs(_ shape: [Int]) -> [Tensor] {
        let c = shape[1]
        return [randomTensor(shape, seed: 11) + 1, randomTensor([c], seed: 12) * 0.5 + 1, randomTensor([c], seed: 13)]
    }

    /// The axes a feature's values lie along: all but axis 1.
    static func axes(_ shape: [Int]) -> [Int] { [0] + Array(2..<shape.count) }

    /// A feature vector (C) reshaped to broadcast against x: (1, C, 1, ...).
    static func perFeature(_ v: Tensor, _ shape: [Int]) throws -> Tensor {
        try v.reshape([1, shape[1]] + Array(repeating: 1, count: shape.count - 2))
    }

    @Test("gradcheck of batchNorm in training mode (batch statistics)", arguments: shapes)
    func gradcheckTraining(shape: [Int]) throws {
        let result = try gradcheck(Self.inputs(shape), step: Self.step) { v in try Tensor.batchNorm(v[0], gamma: v[1], beta: v[2]) }
        #expect(result.maxRelativeError < Self.tolerance, "\(result)")
    }

    @Test("gradcheck of batchNorm in evaluation mode (given statistics)", arguments: shapes)
    func gradcheckEval(shape: [Int]) throws {
        let mean = randomTensor([shape[1]], seed: 14), variance = randomTensor([shape[1]], seed: 15).abs() + 0.5
        let result = try gradcheck(Self.inputs(shape), step: Self.step) { v in
            try Tensor.batchNorm(v[0], gamma: v[1], beta: v[2], mean: mean, variance: variance)
        }
        #expect(result.maxRelativeError < Self.tolerance, "\(result)")
    }

    @Test("forward and backward equal the composed formulas of CS231n", arguments: shapes)
    func matchesFormulas(shape: [Int]) throws {
        let t = Self.inputs(shape), axes = Self.axes(shape), eps = 1e-5
        let (x, gamma, beta) = (Tensor(t[0], requiresGrad: true), Tensor(t[1], requiresGrad: true), Tensor(t[2], requiresGrad: true))
        let y = try Tensor.batchNorm(x, gamma: gamma, beta: beta, eps: eps)
        let g = randomTensor(shape, seed: 16)
        try y.backward(seed: g)
        // The reference: every step spelled out with tensor operations.
        let m = Double(t[0].count / shape[1])
        let mu = try t[0].mean(axes: axes, keepDims: true)
        let invstd = 1 / (try t[0].variance(axes: axes, keepDims: true) + eps).sqrt()
        let xhat = try (t[0] - mu) * invstd
        let (gammaB, betaB) = (try Self.perFeature(t[1], shape), try Self.perFeature(t[2], shape))
        expectClose(y.detached(), try xhat * gammaB + betaB)
        let dxhat = try g * gammaB
        let sum = { (a: Tensor) in try a.sum(axes: axes, keepDims: true) }
        let dx = try invstd / m * (dxhat * m - sum(dxhat) - xhat * sum(dxhat * xhat))
        expectClose(x.grad!, dx)
        expectClose(gamma.grad!, try (g * xhat).sum(axes: axes))
        expectClose(beta.grad!, try g.sum(axes: axes))
    }

    @Test("training-mode output has mean 0 and variance 1 per feature", arguments: [[64, 8], [8, 3, 5, 5]])
    func normalised(shape: [Int]) throws {
        let x = randomTensor(shape, seed: 17) * 3 + 5
        let layer: any Layer = shape.count == 2 ? try BatchNorm1d(shape[1]) : try BatchNorm2d(shape[1])
        let y = try layer(x).detached()
        let axes = Self.axes(shape)
        // var(y) = σ²/(σ² + eps) ≈ 1 − eps/9 here, hence 1e-5.
        expectClose(try y.mean(axes: axes), try Tensor.zeros([shape[1]]), Tolerance(rtol: 0, atol: 1e-12))
        expectClose(try y.variance(axes: axes), try Tensor.ones([shape[1]]), Tolerance(rtol: 0, atol: 1e-5))
    }

    @Test("gradcheck of BatchNorm1d and BatchNorm2d, in training and evaluation mode",
          arguments: [[5, 3], [4, 3, 2], [3, 2, 3, 3]], [true, false])
    func layerGradients(shape: [Int], training: Bool) throws {
        let layer: any Layer = shape.count == 4 ? try BatchNorm2d(shape[1]) : try BatchNorm1d(shape[1])
        for seed in 20..<23 { _ = try layer((randomTensor(shape, seed: UInt64(seed)) * 2 + 1)) }   // running statistics ≠ 0, 1
        try layer.gamma(randomTensor([shape[1]], seed: 24) + 1)
        if !training { layer.eval() }
        let errors = try layerGradcheck(layer, randomTensor(shape, seed: 25), step: Self.step)
        #expect(errors.max()! < Self.tolerance, "\(errors)")
    }
}

extension Layer {
    /// Sets the "gamma" parameter (test helper).
    fileprivate func gamma(_ value: Tensor) throws {
        try namedParameters.first { $0.name == "gamma" }!.parameter.assign(value)
    }
}
