/// Inverted dropout: in training mode each input element is zeroed with probability p and
/// the survivors are scaled by 1/(1 − p), so the expected output equals the input; in
/// evaluation mode the layer is the identity (no rescaling needed at test time — the point
/// of the "inverted" form). Any shape; no parameters.
///
/// The mask comes from the layer's own `RandomGenerator`, seeded at creation: a run is
/// reproducible, and the same seed drops the same units. Each training-mode call draws one
/// `uniform()` per element in row-major order and drops the element when it is below p.
/// The gradient passes through the same mask: g·mask.
public final class Dropout: Layer {
    /// The probability of zeroing an element, in 0...1.
    public let p: Double
    public var isTraining = true
    /// The source of the masks; `reseed` restarts it (e.g. to repeat a mask in a gradient check).
    public var generator: RandomGenerator

    /// - Throws: `TensorError.argument` when p is not in 0...1.
    public init(_ p: Double = 0.5, seed: UInt64 = 0) throws {
        guard (0...1).contains(p) else {
            throw TensorError.argument(op: "Dropout", name: "p", problem: .notProbability(p))
        }
        self.p = p
        generator = RandomGenerator(seed: seed)
    }

    /// Restarts the mask stream from `seed`.
    public func reseed(_ seed: UInt64) { generator = RandomGenerator(seed: seed) }

    public var summary: String { "Dropout(p: \(p))" }

    /// x·mask in training mode, with mask 0 (probability p) or 1/(1 − p); x in evaluation mode.
    public func forward(_ input: Tensor) throws -> Tensor {
        guard isTraining, p > 0 else { return input }
        let keep = 1 / (1 - p), p = self.p
        let mask = Tensor(unchecked: input.shape) { mask in
            for i in 0..<mask.count { mask[i] = generator.uniform() < p ? 0 : keep }
        }
        return try input * mask
    }
}
