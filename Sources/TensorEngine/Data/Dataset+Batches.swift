/// The mini-batches of one epoch: consecutive runs of `size` examples, in `order`, the last
/// one smaller when `size` does not divide N (or left out, with `dropLast`). Every example is
/// in exactly one batch (except those `dropLast` leaves out).
///
/// A collection: `for batch in batches { ... }`, `batches.count`, `batches[i]`. A batch is
/// copied out of the data set when it is accessed, so holding the batches of an epoch costs
/// no more than the row order.
///
///     for epoch in 0..<20 {
///         for batch in try train.batches(size: 32, using: &rng) {   // a new order each epoch
///             // batch.x: [32, 2] (the last one [N % 32, 2]), batch.y: [32]
///         }
///     }
public struct Batches: RandomAccessCollection, Sendable {
    /// The data set the batches come from.
    public let dataset: Dataset
    /// The number of examples in a full batch.
    public let size: Int
    /// The examples' row numbers in the order the batches take them: `0..<N`, or a
    /// permutation of it.
    public let order: [Int]
    /// Whether a last, smaller batch is left out.
    public let dropLast: Bool

    public var startIndex: Int { 0 }

    /// The number of batches: ⌈N / size⌉, or ⌊N / size⌋ with `dropLast`.
    public var endIndex: Int { dropLast ? order.count / size : (order.count + size - 1) / size }

    /// Batch `i`: the examples at `order[i·size ..< min((i+1)·size, N)]`.
    /// - Complexity: O(size · example size).
    public subscript(position: Int) -> Dataset {
        precondition(position >= 0 && position < endIndex, "batch \(position) is out of range 0..<\(endIndex)")
        let start = position * size
        return dataset.rows(validated: order[start..<Swift.min(start + size, order.count)])
    }
}

extension Dataset {
    /// The mini-batches of `size` examples, in the data set's own order.
    /// - Throws: `TensorError.argument` when `size < 1`.
    public func batches(size: Int, dropLast: Bool = false) throws -> Batches {
        try Self.checkBatchSize(size)
        return Batches(dataset: self, size: size, order: Array(0..<count), dropLast: dropLast)
    }

    /// The mini-batches of `size` examples in a random order: one permutation of the examples
    /// (`rng.permutation(N)`) cut into runs of `size`. Call it once per epoch for a new order.
    /// - Throws: `TensorError.argument` when `size < 1`.
    public func batches(size: Int, dropLast: Bool = false, using rng: inout RandomGenerator) throws -> Batches {
        try Self.checkBatchSize(size)
        return Batches(dataset: self, size: size, order: rng.permutation(count), dropLast: dropLast)
    }

    private static func checkBatchSize(_ size: Int) throws {
        guard size >= 1 else {
            throw TensorError.argument(op: "batches", name: "the batch size", problem: .notAtLeast(1, got: size))
        }
    }
}
