/// Building bigger variables from smaller ones: `concat` and `pad` are primitives whose
/// backward rules cut g back into the pieces; `stack` is unsqueeze then concat.
extension Variable {
    /// Joins variables along an existing axis (negative counts from the end), as
    /// `Tensor.concat`: the shapes agree except along `axis`, where the sizes add up.
    /// Backward: g split along `axis` into pieces of the inputs' sizes, in order.
    /// - Throws: as `Tensor.concat`.
    /// - Complexity: O(total count) forward and backward.
    public static func concat(_ variables: [Variable], axis: Int = 0) throws -> Variable {
        let y = try Tensor.concat(variables.map(\.value), axis: axis)
        let d = try Shape.normalize(axis: axis, rank: y.rank)
        let ends = variables.reduce(into: [0]) { $0.append($0.last! + $1.shape[d]) }
        return .result(y, op: "concat", parents: variables) { g in
            try variables.indices.map { i in
                guard variables[i].requiresGrad else { return nil }
                let piece = TensorIndex.range(start: ends[i], stop: ends[i + 1])
                return try g.slice(Array(repeating: .all, count: d) + [piece])
            }
        }
    }

    /// Joins variables of one shape along a new axis, as `Tensor.stack`: n variables of
    /// shape (3, 4) give (n, 3, 4) with `axis: 0`, (3, 4, n) with `axis: -1`. Composed:
    /// each is unsqueezed at `axis`, then all are concatenated along it.
    /// - Throws: as `Tensor.stack` (`.emptyList`, `.newAxisOutOfRange`, `.joinShapes`).
    public static func stack(_ variables: [Variable], axis: Int = 0) throws -> Variable {
        guard let first = variables.first else { throw TensorError.emptyList(op: "stack") }
        let d = try Tensor.newAxisPosition(axis, rank: first.rank)
        for (i, v) in variables.enumerated() where v.shape != first.shape {
            throw TensorError.joinShapes(op: "stack", axis: axis, first: first.shape, index: i, other: v.shape)
        }
        return try concat(variables.map { try $0.unsqueeze(axis: d) }, axis: d)
    }

    /// Surrounded by `fill`, as `Tensor.pad`: axis d grows by `widths[d].before` in front
    /// and `widths[d].after` behind; a single pair pads every axis alike.
    /// Backward: the interior of g, where the input's elements went; the padding is a
    /// constant and gets nothing.
    /// - Throws: as `Tensor.pad`.
    /// - Complexity: O(result count) forward; O(input count) backward.
    public func pad(_ widths: [(before: Int, after: Int)], value fill: Double = 0) throws -> Variable {
        let y = try value.pad(widths, value: fill)
        let pairs = widths.count == rank ? widths : Array(repeating: widths[0], count: rank)
        let interior = Swift.zip(pairs, shape).map { TensorIndex.range(start: $0.before, stop: $0.before + $1) }
        return .result(y, op: "pad", parents: [self]) { g in [try g.slice(interior)] }
    }
}
