/// Layers applied one after another: `Sequential([Linear(2, 100), ReLU(), Linear(100, 3)])`.
public final class Sequential: Layer {
    public private(set) var layers: [any Layer]
    public var isTraining = true

    public init(_ layers: [any Layer]) {
        self.layers = layers
    }

    /// Adds a layer at the end.
    public func append(_ layer: any Layer) { layers.append(layer) }

    public var summary: String {
        "Sequential(\n" + layers.enumerated().map { "  (\($0)) \($1.summary)" }.joined(separator: "\n") + "\n)"
    }

    public var sublayers: [any Layer] { layers }

    /// The input through every layer in turn.
    public func forward(_ input: Tensor) throws -> Tensor {
        try layers.reduce(input) { x, layer in try layer.forward(x) }
    }
}
