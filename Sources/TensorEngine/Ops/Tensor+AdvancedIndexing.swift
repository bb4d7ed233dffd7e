/// NumPy's advanced indexing: selecting with index tensors and masks (`TensorIndex.indices`,
/// `.mask`), reading (`slice`) and writing (`assign`), and `nonzero`, which turns a mask
/// into index tensors. The work is planned by `AdvancedIndex`.
///
/// A mask is told from an index tensor by `isBoolean`, not by its values: comparisons make
/// masks, and `Tensor([0, 1, 1])` picks rows 0, 1 and 1, as `np.array([0, 1, 1])` does.
///
///     x.shape == [4, 2]
///     try x.slice([.mask(Tensor.less(y, Tensor(5)))])     // x[y < 5]: y of shape [4], (k, 2)
///     try x.slice([.indices(Tensor([3, 0, 0]))]).shape == [3, 2]   // x[[3, 0, 0]]
///     try x.slice([.mask(Tensor.greater(x, Tensor(0)))])  // x[x > 0]: the elements, (k)
///     try x.slice([.all, .indices(Tensor([1]))]).shape == [4, 1]   // x[:, [1]]
extension Tensor {
    /// The shape `x.slice(indices)` has, without computing it, for checking a size first.
    /// The positions in index tensors are not checked here: `slice` checks them.
    /// - Throws: as `slice`, except for positions out of range or not whole.
    public static func indexedShape(_ shape: [Int], _ indices: [TensorIndex]) throws -> [Int] {
        guard indices.contains(where: \.isAdvanced) else { return try basicShape(shape, indices) }
        return try AdvancedIndex(indices, shape: shape, shapeOnly: true).resultShape
    }

    /// The shape a basic index (no index tensors or masks) selects from `shape`.
    /// - Throws: `TensorError.tooManyIndices`, `.indexOutOfRange`, `.zeroStep`.
    static func basicShape(_ shape: [Int], _ indices: [TensorIndex]) throws -> [Int] {
        let used = indices.filter { $0 != .newAxis }.count
        guard used <= shape.count else { throw TensorError.tooManyIndices(count: used, rank: shape.count) }
        var result: [Int] = [], axis = 0
        for index in indices + Array(repeating: .all, count: shape.count - used) {
            switch index {
            case .newAxis: result.append(1); continue
            case let .at(i):
                guard i >= -shape[axis], i < shape[axis] else {
                    throw TensorError.indexOutOfRange(index: i, axis: axis, size: shape[axis])
                }
            case let .range(start, stop, step):
                result.append(try sliceBounds(start: start, stop: stop, step: step ?? 1, size: shape[axis]).count)
            case .all, .indices, .mask: result.append(shape[axis])
            }
            axis += 1
        }
        return result
    }

    /// Writes `value` (broadcast to the selection's shape) at the positions an advanced index
    /// selects. The positions are found by selecting from a tensor of positions, so reading
    /// and writing can never disagree. A position picked twice keeps the last value, as in
    /// NumPy.
    /// - Complexity: O(count + selection count): the tensor of positions is as large as `self`.
    mutating func assign(_ value: Tensor, atAdvanced indices: [TensorIndex]) throws {
        let plan = try AdvancedIndex(indices, shape: shape)
        let positions = Tensor(unchecked: shape, scalars: (0..<count).map(Double.init))
        let picked = try plan.apply(to: positions)
        let source = try value.broadcastForAssignment(to: picked.shape)
        let values = source.scalars
        for (k, position) in picked.scalars.enumerated() { scalars[Int(position)] = values[k] }
        keepBooleanAfterWriting(source)
    }

    /// The row-major offsets of the nonzero elements, NumPy's `np.flatnonzero`: shape (k).
    func nonzeroOffsets() -> Tensor {
        var offsets: [Double] = []
        for (offset, value) in scalars.enumerated() where value != 0 { offsets.append(Double(offset)) }
        return Tensor(offsets)
    }

    /// Where the elements are nonzero, as NumPy's `np.nonzero`: one rank-1 tensor per axis,
    /// of the same length k (the number of nonzero elements), with the positions in row-major
    /// order. Element i of the result's tensors together name the i-th nonzero element.
    ///
    ///     try Tensor([[0, 3], [4, 0]]).nonzero() == [Tensor([0, 1]), Tensor([1, 0])]
    ///
    /// - Throws: `TensorError.rank` for a rank-0 tensor (NumPy refuses them too).
    /// - Complexity: O(count + k · rank).
    public func nonzero() throws -> [Tensor] {
        guard rank > 0 else {
            throw TensorError.rank(op: "nonzero", argument: "a tensor", expected: "rank 1 or more", shape: shape)
        }
        var positions = [[Double]](repeating: [], count: rank)
        for (offset, value) in scalars.enumerated() where value != 0 {
            var rest = offset
            for axis in (0..<rank).reversed() {
                positions[axis].append(Double(rest % shape[axis]))
                rest /= shape[axis]
            }
        }
        return positions.map { Tensor($0) }
    }
}
