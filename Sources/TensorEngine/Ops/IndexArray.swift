/// One index tensor or mask of an advanced index, checked against the axes it covers, for
/// `AdvancedIndex`.
/// An index tensor (`axes` 1) or a mask (`axes` its rank) as positions in the axes it covers,
/// merged; `positions` is nil when only the shape is wanted.
struct IndexArray {
    let positions: Tensor?, shape: [Int], axes: Int

    /// An index tensor along the input axis `axis` of `size`.
    init(_ t: Tensor, axis: Int, size: Int, shapeOnly: Bool) throws {
        positions = shapeOnly ? nil : try Self.positions(t, axis: axis, size: size)
        shape = t.shape
        axes = 1
    }

    /// A mask over the input axes from `axis` on; its shape must be theirs. Its positions
    /// are the offsets of its nonzero elements: in the merged axes, that is the row.
    init(mask m: Tensor, axis: Int, shape input: [Int], shapeOnly: Bool) throws {
        guard m.rank > 0, Array(input[axis..<(axis + m.rank)]) == m.shape else {
            throw TensorError.maskShape(mask: m.shape, shape: input, axis: axis)
        }
        positions = shapeOnly ? nil : m.nonzeroOffsets()
        shape = [positions?.count ?? m.scalars.count { $0 != 0 }]
        axes = m.rank
    }

    /// An index tensor's positions along an axis of `size`, checked and made nonnegative.
    private static func positions(_ t: Tensor, axis: Int, size: Int) throws -> Tensor {
        var result = t.keepingBoolean(false)
        for (k, value) in t.scalars.enumerated() {
            guard value.isFinite, value == value.rounded() else { throw TensorError.notAnInteger(op: "indexing", value: value) }
            guard value >= Double(-size), value < Double(size) else {
                throw TensorError.indexOutOfRange(index: Int(exactly: value) ?? (value < 0 ? Int.min : Int.max), axis: axis, size: size)
            }
            if value < 0 { result.scalars[k] = value + Double(size) }
        }
        return result
    }
}
