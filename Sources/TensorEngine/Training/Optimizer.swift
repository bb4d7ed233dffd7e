/// Updates parameters from their gradients. Optimizers skip parameters that do not require a
/// gradient (frozen ones) or have none yet; they never clear gradients themselves.
public protocol Optimizer: AnyObject {
    /// The parameters this optimizer updates, fixed when it is made.
    var parameters: [Variable] { get }
    /// The step size; may be changed between steps (learning-rate schedules).
    var learningRate: Double { get set }
    /// One update of every parameter from its current gradient.
    func step() throws
}

extension Optimizer {
    /// Clears the gradient of every parameter.
    public func zeroGrad() { for p in parameters { p.zeroGrad() } }
}

/// Plain stochastic gradient descent: w ← w − lr · (dL/dw + weightDecay · w).
///
/// `weightDecay` is the L2 penalty's gradient folded into the step (λ·w for a penalty of
/// λ/2·‖w‖²), applied to every parameter it updates.
public final class SGD: Optimizer {
    public let parameters: [Variable]
    public var learningRate: Double
    public var weightDecay: Double

    public init(_ parameters: [Variable], learningRate: Double, weightDecay: Double = 0) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.weightDecay = weightDecay
    }

    public func step() throws {
        for p in parameters where p.requiresGrad {
            guard let g = p.grad else { continue }
            let decayed = weightDecay == 0 ? g : try g + p.value * weightDecay
            try p.assign(try p.value - decayed * learningRate)
        }
    }
}
