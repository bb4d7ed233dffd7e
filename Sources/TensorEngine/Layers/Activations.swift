/// Non-linearities as layers, so they can sit in a `Sequential`. No parameters; any shape.
public final class ReLU: Layer {
    public var isTraining = true
    public init() {}
    public var summary: String { "ReLU()" }
    public func forward(_ input: Variable) throws -> Variable { input.relu() }
}
