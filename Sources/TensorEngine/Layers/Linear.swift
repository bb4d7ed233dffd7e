/// A fully connected layer: y = x · W + b.
///
/// Shapes: x (N, inputs) -> y (N, outputs); W (inputs, outputs) as in CS231n (PyTorch stores
/// its transpose), b (outputs). Every output unit sees every input.
/// Parameters: inputs·outputs + outputs.
public final class Linear: Layer {
    public let weight: Tensor
    public let bias: Tensor
    public var isTraining = true

    /// - Parameters: `initializer` for W (fan-in = `inputs`); b starts at 0.
    public init(_ inputs: Int, _ outputs: Int, initializer: Initializer = .he,
                using rng: inout RandomGenerator) throws {
        weight = Tensor(try initializer.weights([inputs, outputs], fanIn: inputs, using: &rng),
                          requiresGrad: true, name: "weight")
        bias = Tensor(try Tensor.zeros([outputs]), requiresGrad: true, name: "bias")
    }

    /// A layer with the given starting weights (inputs, outputs) and bias (outputs).
    public init(weight: Tensor, bias: Tensor) throws {
        guard weight.rank == 2, bias.shape == [weight.shape[1]] else {
            throw TensorError.argument(op: "Linear", name: "weight and bias",
                                       problem: .shapes(expected: ["(inputs, outputs)", "(outputs)"], got: [weight.shape, bias.shape]))
        }
        self.weight = Tensor(weight, requiresGrad: true, name: "weight")
        self.bias = Tensor(bias, requiresGrad: true, name: "bias")
    }

    public var summary: String { "Linear(\(weight.shape[0]) -> \(weight.shape[1]))" }
    public var namedParameters: [(name: String, parameter: Tensor)] { [("weight", weight), ("bias", bias)] }

    /// (N, inputs) -> (N, outputs).
    public func forward(_ input: Tensor) throws -> Tensor {
        guard input.rank == 2, input.shape[1] == weight.shape[0] else {
            throw TensorError.rank(op: summary, argument: "its input",
                                   expected: "shape (N, \(weight.shape[0]))", shape: input.shape)
        }
        return try input.matmul(weight) + bias
    }
}
