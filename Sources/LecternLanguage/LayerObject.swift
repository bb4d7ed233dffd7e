import TensorEngine

/// A layer or model as a language value: callable (`model(x)`), with its parameters and
/// sublayers as attributes (`model.layers[0].weight`).
public final class LayerObject: CallableObject {
    public let layer: any Layer

    public init(_ layer: any Layer) {
        self.layer = layer
    }

    /// "Linear", "Sequential", ...: the summary up to its first parenthesis.
    public var typeName: String { String(layer.summary.prefix { $0 != "(" }) }

    public var attributeNames: [String] {
        layer.namedParameters.map(\.name) + (layer.sublayers.isEmpty ? [] : ["layers"])
            + (layer is any StatefulLayer ? ["running_mean", "running_var"] : []) + ["parameters", "training"]
    }

    public func attribute(_ name: String) -> Value? {
        if let parameter = layer.namedParameters.first(where: { $0.name == name }) { return .tensor(parameter.parameter) }
        switch name {
        case "layers" where !layer.sublayers.isEmpty: return .list(layer.sublayers.map { .object(LayerObject($0)) })
        case "parameters": return .list(layer.parameters.map(Value.tensor))
        case "training": return .bool(layer.isTraining)
        case "running_mean", "running_var":
            guard let stateful = layer as? any StatefulLayer, stateful.buffers.count == 2 else { return nil }
            return .tensor(stateful.buffers[name == "running_mean" ? 0 : 1])
        default: return nil
        }
    }

    /// Replaces a parameter's value: `bn.gamma = ones(4)`. The parameter stays the same
    /// parameter — tracked by optimizers, trainable or frozen as before — with the new value,
    /// which must have its shape. Other attributes cannot be set.
    public func setAttribute(_ name: String, _ value: Value) throws -> Bool {
        guard let parameter = layer.namedParameters.first(where: { $0.name == name })?.parameter else { return false }
        guard let tensor = value.tensorValue else {
            throw TensorError.argument(op: typeName, name: "'\(name)'", problem: .notATensor(got: value.aTypeName))
        }
        guard tensor.shape == parameter.shape else {
            throw TensorError.argument(op: typeName, name: "'\(name)'",
                                       problem: .newValueShape(has: parameter.shape, new: tensor.shape))
        }
        try parameter.assign(tensor)
        return true
    }

    /// The model's output for a batch: `model(x)`.
    public func call(_ arguments: [Value], _ range: SourceRange, _ interpreter: Interpreter) throws -> Value {
        guard arguments.count == 1, let input = arguments.first?.tensorValue else {
            throw LanguageError.runtime("\(withArticle(typeName)) takes one tensor, its input batch", range)
        }
        return .tensor(try layer.forward(input))
    }

    public var description: String {
        let count = layer.parameterCount
        return layer.summary + (count > 0 ? "\n\(count) parameters" : "")
    }
}
