/// A layer of a network: a function of one input batch, with named parameters and a mode.
///
/// Layers are classes (a model is a graph of objects whose parameters change in place as it
/// trains). A layer made of other layers (`Sequential`, `ResidualBlock`) lists them in
/// `sublayers`; `parameters`, `train()`, `eval()`, `freeze()` and `unfreeze()` reach
/// through them.
public protocol Layer: AnyObject {
    /// One line for printing a model: "Linear(2 -> 100)".
    var summary: String { get }
    /// The output for a batch. Shapes are documented by each layer.
    func forward(_ input: Tensor) throws -> Tensor
    /// This layer's own parameters, by name, in a fixed order ("weight", "bias").
    var namedParameters: [(name: String, parameter: Tensor)] { get }
    /// The layers inside this one, in order.
    var sublayers: [any Layer] { get }
    /// Training mode (batch statistics, dropout) when true; evaluation mode when false.
    var isTraining: Bool { get set }
}

extension Layer {
    public var namedParameters: [(name: String, parameter: Tensor)] { [] }
    public var sublayers: [any Layer] { [] }

    /// `layer(x)` is `layer.forward(x)`.
    public func callAsFunction(_ input: Tensor) throws -> Tensor { try forward(input) }

    /// Every parameter of this layer and the layers inside it, depth-first, in order.
    public var parameters: [Tensor] {
        namedParameters.map(\.parameter) + sublayers.flatMap(\.parameters)
    }

    /// The number of trainable numbers (frozen parameters included).
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

    /// Training mode for this layer and every layer inside it.
    public func train() { setTraining(true) }
    /// Evaluation mode for this layer and every layer inside it (running statistics, no dropout).
    public func eval() { setTraining(false) }

    private func setTraining(_ on: Bool) {
        isTraining = on
        for layer in sublayers { layer.setTraining(on) }
    }

    /// Stops training this layer's parameters (and its sublayers'): they get no gradient and
    /// optimizers leave them alone; a frozen batch norm also keeps its running statistics and
    /// normalises with them. For transfer learning: freeze what was learned, train a new head.
    // NOTE: `var p` is a copy, but a parameter's flag and gradient live in its graph node,
    // which every copy shares: the layer's own parameter is frozen.
    public func freeze() { for var p in parameters { p.requiresGrad = false; p.grad = nil } }
    /// Lets the parameters train again.
    public func unfreeze() { for var p in parameters { p.requiresGrad = true } }

    /// Clears every parameter's gradient.
    public func zeroGrad() { for p in parameters { p.zeroGrad() } }
}
