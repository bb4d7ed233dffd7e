/// Indexing with a tensor of integers: picking rows for a mini-batch, and one-hot labels.
/// Index and label tensors hold `Double`s like every tensor; they must hold whole numbers.
extension Tensor {
    /// The rows (entries along axis 0) that `indices` names, like NumPy's `x[idx]` with an
    /// integer array. The result has shape `indices.shape + shape[1...]`; negative indices
    /// count from the end, and a row may be picked more than once.
    ///
    ///     x.shape == [100, 3, 8, 8]              // a data set of 100 images
    ///     let batch = Tensor([7, 3, 99, -1])     // four row numbers
    ///     try x.gather(rows: batch).shape == [4, 3, 8, 8]
    ///
    /// - Throws: `TensorError.rank` for a rank-0 tensor (it has no rows), `.notAnInteger`,
    ///   `.indexOutOfRange`.
    ///
    /// The indices are data: they get no gradient. Backward: each row of g is *added* to the
    /// row of the input it was picked from (a scatter-add), in the order of `indices`: a row
    /// picked twice gets both gradients.
    /// - Complexity: O(result count) forward; O(input count + result count) backward.
    // NOTE: scattering by assignment instead would keep only the last gradient of a row
    // picked twice, an error gradcheck catches only when an index repeats.
    public func gather(rows indices: Tensor) throws -> Tensor {
        let y = try plainGather(rows: indices)
        guard requiresGrad else { return y }
        let (inputShape, picks) = (shape, indices.detached())
        return y.recorded("gather", [self]) { g in [try scatterAddRows(g, indices: picks, into: inputShape)] }
    }

    /// `gather(rows:)` without the graph.
    private func plainGather(rows indices: Tensor) throws -> Tensor {
        guard let rows = shape.first else {
            throw TensorError.rank(op: "gather", argument: "a tensor", expected: "rank 1 or more", shape: shape)
        }
        let rowShape = Array(shape.dropFirst())
        let resultShape = indices.shape + rowShape
        _ = try Self.checkedCount(resultShape)
        let rowSize = rowShape.reduce(1, *)
        let picked = try indices.scalars.map { try Self.rowNumber($0, rows: rows) }
        // Copied through buffers: one `append(contentsOf:)` per row costs more than the copy
        // when rows are single elements (x[x > 0]).
        return Tensor(unchecked: resultShape) { out in
            scalars.withUnsafeBufferPointer { x in
                for (k, row) in picked.enumerated() {
                    for j in 0..<rowSize { out[k * rowSize + j] = x[row * rowSize + j] }
                }
            }
        }.keepingBoolean(isBoolean)
    }

    /// A validated row number in `0..<rows` for an index value (negative counts from the end).
    private static func rowNumber(_ value: Double, rows: Int) throws -> Int {
        guard let index = try wholeNumber(value, op: "gather") else {
            // A whole number beyond Int's range (1e20): surely out of range; report it clamped.
            throw TensorError.indexOutOfRange(index: value < 0 ? Int.min : Int.max, axis: 0, size: rows)
        }
        guard index >= -rows, index < rows else {
            throw TensorError.indexOutOfRange(index: index, axis: 0, size: rows)
        }
        return index < 0 ? index + rows : index
    }

    /// `value` as an `Int`, or `nil` when it is a whole number too large for one.
    /// - Throws: `TensorError.notAnInteger` for fractions, infinities and `nan`.
    private static func wholeNumber(_ value: Double, op: String) throws -> Int? {
        guard value.isFinite, value == value.rounded() else {
            throw TensorError.notAnInteger(op: op, value: value)
        }
        return Int(exactly: value)
    }

    /// Labels as one-hot rows, for a softmax classifier: shape (N) gives (N, classes), with
    /// row `i` all zeros except a 1 in column `labels[i]`. (Any shape works: a `classes` axis
    /// is appended.)
    ///
    ///     try Tensor.oneHot(Tensor([2, 0, 1]), classes: 3)
    ///     // [[0, 0, 1],
    ///     //  [1, 0, 0],
    ///     //  [0, 1, 0]]
    ///
    /// - Throws: `TensorError.argument` when `classes < 1`, `.notAnInteger` for a label that
    ///   is not a whole number, `.labelOutOfRange` for one outside `0..<classes`.
    /// - Complexity: O(labels.count · classes).
    public static func oneHot(_ labels: Tensor, classes: Int) throws -> Tensor {
        guard classes >= 1 else {
            throw TensorError.argument(op: "one_hot", name: "classes", problem: .notAtLeast(1, got: classes))
        }
        var result = try zeros(labels.shape + [classes])
        for (i, label) in labels.scalars.enumerated() {
            let column = try wholeNumber(label, op: "one_hot")
            guard let column, column >= 0, column < classes else {
                throw TensorError.labelOutOfRange(label: label, classes: classes)
            }
            result.scalars[i * classes + column] = 1
        }
        return result
    }
}

/// Zeros of `shape` with row `indices[k]` increased by the k-th row of `g`, for each k.
/// The indices were validated by the forward `gather`: whole numbers in −rows..<rows.
private func scatterAddRows(_ g: Tensor, indices: Tensor, into shape: [Int]) throws -> Tensor {
    var result = try Tensor.zeros(shape)
    let rows = shape[0], rowSize = shape.dropFirst().reduce(1, *)
    result.scalars.withUnsafeMutableBufferPointer { out in
        g.scalars.withUnsafeBufferPointer { src in
            for (k, index) in indices.scalars.enumerated() {
                let row = Int(index) < 0 ? Int(index) + rows : Int(index)
                let to = row * rowSize, from = k * rowSize
                for j in 0..<rowSize { out[to + j] += src[from + j] }
            }
        }
    }
    return result
}
