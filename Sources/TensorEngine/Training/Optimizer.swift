/// Updates parameters from their gradients. Optimizers skip parameters that do not require a
/// gradient (frozen ones) or have none yet; they never clear gradients themselves.
///
/// An optimizer with state (momentum's velocity, Adam's moments) keeps it per parameter,
/// keyed by the parameter's identity (its graph node's: every copy of a parameter is the same
/// parameter), created on the parameter's first update. A parameter listed twice is updated once.
public protocol Optimizer: AnyObject {
    /// The parameters this optimizer updates, fixed when it is made.
    var parameters: [Tensor] { get }
    /// The step size; may be changed between steps (learning-rate schedules).
    var learningRate: Double { get set }
    /// One update of every parameter from its current gradient.
    /// - Throws: `TensorError.argument` when a hyper-parameter is out of range (checked at
    ///   every step, since they may be changed between steps).
    func step() throws
}

extension Optimizer {
    /// Clears the gradient of every parameter.
    public func zeroGrad() { for p in parameters { p.zeroGrad() } }

    /// The parameters to update now, with their gradients: those that require a gradient
    /// and have one.
    var updatable: [(parameter: Tensor, grad: Tensor, key: ObjectIdentifier)] {
        parameters.compactMap { p in
            guard p.requiresGrad, let g = p.grad, let key = p.identity else { return nil }
            return (p, g, key)
        }
    }
}

/// Stochastic gradient descent, plain or with momentum, in the form CS231n teaches:
///
///     g ← dL/dw + weightDecay · w
///     plain (momentum 0):  w ← w − lr · g
///     momentum μ:          v ← μ · v − lr · g;   w ← w + v      (v starts at 0)
///
/// The velocity v is the one of CS231n's notes ("v = mu * v - learning_rate * dx"), with the
/// learning rate inside it. PyTorch keeps lr outside (b ← μ·b + g; w ← w − lr·b): the two give
/// the same steps while lr is constant and differ after a learning-rate change, where this form
/// lets the old velocity (scaled by the old lr) fade out instead of rescaling it at once.
///
/// `weightDecay` λ is the gradient of the L2 penalty λ/2·‖w‖² folded into g (`l2Penalty`),
/// applied to every parameter this optimizer updates.
public final class SGD: Optimizer {
    public let parameters: [Tensor]
    public var learningRate: Double
    /// μ in [0, 1): how much of the previous step carries into the next; 0 is plain SGD.
    public var momentum: Double
    public var weightDecay: Double
    /// The velocity v of each parameter updated so far (with momentum only).
    private var velocity: [ObjectIdentifier: Tensor] = [:]

    public init(_ parameters: [Tensor], learningRate: Double, momentum: Double = 0, weightDecay: Double = 0) {
        self.parameters = uniqueParameters(parameters)
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
    }

    public func step() throws {
        try checkHyperparameter("SGD", "learningRate", learningRate, atLeast: 0)
        try checkHyperparameter("SGD", "weightDecay", weightDecay, atLeast: 0)
        try checkFraction("SGD", "momentum", momentum)
        for (p, g, key) in updatable {
            if momentum == 0 {
                try p.assign(OptimizerKernels.sgd(p.detached(), g, learningRate, weightDecay))
                continue
            }
            // Taken out of the dictionary so the update below owns it and writes in place.
            var v = velocity.removeValue(forKey: key) ?? Tensor.zeros(like: p)
            let w = OptimizerKernels.momentum(p.detached(), g, &v, learningRate, momentum, weightDecay)
            velocity[key] = v
            try p.assign(w)
        }
    }

    /// The velocity of `parameter` (nil before its first update with momentum).
    public func velocity(of parameter: Tensor) -> Tensor? { parameter.identity.flatMap { velocity[$0] } }
}

/// `parameters` without repeats (by identity), in their first order.
func uniqueParameters(_ parameters: [Tensor]) -> [Tensor] {
    var seen: Set<ObjectIdentifier> = []
    return parameters.filter { $0.identity.map { seen.insert($0).inserted } ?? true }
}

/// Throws unless `value` is finite and at least `minimum`.
func checkHyperparameter(_ op: String, _ name: String, _ value: Double, atLeast minimum: Double) throws {
    guard value.isFinite, value >= minimum else {
        throw TensorError.argument(op: op, name: name,
                                   problem: .notFiniteAtLeast(minimum, got: value))
    }
}

/// Throws unless `value` is in [0, 1).
func checkFraction(_ op: String, _ name: String, _ value: Double) throws {
    guard value >= 0, value < 1 else {
        throw TensorError.argument(op: op, name: name,
                                   problem: .notFraction(value))
    }
}
