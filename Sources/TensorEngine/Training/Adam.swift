/// Adam (Kingma & Ba 2015): momentum on the gradient, scaled per element by a running
/// estimate of its size. For each parameter w with gradient dL/dw, at its t-th update:
///
///     g ← dL/dw + weightDecay · w
///     m ← β1 · m + (1 − β1) · g            (first moment; starts at 0)
///     v ← β2 · v + (1 − β2) · g²           (second moment; starts at 0)
///     m̂ = m / (1 − β1ᵗ),  v̂ = v / (1 − β2ᵗ)  (bias correction: m and v start at 0)
///     w ← w − lr · m̂ / (√v̂ + ε)
///
/// Defaults β1 = 0.9, β2 = 0.999, ε = 1e-8, as in the paper and PyTorch. The first step moves
/// every element by about lr (m̂/√v̂ = g/|g|), whatever the gradient's scale.
///
/// `weightDecay` is the L2 penalty's gradient added to g (PyTorch's `Adam(weight_decay=)`),
/// so the decay too is rescaled by √v̂; AdamW's decoupled decay is a different method.
/// t counts each parameter's own updates: a parameter frozen for a while resumes where it was.
public final class Adam: Optimizer {
    public let parameters: [Tensor]
    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    public var weightDecay: Double

    /// The moments and update count of one parameter.
    struct State {
        var m: Tensor
        var v: Tensor
        var steps: Int
    }
    private var states: [ObjectIdentifier: State] = [:]

    public init(_ parameters: [Tensor], learningRate: Double = 0.001, beta1: Double = 0.9,
                beta2: Double = 0.999, epsilon: Double = 1e-8, weightDecay: Double = 0) {
        self.parameters = uniqueParameters(parameters)
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    public func step() throws {
        try checkHyperparameters()
        let h = AdamHyperparameters(learningRate: learningRate, beta1: beta1, beta2: beta2,
                                    epsilon: epsilon, weightDecay: weightDecay)
        for (p, g, key) in updatable {
            // Taken out of the dictionary so the update below owns m and v and writes in place.
            var s = states.removeValue(forKey: key)
                ?? State(m: Tensor.zeros(like: p), v: Tensor.zeros(like: p), steps: 0)
            s.steps += 1
            let c1 = 1 - CMath.pow(beta1, Double(s.steps)), c2 = 1 - CMath.pow(beta2, Double(s.steps))
            let w = OptimizerKernels.adam(p.detached(), g, &s.m, &s.v, h, c1: c1, c2: c2)
            states[key] = s
            try p.assign(w)
        }
    }

    /// The first and second moments (m, v, without bias correction) and the number of
    /// updates of `parameter` so far; nil before its first update.
    public func moments(of parameter: Tensor) -> (m: Tensor, v: Tensor, steps: Int)? {
        parameter.identity.flatMap { states[$0] }.map { ($0.m, $0.v, $0.steps) }
    }

    private func checkHyperparameters() throws {
        try checkHyperparameter("Adam", "learningRate", learningRate, atLeast: 0)
        try checkHyperparameter("Adam", "weightDecay", weightDecay, atLeast: 0)
        try checkFraction("Adam", "beta1", beta1)
        try checkFraction("Adam", "beta2", beta2)
        guard epsilon.isFinite, epsilon > 0 else {
            throw TensorError.argument(op: "Adam", name: "epsilon",
                                       problem: .notPositive(got: TensorError.number(epsilon)))
        }
    }
}
