/// How a layer's weights start. The choice decides whether a deep network trains at all:
///
/// - `constant(c)`: every weight equal. Every hidden unit then computes the same thing and
///   receives the same gradient, so they stay identical forever ("the symmetry never breaks").
/// - `normal(std:)`: std · N(0, 1), any spread: CS231n's `0.01 * randn` is `std: 0.01`, and
///   `std: 1` shows activations exploding.
/// - `small`: 0.01 · N(0, 1), the same as `normal(std: 0.01)`. Fine for one hidden layer; in a deep tanh network the
///   activations shrink layer after layer towards 0, and so do the gradients.
/// - `xavier`: N(0, 1) · √(1 / fanIn) (Glorot & Bengio 2010, in the form CS231n uses): keeps
///   the variance of activations roughly constant through tanh layers.
/// - `he`: N(0, 1) · √(2 / fanIn) (He et al. 2015): the same for ReLU, which zeroes half its
///   inputs. The default of `Linear` and `Conv2d`.
///
/// `fanIn` is the number of inputs to one unit: `inputs` for `Linear`, C·KH·KW for `Conv2d`.
public enum Initializer: Equatable, Sendable {
    case constant(Double)
    case normal(std: Double)
    case small
    case xavier
    case he

    /// A weight tensor of `shape` for units with `fanIn` inputs, drawn from `rng`.
    public func weights(_ shape: [Int], fanIn: Int, using rng: inout RandomGenerator) throws -> Tensor {
        switch self {
        case let .constant(value): return try Tensor(shape: shape, repeating: value)
        case let .normal(std): return try Tensor.randn(shape, using: &rng) * std
        case .small: return try Tensor.randn(shape, using: &rng) * 0.01
        case .xavier: return try Tensor.randn(shape, using: &rng) * (1 / Double(Swift.max(fanIn, 1))).squareRoot()
        case .he: return try Tensor.randn(shape, using: &rng) * (2 / Double(Swift.max(fanIn, 1))).squareRoot()
        }
    }

    /// The name the language uses: "constant", "normal", "small", "xavier", "he".
    public var name: String {
        switch self {
        case .constant: "constant"
        case .normal: "normal"
        case .small: "small"
        case .xavier: "xavier"
        case .he: "he"
        }
    }
}
