/// Flattens each example of a batch into one row: (N, C, H, W) -> (N, C·H·W), and in
/// general (N, d1, d2, ...) -> (N, d1·d2·...). The bridge from convolutions to `Linear`.
/// Row-major, as NumPy's and PyTorch's flatten. No parameters.
public final class Flatten: Layer {
    public var isTraining = true
    public init() {}
    public var summary: String { "Flatten()" }

    /// (N, ...) -> (N, product of the rest). - Throws: on a rank-0 input.
    public func forward(_ input: Tensor) throws -> Tensor {
        guard input.rank >= 1 else {
            throw TensorError.rank(op: "Flatten", argument: "its input", expected: "a batch (N, ...)", shape: input.shape)
        }
        return try input.reshape([input.shape[0], input.shape.dropFirst().reduce(1, *)])
    }
}
