/// Non-linearities as layers, so they can sit in a `Sequential`. No parameters; any shape;
/// the same in training and evaluation mode.
public final class ReLU: Layer {
    public var isTraining = true
    public init() {}
    public var summary: String { "ReLU()" }
    public func forward(_ input: Tensor) throws -> Tensor { input.relu() }
}

/// x for x > 0, slope·x otherwise (default slope 0.01): like ReLU, but a unit that is off
/// still passes a little gradient, so it cannot "die".
public final class LeakyReLU: Layer {
    public let slope: Double
    public var isTraining = true
    public init(slope: Double = 0.01) { self.slope = slope }
    public var summary: String { "LeakyReLU(slope: \(slope))" }
    public func forward(_ input: Tensor) throws -> Tensor { input.leakyRelu(slope: slope) }
}

/// tanh(x): zero-centred, in (−1, 1); saturates (gradient near 0) for large |x|.
public final class Tanh: Layer {
    public var isTraining = true
    public init() {}
    public var summary: String { "Tanh()" }
    public func forward(_ input: Tensor) throws -> Tensor { input.tanh() }
}

/// σ(x) = 1 / (1 + e^−x), in (0, 1): not zero-centred, and its gradient is at most 1/4, so
/// deep sigmoid networks train slowly (one of the lessons' ReLU-vs-sigmoid points).
public final class Sigmoid: Layer {
    public var isTraining = true
    public init() {}
    public var summary: String { "Sigmoid()" }
    public func forward(_ input: Tensor) throws -> Tensor { input.sigmoid() }
}
