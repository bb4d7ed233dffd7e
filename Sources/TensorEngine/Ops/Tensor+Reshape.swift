/// Operations that change a tensor's shape but not its elements. Reshape, flatten and
/// squeeze/unsqueeze keep the row-major order, so they only relabel the shape;
/// transpose/permute reorder the elements into a new contiguous tensor.
///
/// Two primitives carry the gradients: relabelling (every reshape, flatten, squeeze and
/// unsqueeze; backward: g under the input's shape) and reordering the axes (transpose and
/// permute; backward: g permuted back by the inverse permutation).
extension Tensor {
    /// The same elements, read in row-major order, under a new shape with the same count.
    /// One dimension may be `-1`: it is inferred from the others.
    ///
    ///     x.shape == [2, 3, 4]
    ///     try x.reshape([6, 4]).shape == [6, 4]
    ///     try x.reshape([-1, 12]).shape == [2, 12]
    ///
    /// - Throws: `TensorError.reshape` naming both shapes when the counts differ,
    ///   `.reshapeInference` when `-1` cannot be inferred, `.negativeDimension` for other
    ///   negative sizes.
    /// - Complexity: O(1) beyond the copy-on-write of `scalars`.
    public func reshape(_ newShape: [Int]) throws -> Tensor {
        let resolved = try inferDimension(newShape)
        guard try Shape.elementCount(resolved) == count else {
            throw TensorError.reshape(from: shape, to: newShape)
        }
        return relabeled(resolved)
    }

    /// `newShape` with its one `-1` (if any) replaced by `count / (product of the others)`.
    private func inferDimension(_ newShape: [Int]) throws -> [Int] {
        guard newShape.allSatisfy({ $0 >= -1 }) else { throw TensorError.negativeDimension(shape: newShape) }
        let unknowns = newShape.indices.filter { newShape[$0] == -1 }
        guard unknowns.count <= 1 else { throw TensorError.reshapeInference(to: newShape, count: count) }
        guard let unknown = unknowns.first else { return newShape }
        var resolved = newShape
        resolved[unknown] = 1
        let known = try Shape.elementCount(resolved)
        guard known > 0, count % known == 0 else { throw TensorError.reshapeInference(to: newShape, count: count) }
        resolved[unknown] = count / known
        return resolved
    }

    /// The axes in reverse order, like NumPy's `x.T`: a (3, 4) matrix becomes (4, 3), and in
    /// general (a, b, c) becomes (c, b, a) with `y[k, j, i] == x[i, j, k]`.
    /// Ranks 0 and 1 come back unchanged.
    /// - Complexity: O(count).
    public func transpose() -> Tensor {
        reorderAxes(Array((0..<rank).reversed()))
    }

    /// The axes in the order `axes` names them: result axis `i` is input axis `axes[i]`.
    /// Negative axes count from the end.
    ///
    ///     x.shape == [2, 3, 4]          // (N, H, W)
    ///     try x.permute([0, 2, 1]).shape == [2, 4, 3]
    ///     try x.permute([-1, 0, 1]).shape == [4, 2, 3]
    ///
    /// - Throws: `TensorError.permutation` unless `axes` names every axis exactly once.
    /// - Complexity: O(count).
    public func permute(_ axes: [Int]) throws -> Tensor {
        guard axes.count == rank else { throw TensorError.permutation(axes, rank: rank) }
        var normalized: [Int] = []
        for axis in axes {
            guard axis >= -rank, axis < rank else { throw TensorError.permutation(axes, rank: rank) }
            normalized.append(axis < 0 ? axis + rank : axis)
        }
        guard Set(normalized).count == rank else { throw TensorError.permutation(axes, rank: rank) }
        return reorderAxes(normalized)
    }

    /// Copies the elements into the order of a validated permutation: the result is written
    /// row by row, reading the input with its strides taken in the new order.
    private func reorderAxes(_ axes: [Int]) -> Tensor {
        let ownStrides = strides
        let newShape = axes.map { shape[$0] }
        let readStrides = axes.map { ownStrides[$0] }
        var result = Tensor(unchecked: newShape) { out in
            scalars.withUnsafeBufferPointer { x in
                let inner = newShape.last ?? 1, step = readStrides.last ?? 0
                var o = 0
                Shape.forEachRow(newShape, strides: readStrides) { row in
                    for i in 0..<inner { out[o + i] = x[row + i * step] }
                    o += inner
                }
            }
        }
        result.isBoolean = isBoolean
        guard requiresGrad else { return result }
        var inverse = [Int](repeating: 0, count: rank)
        for (i, axis) in axes.enumerated() { inverse[axis] = i }
        return result.recorded("permute", [self]) { [inverse] g in [try g.permute(inverse)] }
    }

    /// The primitive behind every reshape: these elements in the same row-major order under
    /// a validated shape of the same count. Backward: g under the input's shape.
    private func relabeled(_ newShape: [Int]) -> Tensor {
        let y = withShape(newShape)
        guard requiresGrad else { return y }
        let inputShape = shape
        return y.recorded("reshape", [self]) { g in [g.withShape(inputShape)] }
    }

    /// All elements as a rank-1 tensor of `count` elements (a rank-0 tensor gives `[1]`).
    public func flatten() -> Tensor {
        relabeled([count])
    }

    /// Merges the axes from `startAxis` to the last into one, like `torch.flatten(x, 1)`:
    /// (N, C, H, W) with `startAxis: 1` becomes (N, C·H·W), one row per example.
    /// As in torch, a rank-0 tensor accepts axis 0 or -1 and becomes `[1]`.
    /// - Throws: `TensorError.axisOutOfRange`.
    public func flatten(startAxis: Int) throws -> Tensor {
        if rank == 0, startAxis == 0 || startAxis == -1 { return flatten() }
        let start = try Shape.normalize(axis: startAxis, rank: rank)
        let merged = shape[start...].reduce(1, *)
        return relabeled(Array(shape[..<start]) + [merged])
    }

    /// Removes axes of size 1: all of them when `axes` is `nil`, otherwise the named ones
    /// (negative axes count from the end).
    ///
    ///     x.shape == [1, 3, 1, 2]
    ///     try x.squeeze().shape == [3, 2]
    ///     try x.squeeze(axes: [-2]).shape == [1, 3, 2]
    ///
    /// - Throws: `TensorError.squeeze` when a named axis does not have size 1,
    ///   `.axisOutOfRange`, `.repeatedAxis`.
    public func squeeze(axes: [Int]? = nil) throws -> Tensor {
        guard let axes else { return relabeled(shape.filter { $0 != 1 }) }
        for axis in axes {
            let d = try Shape.normalize(axis: axis, rank: rank)
            guard shape[d] == 1 else { throw TensorError.squeeze(axis: axis, size: shape[d]) }
        }
        let removed = Set(try Shape.normalize(axes: axes, rank: rank))
        return relabeled(shape.indices.filter { !removed.contains($0) }.map { shape[$0] })
    }

    /// Inserts an axis of size 1 at position `axis` of the result, like `np.expand_dims`:
    /// for shape (3, 4), axis 0 gives (1, 3, 4), axis 2 or -1 gives (3, 4, 1).
    /// `axis` may be in `-(rank + 1)...rank`.
    /// - Throws: `TensorError.newAxisOutOfRange`.
    public func unsqueeze(axis: Int) throws -> Tensor {
        var newShape = shape
        newShape.insert(1, at: try Self.newAxisPosition(axis, rank: rank))
        return relabeled(newShape)
    }

    /// Where a new axis goes among the `rank + 1` axes of the result (for unsqueeze and stack).
    static func newAxisPosition(_ axis: Int, rank: Int) throws -> Int {
        guard axis >= -(rank + 1), axis <= rank else {
            throw TensorError.newAxisOutOfRange(axis: axis, rank: rank)
        }
        return axis < 0 ? axis + rank + 1 : axis
    }
}
