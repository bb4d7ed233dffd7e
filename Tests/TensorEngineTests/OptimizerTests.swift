import Testing
@testable import TensorEngine

/// Each optimiser's update checked by hand over two steps, gradients set directly so the
/// expected numbers are plain arithmetic.
@Suite("optimisers: SGD, momentum, Adam")
struct OptimizerTests {
    /// A parameter [1, −2] and the two gradients its two steps see.
    static let start: [Double] = [1, -2]
    static let grads: [[Double]] = [[0.5, 3], [-1, 0.25]]

    static func parameter() -> Tensor { Tensor(Tensor(start), requiresGrad: true, name: "w") }

    /// Runs two steps of `optimizer` on `p` with `grads`; returns the value after each.
    static func twoSteps(_ optimizer: any Optimizer, _ p: Tensor) throws -> [Tensor] {
        try grads.map { g in
            p.grad = Tensor(g)
            try optimizer.step()
            return p.detached()
        }
    }

    @Test("plain SGD: w − lr·(g + λw), twice")
    func plainSGD() throws {
        let p = Self.parameter()
        let (lr, wd) = (0.1, 0.01)
        let values = try Self.twoSteps(SGD([p], learningRate: lr, weightDecay: wd), p)
        var w = Self.start
        for (step, g) in Self.grads.enumerated() {
            w = (0..<2).map { w[$0] - lr * (g[$0] + wd * w[$0]) }
            expectClose(values[step], shape: [2], w)
        }
    }

    @Test("momentum (CS231n form): v = μv − lr·(g + λw), w += v; velocity kept per parameter")
    func momentum() throws {
        let p = Self.parameter()
        let (lr, mu, wd) = (0.1, 0.9, 0.01)
        let sgd = SGD([p], learningRate: lr, momentum: mu, weightDecay: wd)
        #expect(sgd.velocity(of: p) == nil)
        let values = try Self.twoSteps(sgd, p)
        // Step 1: v1 = −lr·(g1 + λw0); step 2: v2 = μ·v1 − lr·(g2 + λw1).
        let w0 = Self.start, (g1, g2) = (Self.grads[0], Self.grads[1])
        let v1 = (0..<2).map { -lr * (g1[$0] + wd * w0[$0]) }
        let w1 = (0..<2).map { w0[$0] + v1[$0] }
        let v2 = (0..<2).map { mu * v1[$0] - lr * (g2[$0] + wd * w1[$0]) }
        let w2 = (0..<2).map { w1[$0] + v2[$0] }
        expectClose(values[0], shape: [2], w1)
        expectClose(values[1], shape: [2], w2)
        expectClose(sgd.velocity(of: p)!, shape: [2], v2)
    }

    @Test("momentum matches PyTorch's form (b = μb + g, w −= lr·b) while lr is constant")
    func momentumEqualsPyTorchForm() throws {
        let p = Self.parameter()
        let (lr, mu) = (0.05, 0.8)
        let values = try Self.twoSteps(SGD([p], learningRate: lr, momentum: mu), p)
        var w = Self.start, b = [0.0, 0.0]
        for (step, g) in Self.grads.enumerated() {
            b = (0..<2).map { mu * b[$0] + g[$0] }
            w = (0..<2).map { w[$0] - lr * b[$0] }
            expectClose(values[step], shape: [2], w)
        }
    }

    @Test("Adam: moments, bias correction and weight decay over two steps")
    func adam() throws {
        let p = Self.parameter()
        let (lr, b1, b2, eps, wd) = (0.01, 0.9, 0.999, 1e-8, 0.1)
        let adam = Adam([p], learningRate: lr, beta1: b1, beta2: b2, epsilon: eps, weightDecay: wd)
        let values = try Self.twoSteps(adam, p)
        var w = Self.start, m = [0.0, 0.0], v = [0.0, 0.0]
        for (step, grad) in Self.grads.enumerated() {
            let t = Double(step + 1)
            let g = (0..<2).map { grad[$0] + wd * w[$0] }
            m = (0..<2).map { b1 * m[$0] + (1 - b1) * g[$0] }
            v = (0..<2).map { b2 * v[$0] + (1 - b2) * g[$0] * g[$0] }
            let mHat = m.map { $0 / (1 - pow(b1, t)) }, vHat = v.map { $0 / (1 - pow(b2, t)) }
            w = (0..<2).map { w[$0] - lr * mHat[$0] / (vHat[$0].squareRoot() + eps) }
            expectClose(values[step], shape: [2], w)
        }
        let state = try #require(adam.moments(of: p))
        expectClose(state.m, shape: [2], m)
        expectClose(state.v, shape: [2], v)
        #expect(state.steps == 2)
    }

    @Test("Adam's first step moves each element by about lr, whatever the gradient's scale")
    func adamFirstStep() throws {
        let p = Tensor(Tensor([0, 0, 0]), requiresGrad: true)
        p.grad = Tensor([1e-4, -50, 3])
        try Adam([p], learningRate: 0.1).step()
        expectClose(p.detached(), shape: [3], [-0.1, 0.1, -0.1], Tolerance(rtol: 1e-3, atol: 0))
    }

    @Test("frozen parameters and parameters without a gradient are left alone, with no state",
          arguments: ["sgd", "momentum", "adam"])
    func skipped(kind: String) throws {
        let trained = Self.parameter(), unused = Self.parameter()
        var frozen = Self.parameter()
        frozen.requiresGrad = false
        let optimizer: any Optimizer = switch kind {
        case "sgd": SGD([trained, frozen, unused], learningRate: 0.1)
        case "momentum": SGD([trained, frozen, unused], learningRate: 0.1, momentum: 0.9)
        default: Adam([trained, frozen, unused], learningRate: 0.1)
        }
        trained.grad = Tensor([1, 1])
        frozen.grad = Tensor([1, 1])   // a stale gradient: must still be ignored
        try optimizer.step()
        #expect(trained.detached() != Tensor(Self.start))
        #expect(frozen.detached() == Tensor(Self.start) && unused.detached() == Tensor(Self.start))
        if let sgd = optimizer as? SGD { #expect(sgd.velocity(of: frozen) == nil && sgd.velocity(of: unused) == nil) }
        if let adam = optimizer as? Adam { #expect(adam.moments(of: frozen) == nil && adam.moments(of: unused) == nil) }
    }

    @Test("a parameter listed twice is updated once")
    func duplicates() throws {
        let p = Self.parameter()
        let sgd = SGD([p, p], learningRate: 0.1)
        #expect(sgd.parameters.count == 1)
        p.grad = Tensor([1, 1])
        try sgd.step()
        expectClose(p.detached(), shape: [2], [0.9, -2.1])
    }

    @Test("optimisers never clear gradients")
    func gradientsKept() throws {
        let p = Self.parameter()
        p.grad = Tensor([1, 1])
        try Adam([p]).step()
        #expect(p.grad == Tensor([1, 1]))
    }

    @Test("hyper-parameters out of range are errors at the step")
    func hyperparameterErrors() throws {
        let p = Self.parameter()
        p.grad = Tensor([1, 1])
        let message = expectError(.argument(op: "SGD", name: "momentum", problem: .notFraction(1))) {
            try SGD([p], learningRate: 0.1, momentum: 1).step()
        }
        #expect(message.contains("momentum"))
        #expect(message == "SGD: momentum must be at least 0 and below 1, got 1")
        expectError(.argument(op: "SGD", name: "learningRate",
                              problem: .notFiniteAtLeast(0, got: -0.1)),
                                          reads: "SGD: learningRate must be a finite number of at least 0, got -0.1") {
            try SGD([p], learningRate: -0.1).step()
        }
        expectError(.argument(op: "Adam", name: "beta2", problem: .notFraction(1)),
                    reads: "Adam: beta2 must be at least 0 and below 1, got 1") {
            try Adam([p], beta2: 1).step()
        }
        expectError(.argument(op: "Adam", name: "epsilon", problem: .notPositive(got: "0")),
                    reads: "Adam: epsilon must be a positive number, got 0") {
            try Adam([p], epsilon: 0).step()
        }
        #expect(p.detached() == Tensor(Self.start))
    }
}

private func pow(_ x: Double, _ n: Double) -> Double { CMath.pow(x, n) }
