/// One entry of a NumPy index such as `x[0, 1:3, ::-1, None]` (basic) or `x[mask, 0]`,
/// `x[:, Tensor([2, 0])]` (advanced: see `Tensor+AdvancedIndexing.swift`).
public enum TensorIndex: Equatable, Sendable {
    /// One position, `x[i]`; negative counts from the end. The axis disappears from the result.
    case at(Int)
    /// A Python slice `start:stop:step`. `nil` means "from the beginning / to the end / 1"
    /// (for a negative step, the beginning is the last element). Negative `start` and `stop`
    /// count from the end; bounds past either end are clamped, as in Python.
    case range(start: Int? = nil, stop: Int? = nil, step: Int? = nil)
    /// The whole axis, `x[:]`.
    case all
    /// A new axis of size 1, NumPy's `None` / `np.newaxis`. It uses up no axis of the input.
    case newAxis
    /// Positions along one axis, NumPy's integer-array index: whole numbers of any shape
    /// (negative count from the end, repeats allowed). The axis becomes the index's shape.
    case indices(Tensor)
    /// A mask over as many axes as it has, NumPy's boolean index: its shape must equal the
    /// dimensions it covers; they become one axis, of the positions where it is nonzero.
    case mask(Tensor)

    /// Whether this is an index tensor or a mask (NumPy's "advanced" indices).
    public var isAdvanced: Bool {
        switch self {
        case .indices, .mask: true
        default: false
        }
    }
}

extension TensorIndex: CustomStringConvertible {
    /// Python notation: `2`, `1:3`, `::-1`, `:`, `None`.
    public var description: String {
        switch self {
        case let .at(i): return "\(i)"
        case .all: return ":"
        case .newAxis: return "None"
        case let .indices(t): return "indices\(t.shape)"
        case let .mask(t): return "mask\(t.shape)"
        case let .range(start, stop, step):
            let bounds = "\(start.map(String.init) ?? ""):\(stop.map(String.init) ?? "")"
            return step.map { bounds + ":\($0)" } ?? bounds
        }
    }
}

/// NumPy basic indexing: reading a selection (`x[1:, ::-1]`) and writing one (`x[:, 1:3] = v`).
/// Every axis of the input contributes a run of evenly spaced positions — one position for
/// `.at`, `start, start + step, ...` for a range — so a selection is a box walked with strides.
extension Tensor {
    /// The elements `indices` select, like NumPy's `x[indices...]`. Indices apply to the axes in
    /// order; axes left over are taken whole, so `x.slice([.at(0)])` is the first row.
    ///
    ///     x.shape == [4, 5]
    ///     try x.slice([.at(-1)]).shape == [5]                        // x[-1]
    ///     try x.slice([.all, .range(start: 1, stop: 3)]).shape == [4, 2]   // x[:, 1:3]
    ///     try x.slice([.range(step: -1)])                            // x[::-1], rows reversed
    ///     try x.slice([.newAxis]).shape == [1, 4, 5]                 // x[None]
    ///
    /// - Throws: `TensorError.tooManyIndices`, `.indexOutOfRange` (naming index, axis and size),
    ///   `.zeroStep`.
    ///
    /// Backward of a basic index: g scattered into zeros of the input's shape at the same
    /// selection (`assign(_:at:)`). A basic index selects each input position at most once,
    /// so writing is enough; nothing needs adding up. An advanced index is not a primitive:
    /// `AdvancedIndex` composes it of a basic slice, permute, reshape and `gather(rows:)`,
    /// whose scatter-add sums the gradients of a position picked twice.
    /// - Complexity: O(result count) forward; O(input count) backward (the zeros).
    public func slice(_ indices: [TensorIndex]) throws -> Tensor {
        if indices.contains(where: \.isAdvanced) { return try AdvancedIndex(indices, shape: shape).apply(to: self) }
        let selection = try select(indices)
        // Row by row along the box's last axis: a contiguous row (x[a:b], a batch of rows) is one copy.
        let (inner, step) = (selection.box.last ?? 1, selection.boxStrides.last ?? 0)
        let y = scalars.withUnsafeBufferPointer { x in
            Tensor(unchecked: selection.shape) { out in
                var k = 0
                Shape.forEachRow(selection.box, strides: selection.boxStrides, start: selection.start) { row in
                    if step == 1 {
                        (out.baseAddress! + k).update(from: x.baseAddress! + row, count: inner)
                    } else {
                        for i in 0..<inner { out[k + i] = x[row + i * step] }
                    }
                    k += inner
                }
            }
        }.keepingBoolean(isBoolean)
        guard requiresGrad else { return y }
        let inputShape = shape
        return y.recorded("slice", [self]) { g in
            var dx = try Tensor.zeros(inputShape)
            try dx.assign(g, at: indices)
            return [dx]
        }
    }

    /// Overwrites the elements `indices` select with `value`, like NumPy's `x[indices] = value`.
    /// `value` broadcasts to the shape that `slice(indices)` would have, so a number fills the
    /// whole selection and a row fills every row of it.
    ///
    ///     x.shape == [3, 4]
    ///     try x.assign(Tensor(0), at: [.at(0)])                       // x[0] = 0
    ///     try x.assign(Tensor([1, 2]), at: [.all, .range(start: 1, stop: 3)])  // x[:, 1:3] = [1, 2]
    ///
    /// - Throws: the errors of `slice`, and `TensorError.assignShape` when `value` does not
    ///   broadcast to the selection.
    public mutating func assign(_ value: Tensor, at indices: [TensorIndex]) throws {
        if indices.contains(where: \.isAdvanced) { return try assign(value, atAdvanced: indices) }
        let selection = try select(indices)
        let source = try value.broadcastForAssignment(to: selection.shape), values = source.scalars
        var k = 0
        Shape.forEachOffset(selection.box, strides: selection.boxStrides, start: selection.start) {
            scalars[$0] = values[k]
            k += 1
        }
        keepBooleanAfterWriting(source)
    }

    /// A boolean tensor stays boolean only while every element is 0 or 1.
    mutating func keepBooleanAfterWriting(_ source: Tensor) {
        if isBoolean, !source.isBoolean { isBoolean = !scalars.contains { $0 != 0 && $0 != 1 } }
    }

    /// `self` broadcast to `target`. Like NumPy, extra leading axes of size 1 are dropped
    /// first, so a (1, 3) value can fill a row of shape (3).
    func broadcastForAssignment(to target: [Int]) throws -> Tensor {
        var trimmed = shape[...]
        while trimmed.count > target.count, trimmed.first == 1 { trimmed = trimmed.dropFirst() }
        guard (try? Shape.broadcast(Array(trimmed), target, op: "=")) == target else {
            throw TensorError.assignShape(value: shape, selection: target)
        }
        return try withShape(Array(trimmed)).broadcast(to: target)
    }

    /// A resolved index: the box of input positions to walk, and the shape of the result.
    private struct Selection {
        /// Offset of the first selected element.
        var start = 0
        /// How many positions each input axis contributes, and the step between them in elements.
        var box: [Int] = [], boxStrides: [Int] = []
        /// The result's shape: the box without the `.at` axes, plus a 1 for each `.newAxis`.
        var shape: [Int] = []
    }

    /// Resolves `indices` against this tensor's shape; missing trailing indices mean `.all`.
    private func select(_ indices: [TensorIndex]) throws -> Selection {
        let used = indices.filter { $0 != .newAxis }.count
        guard used <= rank else { throw TensorError.tooManyIndices(count: used, rank: rank) }
        let ownStrides = strides
        var selection = Selection()
        var axis = 0
        for index in indices + Array(repeating: .all, count: rank - used) {
            guard index != .newAxis else { selection.shape.append(1); continue }
            let (first, step, count) = try Self.positions(index, size: shape[axis], axis: axis)
            selection.start += first * ownStrides[axis]
            selection.box.append(count)
            selection.boxStrides.append(step * ownStrides[axis])
            if case .at = index {} else { selection.shape.append(count) }
            axis += 1
        }
        return selection
    }

    /// The positions one index picks along an axis of `size`: `count` of them, from `first`,
    /// `step` apart.
    private static func positions(_ index: TensorIndex, size: Int, axis: Int) throws -> (first: Int, step: Int, count: Int) {
        switch index {
        case let .at(i):
            let position = i < 0 ? i + size : i
            guard position >= 0, position < size else {
                throw TensorError.indexOutOfRange(index: i, axis: axis, size: size)
            }
            return (position, 1, 1)
        case .all, .newAxis:
            return (0, 1, size)
        case let .range(start, stop, step):
            return try sliceBounds(start: start, stop: stop, step: step ?? 1, size: size)
        case .indices, .mask:
            preconditionFailure("advanced indices are resolved by AdvancedIndex before a basic selection")
        }
    }

    /// Python's `slice(start, stop, step).indices(size)` and the length of the range it gives.
    /// For step 2 on size 5, `1:` picks 1, 3; for step -1, `:` picks 4, 3, 2, 1, 0 and `-2::-2`
    /// picks 3, 1. Out-of-range bounds are clamped: `x[-100:100]` is the whole axis.
    static func sliceBounds(start: Int?, stop: Int?, step: Int, size: Int) throws -> (first: Int, step: Int, count: Int) {
        guard step != 0 else { throw TensorError.zeroStep }
        // A negative step walks down from size - 1 and may stop "before 0", at -1.
        let (lowest, highest) = step > 0 ? (0, size) : (-1, size - 1)
        func clamp(_ bound: Int?, default value: Int) -> Int {
            guard let bound else { return value }
            return Swift.min(Swift.max(bound < 0 ? bound + size : bound, lowest), highest)
        }
        let first = clamp(start, default: step > 0 ? lowest : highest)
        let end = clamp(stop, default: step > 0 ? highest : lowest)
        let distance = step > 0 ? end - first : first - end
        let count = distance > 0 ? Int(UInt(distance - 1) / step.magnitude) + 1 : 0
        // NOTE: a huge step (x[::2**62]) picks at most one position; returning it unchanged
        // would overflow when multiplied by the axis stride, and its value no longer matters.
        return (first, count > 1 ? step : 1, count)
    }
}
