/// NumPy's advanced indexing (`x[idx]`, `x[mask]`, `x[:, idx, 0]`), resolved against a shape
/// into moves of elements: a basic slice, a permute, a reshape and a row gather. Tensors that
/// require a gradient get it from those primitives, so advanced indexing needs no backward
/// rule of its own.
///
/// The recipe, for `x.shape == [4, 3, 5]` and `x[:, Tensor([[0, 2]]), 1:]`:
/// 1. every index tensor or mask becomes whole axes: the basic `x[:, :, 1:]`, (4, 3, 4);
/// 2. the indexed axes move first and merge into one: (3, 4, 4);
/// 3. `gather(rows:)` picks the rows the index tensors name: (1, 2, 4, 4);
/// 4. the picked axes go back where the first index tensor stood: (4, 1, 2, 4).
///
/// Several index tensors broadcast together and pick one merged row per position (NumPy's
/// `p[arange(N), y]`); a mask of rank r is like its `nonzero()`, r index tensors (kept as
/// the offsets of its nonzero elements, which is what they add up to). A number next
/// to an index tensor is one too (it drops its axis). As in NumPy, when the index tensors
/// and numbers are not side by side (`x[0, :, idx]`), the picked axes go first instead.
struct AdvancedIndex {
    /// The index with every index tensor and mask replaced by whole axes.
    private(set) var basic: [TensorIndex] = []
    /// The shape `basic` selects.
    private(set) var basicShape: [Int] = []
    /// The axes of the basic selection that the index tensors pick along, increasing.
    private(set) var axes: [Int] = []
    /// The shape the index tensors broadcast to: the picked axes of the result.
    private(set) var indexShape: [Int] = []
    /// For each position of `indexShape`, the row of the merged axes it picks.
    private(set) var rows = Tensor([Double]())
    /// Whether the picked axes go first (the advanced entries are not side by side).
    private(set) var pickedFirst = false

    /// Resolves `indices` against `shape`; with `shapeOnly`, only as far as `resultShape`
    /// (positions are neither checked nor combined: that is left to the selection itself).
    /// - Throws: `TensorError.tooManyIndices`, `.maskShape`, `.indexOutOfRange` (naming the
    ///   input axis), `.notAnInteger`, `.broadcast` when index tensors do not broadcast, and
    ///   the errors of a basic index.
    init(_ indices: [TensorIndex], shape: [Int], shapeOnly: Bool = false) throws {
        let used = indices.reduce(0) { count, index in
            switch index {
            case .newAxis: count
            case let .mask(m): count + m.rank
            default: count + 1
            }
        }
        guard used <= shape.count else { throw TensorError.tooManyIndices(count: used, rank: shape.count) }
        var arrays: [IndexArray] = [], entries: [Int] = []
        var inputAxis = 0, resultAxis = 0
        for (entry, index) in indices.enumerated() {
            switch index {
            case .newAxis:
                basic.append(index)
                resultAxis += 1
                continue
            case .at:
                basic.append(index)
                entries.append(entry)
                inputAxis += 1
                continue
            case .range, .all:
                basic.append(index)
                inputAxis += 1
                resultAxis += 1
                continue
            case let .indices(t):
                arrays.append(try IndexArray(t, axis: inputAxis, size: shape[inputAxis], shapeOnly: shapeOnly))
            case let .mask(m):
                arrays.append(try IndexArray(mask: m, axis: inputAxis, shape: shape, shapeOnly: shapeOnly))
            }
            let covered = arrays[arrays.count - 1].axes
            basic += Array(repeating: .all, count: covered)
            axes += Array(resultAxis..<(resultAxis + covered))
            entries.append(entry)
            inputAxis += covered
            resultAxis += covered
        }
        try finish(arrays, entries: entries, shape: shape, shapeOnly: shapeOnly)
    }

    /// Everything after the walk over the entries: the basic shape, the picked axes, the rows.
    private mutating func finish(_ arrays: [IndexArray], entries: [Int], shape: [Int], shapeOnly: Bool) throws {
        basicShape = try Tensor.basicShape(shape, basic)
        indexShape = try arrays.dropFirst().reduce(arrays[0].shape) { try Shape.broadcast($0, $1.shape, op: "indexing") }
        pickedFirst = entries.last! - entries.first! + 1 != entries.count
        if shapeOnly { return }
        // The selection may be far larger than x (x[a, b] with a (n, 1) and b (1, n)); refuse
        // it before the positions below, which are nearly as many, are made.
        _ = try Tensor.checkedCount(resultShape)
        if arrays.count == 1, let only = arrays[0].positions {
            rows = only  // one index tensor or mask: its positions are the rows
            return
        }
        let strides = Shape.strides(axes.map { basicShape[$0] })
        var flat = [Double](repeating: 0, count: try Shape.elementCount(indexShape)), lastAxis = -1
        for array in arrays {
            lastAxis += array.axes
            let spread = try array.positions!.broadcast(to: indexShape).scalars, stride = Double(strides[lastAxis])
            for k in flat.indices { flat[k] += spread[k] * stride }
        }
        rows = Tensor(unchecked: indexShape, scalars: flat)
    }

    /// The shape of the result: the basic selection's other axes with `indexShape` placed
    /// where the first picked axis was, or first.
    var resultShape: [Int] {
        let others = basicShape.indices.filter { !axes.contains($0) }.map { basicShape[$0] }
        let at = pickedFirst ? 0 : axes[0]
        return Array(others[..<at]) + indexShape + Array(others[at...])
    }

    /// The elements of `x` (of the shape this index was resolved against) it selects.
    func apply(to x: Tensor) throws -> Tensor {
        var y = basic.allSatisfy { $0 == .all } ? x : try x.slice(basic)
        let others = basicShape.indices.filter { !axes.contains($0) }
        if axes + others != Array(basicShape.indices) { y = try y.permute(axes + others) }
        let merged = axes.reduce(1) { $0 * basicShape[$1] }
        y = try y.reshape([merged] + others.map { basicShape[$0] })
        y = try y.gather(rows: rows)
        let at = pickedFirst ? 0 : axes[0], picked = indexShape.count
        guard at > 0 else { return y }
        let order = Array(picked..<(picked + at)) + Array(0..<picked) + Array((picked + at)..<(picked + others.count))
        return try y.permute(order)
    }
}
