/// A labelled data set: examples `x` of shape (N, ...) and their labels `y` of shape (N) —
/// or (N, k) for regression targets. Row `i` of `x` goes with row `i` of `y`.
///
/// - Classification: `y` holds class indices `0..<classes` as whole-number `Double`s (like every
///   tensor), and `classes` says how many there are.
/// - Regression: `y` holds real values and `classes` is `nil`.
///
/// The generators (`spiral`, `moons`, `blobs`, `regression1D`, `shapes`) and the real data
/// (`digits`) all return one; `split`, `shuffled`, `batches` and `Standardization` work on it.
///
///     var rng = RandomGenerator(seed: 0)
///     let data = try Dataset.spiral(using: &rng)     // x: [300, 2], y: [300], classes: 3
///     let parts = try data.split(validation: 0.2, test: 0.1, using: &rng)
public struct Dataset: Sendable, Equatable {
    /// The examples, one per row along axis 0: (N, D) points or (N, C, H, W) images.
    public var x: Tensor
    /// The labels, one per example: (N) class indices, or (N) / (N, k) regression targets.
    public var y: Tensor
    /// The number of classes for a classification set; `nil` for regression targets.
    public var classes: Int?

    /// A data set of examples `x` and labels `y`.
    /// - Throws: `TensorError.datasetRows` when `x` or `y` has rank 0 or their first
    ///   dimensions differ; with `classes`, `.argument` when it is below 1, `.notAnInteger`
    ///   or `.labelOutOfRange` for a label that is not a whole number in `0..<classes`.
    public init(x: Tensor, y: Tensor, classes: Int? = nil) throws {
        guard x.rank >= 1, y.rank >= 1, x.shape[0] == y.shape[0] else {
            throw TensorError.datasetRows(x: x.shape, y: y.shape)
        }
        if let classes {
            _ = try Tensor.oneHot(y, classes: classes)  // validates every label
        }
        self.init(unchecked: x, y: y, classes: classes)
    }

    /// A data set whose parts the caller has already validated.
    init(unchecked x: Tensor, y: Tensor, classes: Int?) {
        assert(x.shape.first == y.shape.first, "x \(x.shape) vs y \(y.shape)")
        self.x = x
        self.y = y
        self.classes = classes
    }

    /// The number of examples, N.
    public var count: Int { x.shape[0] }

    /// The shape of one example: `x.shape` without its first dimension ([2] for points,
    /// [1, 8, 8] for the digits).
    public var exampleShape: [Int] { Array(x.shape.dropFirst()) }

    /// How many examples have each label: `counts[c]` for class `c`. `nil` for regression.
    /// (Labels outside `0..<classes`, possible only after editing `y` directly, are not counted.)
    public var classCounts: [Int]? {
        guard let classes, classes >= 1 else { return nil }
        var counts = [Int](repeating: 0, count: classes)
        for label in y.scalars {
            if let c = Int(exactly: label), c >= 0, c < classes { counts[c] += 1 }
        }
        return counts
    }
}

extension Dataset {
    /// The examples at `indices`, in that order (an index may repeat): the rows of `x` and
    /// `y` that NumPy would pick with `x[indices]`, `y[indices]`. Negative indices count
    /// from the end.
    /// - Throws: `TensorError.indexOutOfRange` for an index outside `-N..<N`; a result larger
    ///   than the session allows (`Tensor.checkedCount`: indices may repeat).
    /// - Complexity: O(indices.count · example size).
    public func rows(_ indices: [Int]) throws -> Dataset {
        _ = try Tensor.checkedCount([indices.count] + x.shape.dropFirst())
        var picked: [Int] = []
        picked.reserveCapacity(indices.count)
        for index in indices {
            guard index >= -count, index < count else {
                throw TensorError.indexOutOfRange(index: index, axis: 0, size: count)
            }
            picked.append(index < 0 ? index + count : index)
        }
        return rows(validated: picked[...])
    }

    /// The examples at indices already known to be in `0..<count`.
    func rows(validated indices: ArraySlice<Int>) -> Dataset {
        Dataset(unchecked: Self.pick(indices, from: x), y: Self.pick(indices, from: y), classes: classes)
    }

    /// The rows of `tensor` (slices along axis 0) at `indices`, which are in range.
    private static func pick(_ indices: ArraySlice<Int>, from tensor: Tensor) -> Tensor {
        let rowSize = tensor.shape.dropFirst().reduce(1, *), x = tensor.scalars
        return Tensor(unchecked: [indices.count] + tensor.shape.dropFirst()) { out in
            for (i, row) in indices.enumerated() {
                for j in 0..<rowSize { out[i * rowSize + j] = x[row * rowSize + j] }
            }
        }
    }

    /// The same examples in a random order, `x` and `y` moved together (one permutation
    /// drawn with `rng.permutation(count)`).
    /// - Complexity: O(N · example size).
    public func shuffled(using rng: inout RandomGenerator) -> Dataset {
        rows(validated: rng.permutation(count)[...])
    }
}
