import TensorEngine

/// An optimizer as a language value: `opt = SGD(parameters(model), lr=0.1)`, `step(opt)`,
/// `opt.lr = 0.01`.
public final class OptimizerObject: LanguageObject {
    public let optimizer: any Optimizer
    public let name: String

    init(_ optimizer: any Optimizer, name: String) {
        self.optimizer = optimizer
        self.name = name
    }

    public var typeName: String { name }
    public var attributeNames: [String] { ["lr", "parameters"] }

    public func attribute(_ name: String) -> Value? {
        switch name {
        case "lr": .number(optimizer.learningRate)
        case "parameters": .list(optimizer.parameters.map(Value.tensor))
        default: nil
        }
    }

    public func setAttribute(_ name: String, _ value: Value) throws -> Bool {
        guard name == "lr" else { return false }
        // Not a LanguageError: the interpreter puts a plain error at the assignment's place.
        guard case let .number(lr) = value, lr > 0, lr.isFinite else {
            throw TensorError.argument(op: self.name, name: "'lr'", problem: .notPositive(got: describe(value)))
        }
        optimizer.learningRate = lr
        return true
    }

    public var description: String {
        "\(name)(lr=\(formatNumber(optimizer.learningRate)), \(optimizer.parameters.count) parameters)"
    }
}
