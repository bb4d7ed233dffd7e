/// Walking a box of positions through strides: the one loop behind permute, slicing and pad.
extension Shape {
    /// Calls `body` with `start + Σ index[d]·strides[d]` for every index of `shape`, in row-major
    /// order (the last index varies fastest). Strides may be negative (a reversed slice) or
    /// anything else, so the same loop reads a transposed, sliced or padded layout.
    ///
    /// Example: shape `[2, 3]`, strides `[1, 2]`, start 0 visits 0, 2, 4, 1, 3, 5 — the
    /// transpose of a 3x2 matrix stored row-major.
    ///
    /// Visits nothing when a dimension is 0, and `start` once for rank 0.
    /// - Complexity: O(shape.reduce(1, *)).
    @inline(__always)
    static func forEachOffset(_ shape: [Int], strides: [Int], start: Int = 0, _ body: (Int) -> Void) {
        let inner = shape.last ?? 1, step = strides.last ?? 0
        forEachRow(shape, strides: strides, start: start) { row in
            for i in 0..<inner { body(row + i * step) }
        }
    }

    /// Calls `body` with the offset of the first element of every row (a run along the last
    /// axis) of `shape`, in row-major order: `forEachOffset` without its innermost loop, for
    /// callers that copy a whole row with a loop of their own. `start` once for rank 0 or 1.
    @inline(__always)
    static func forEachRow(_ shape: [Int], strides: [Int], start: Int = 0, _ body: (Int) -> Void) {
        guard !shape.contains(0) else { return }
        let outer = Swift.max(shape.count - 1, 0)
        var index = [Int](repeating: 0, count: outer)
        var offset = start
        while true {
            body(offset)
            // Advance the odometer over all but the last axis: bump the last digit, carrying.
            var d = outer - 1
            while d >= 0 {
                index[d] += 1
                offset += strides[d]
                if index[d] < shape[d] { break }
                offset -= strides[d] * shape[d]
                index[d] = 0
                d -= 1
            }
            if d < 0 { return }
        }
    }
}
