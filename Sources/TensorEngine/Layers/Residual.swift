/// A skip connection around any layer: y = x + f(x), the identity path of He et al. (2016)
/// that lets gradients reach early layers of a deep network unchanged:
///
///     dL/dx = dL/dy + (∂f/∂x)ᵀ dL/dy
///
/// `f` may be any layer or a `Sequential`; its output must have the input's shape (no
/// broadcasting: a mismatch is an error naming both shapes). Unlike `ResidualBlock` (two
/// convolutions with batch norm and a ReLU after the sum), it adds nothing of its own.
/// Parameters, train/eval mode and freezing reach `f` as a sublayer.
public final class Residual: Layer {
    public let body: any Layer
    public var isTraining = true

    public init(_ body: any Layer) { self.body = body }

    public var summary: String {
        let inner = body.summary.split(separator: "\n", omittingEmptySubsequences: false)
        return "Residual(x + " + inner.joined(separator: "\n  ") + ")"
    }

    public var sublayers: [any Layer] { [body] }

    /// x (any shape) → x + f(x), of the same shape.
    /// - Throws: `TensorError.argument` when f(x) does not have x's shape.
    public func forward(_ input: Tensor) throws -> Tensor {
        let output = try body(input)
        guard output.shape == input.shape else {
            throw TensorError.argument(op: "Residual", name: "the wrapped layer",
                                       problem: .keepShape(input: input.shape, output: output.shape))
        }
        return try input + output
    }
}
