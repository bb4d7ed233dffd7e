/// Indexing variables: basic slicing (`x[1:, ::-1]`) and picking rows with a tensor of
/// indices. Both are primitives; their backward rules put g back where the elements came from.
extension Variable {
    /// The elements `indices` select, like NumPy's `x[indices...]`, as `Tensor.slice`
    /// (`.at`, `.range` with negative indices and steps, `.all`, `.newAxis`, and the
    /// advanced `.indices` and `.mask`).
    ///
    /// Backward of a basic index: g scattered into zeros of the input's shape at the same
    /// selection (`Tensor.assign`). A basic index selects each input position at most once,
    /// so writing is enough; nothing needs adding up. An advanced index is not a primitive:
    /// `AdvancedIndex` composes it of a basic slice, permute, reshape and `gather(rows:)`,
    /// whose scatter-add sums the gradients of a position picked twice.
    /// - Throws: as `Tensor.slice`.
    /// - Complexity: O(result count) forward; O(input count) backward (the zeros).
    public func slice(_ indices: [TensorIndex]) throws -> Variable {
        if indices.contains(where: \.isAdvanced) { return try AdvancedIndex(indices, shape: shape).apply(to: self) }
        let inputShape = shape
        return .result(try value.slice(indices), op: "slice", parents: [self]) { g in
            var dx = try Tensor.zeros(inputShape)
            try dx.assign(g, at: indices)
            return [dx]
        }
    }

    /// The rows (entries along axis 0) that `indices` names, as `Tensor.gather(rows:)`:
    /// shape `indices.shape + shape[1...]`; negative indices count from the end, and a row
    /// may be picked more than once. The indices are data: they get no gradient.
    ///
    /// Backward: each row of g is *added* to the row of the input it was picked from
    /// (a scatter-add), in the order of `indices`: a row picked twice gets both gradients.
    /// - Throws: as `Tensor.gather(rows:)`.
    /// - Complexity: O(result count) forward; O(input count + result count) backward.
    // NOTE: scattering by assignment instead would keep only the last gradient of a row
    // picked twice, an error gradcheck catches only when an index repeats.
    public func gather(rows indices: Tensor) throws -> Variable {
        let inputShape = shape
        return .result(try value.gather(rows: indices), op: "gather", parents: [self]) { g in
            [try scatterAddRows(g, indices: indices, into: inputShape)]
        }
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
