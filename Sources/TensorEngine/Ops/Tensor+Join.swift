/// Building a bigger tensor out of smaller ones: `concat` and `pad` are primitives whose
/// backward rules cut g back into the pieces; `stack` is unsqueeze then concat.
extension Tensor {
    /// Joins tensors along an existing axis, like `np.concatenate`. The shapes must agree
    /// except along `axis` (negative counts from the end), where the sizes add up.
    ///
    ///     a.shape == [2, 3], b.shape == [4, 3]
    ///     try Tensor.concat([a, b]).shape == [6, 3]
    ///     try Tensor.concat([a, a], axis: -1).shape == [2, 6]
    ///
    /// - Throws: `TensorError.emptyList`, `.axisOutOfRange` (also for rank-0 tensors, which
    ///   have no axis to join along), `.joinShapes` naming the first shape that differs.
    /// Backward: g split along `axis` into pieces of the inputs' sizes, in order.
    /// - Complexity: O(total count) forward and backward.
    public static func concat(_ tensors: [Tensor], axis: Int = 0) throws -> Tensor {
        guard let first = tensors.first else { throw TensorError.emptyList(op: "concat") }
        let d = try Shape.normalize(axis: axis, rank: first.rank)
        for (i, t) in tensors.enumerated() where !sameShape(t.shape, first.shape, except: d) {
            throw TensorError.joinShapes(op: "concat", axis: axis, first: first.shape, index: i, other: t.shape)
        }
        var shape = first.shape
        shape[d] = tensors.reduce(0) { $0 + $1.shape[d] }
        _ = try checkedCount(shape)  // the pieces exist, but together they may be too many
        let y = Tensor(unchecked: shape, scalars: interleave(tensors, outer: shape[..<d].reduce(1, *)))
            .keepingBoolean(tensors.allSatisfy(\.isBoolean))  // masks joined are a mask
        guard tensors.contains(where: \.requiresGrad) else { return y }
        let ends = tensors.reduce(into: [0]) { $0.append($0.last! + $1.shape[d]) }
        let wanted = tensors.map(\.requiresGrad)
        return y.recorded("concat", tensors) { g in
            try wanted.indices.map { i in
                guard wanted[i] else { return nil }
                return try g.slice(Array(repeating: .all, count: d) + [.range(start: ends[i], stop: ends[i + 1])])
            }
        }
    }

    /// Whether two shapes have the same rank and sizes, ignoring axis `d`.
    private static func sameShape(_ a: [Int], _ b: [Int], except d: Int) -> Bool {
        a.count == b.count && a.indices.allSatisfy { $0 == d || a[$0] == b[$0] }
    }

    /// In row-major order, axes before the join axis vary slowest, so the result is: for each
    /// of the `outer` positions in front of the axis, one block from each tensor in turn.
    private static func interleave(_ tensors: [Tensor], outer: Int) -> [Double] {
        var result: [Double] = []
        result.reserveCapacity(tensors.reduce(0) { $0 + $1.count })
        let blocks = tensors.map { outer == 0 ? 0 : $0.count / outer }
        for o in 0..<outer {
            for (t, block) in Swift.zip(tensors, blocks) {
                result.append(contentsOf: t.scalars[(o * block)..<((o + 1) * block)])
            }
        }
        return result
    }

    /// Joins tensors of one shape along a new axis (composed: unsqueeze, then concat), like `np.stack`: n tensors of shape
    /// (3, 4) give (n, 3, 4) with `axis: 0` and (3, 4, n) with `axis: -1`.
    /// `axis` may be in `-(rank + 1)...rank`.
    ///
    ///     try Tensor.stack([Tensor([1, 2]), Tensor([3, 4])])          // [[1, 2], [3, 4]]
    ///     try Tensor.stack([Tensor([1, 2]), Tensor([3, 4])], axis: 1) // [[1, 3], [2, 4]]
    ///
    /// - Throws: `TensorError.emptyList`, `.newAxisOutOfRange`, `.joinShapes` when the
    ///   shapes differ.
    public static func stack(_ tensors: [Tensor], axis: Int = 0) throws -> Tensor {
        guard let first = tensors.first else { throw TensorError.emptyList(op: "stack") }
        let d = try newAxisPosition(axis, rank: first.rank)
        for (i, t) in tensors.enumerated() where t.shape != first.shape {
            throw TensorError.joinShapes(op: "stack", axis: axis, first: first.shape, index: i, other: t.shape)
        }
        return try concat(tensors.map { try $0.unsqueeze(axis: d) }, axis: d)
    }

    /// Surrounds the tensor with `value`, like `np.pad(x, widths, constant_values=value)`:
    /// axis `d` grows by `widths[d].before` in front and `widths[d].after` behind. A single
    /// pair pads every axis alike.
    ///
    ///     x.shape == [1, 3, 32, 32]      // (N, C, H, W)
    ///     try x.pad([(0, 0), (0, 0), (1, 1), (1, 1)]).shape == [1, 3, 34, 34]
    ///     try Tensor([1, 2]).pad([(1, 2)], value: 9)        // [9, 1, 2, 9, 9]
    ///
    /// - Throws: `TensorError.padWidthCount` unless there is one pair per axis or one in all,
    ///   `.negativePadding`.
    /// Backward: the interior of g, where the input's elements went; the padding is a
    /// constant and gets nothing.
    /// - Complexity: O(result count) forward; O(input count) backward.
    public func pad(_ widths: [(before: Int, after: Int)], value: Double = 0) throws -> Tensor {
        let pairs = try padPairs(widths)
        var padded = try Tensor(shape: paddedShape(pairs), repeating: value)
        // Walk the padded tensor's inner box, where the original elements go, in row-major order.
        let outStrides = padded.strides
        let start = shape.indices.reduce(0) { $0 + pairs[$1].before * outStrides[$1] }
        var k = 0
        let x = scalars
        Shape.forEachOffset(shape, strides: outStrides, start: start) {
            padded.scalars[$0] = x[k]
            k += 1
        }
        guard requiresGrad else { return padded }
        let interior = Swift.zip(pairs, shape).map { TensorIndex.range(start: $0.before, stop: $0.before + $1) }
        return padded.recorded("pad", [self]) { g in [try g.slice(interior)] }
    }

    /// The shape after padding. A sum that overflows saturates at `Int.max`, so that creating
    /// the tensor reports it as too large instead of trapping.
    private func paddedShape(_ pairs: [(before: Int, after: Int)]) -> [Int] {
        shape.indices.map { d in
            let (grown, overflow1) = shape[d].addingReportingOverflow(pairs[d].before)
            let (total, overflow2) = grown.addingReportingOverflow(pairs[d].after)
            return overflow1 || overflow2 ? Int.max : total
        }
    }

    /// One validated (before, after) pair per axis.
    private func padPairs(_ widths: [(before: Int, after: Int)]) throws -> [(before: Int, after: Int)] {
        guard widths.count == rank || widths.count == 1 else {
            throw TensorError.padWidthCount(count: widths.count, rank: rank)
        }
        for (d, w) in widths.enumerated() where w.before < 0 || w.after < 0 {
            throw TensorError.negativePadding(axis: d, before: w.before, after: w.after)
        }
        return widths.count == rank ? widths : Array(repeating: widths[0], count: rank)
    }
}
