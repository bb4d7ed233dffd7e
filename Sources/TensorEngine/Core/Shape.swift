/// Arithmetic on shapes: element counts, strides, axes and NumPy broadcasting.
/// A shape is an `[Int]` of dimension sizes, outermost first; it prints as `[1, 6, 28, 28]`.
public enum Shape {
    /// The largest number of elements a tensor may have (2^40, 8 TiB of doubles): anything
    /// larger is surely a mistake, and the product of its dimensions could overflow.
    public static let maxElements = 1 << 40

    /// The product of the dimensions. - Throws: on a negative dimension or an absurd size.
    public static func elementCount(_ shape: [Int]) throws -> Int {
        var count = 1
        for size in shape {
            guard size >= 0 else { throw TensorError.negativeDimension(shape: shape) }
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow, product <= maxElements else { throw TensorError.tooLarge(shape: shape) }
            count = product
        }
        return count
    }

    /// Row-major strides in elements: `strides([2, 3, 4]) == [12, 4, 1]`.
    public static func strides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var step = 1
        for d in shape.indices.reversed() {
            strides[d] = step
            step *= shape[d]
        }
        return strides
    }

    /// Turns a possibly negative axis (`-1` is the last) into `0..<rank`.
    /// - Throws: `TensorError.axisOutOfRange` when it is outside `-rank..<rank`.
    public static func normalize(axis: Int, rank: Int) throws -> Int {
        guard axis >= -rank && axis < rank else { throw TensorError.axisOutOfRange(axis: axis, rank: rank) }
        return axis < 0 ? axis + rank : axis
    }

    /// Normalises several axes, sorted; `nil` means all of them.
    /// - Throws: on an axis out of range or an axis named twice.
    public static func normalize(axes: [Int]?, rank: Int) throws -> [Int] {
        guard let axes else { return Array(0..<rank) }
        let normalized = try axes.map { try normalize(axis: $0, rank: rank) }.sorted()
        for (a, b) in zip(normalized, normalized.dropFirst()) where a == b {
            throw TensorError.repeatedAxis(a)
        }
        return normalized
    }

    /// The shape of `a op b` under NumPy broadcasting: shapes are aligned at their last
    /// dimension, and each pair of sizes must be equal or contain a 1 (which stretches).
    /// `[256, 512]` with `[512]` gives `[256, 512]`; `[3, 1]` with `[1, 4]` gives `[3, 4]`.
    /// - Throws: `TensorError.broadcast`, naming the operation and both shapes.
    public static func broadcast(_ a: [Int], _ b: [Int], op: String) throws -> [Int] {
        let rank = max(a.count, b.count)
        var result = [Int](repeating: 1, count: rank)
        for d in 0..<rank {
            let x = d - (rank - a.count) >= 0 ? a[d - (rank - a.count)] : 1
            let y = d - (rank - b.count) >= 0 ? b[d - (rank - b.count)] : 1
            guard x == y || x == 1 || y == 1 else {
                throw TensorError.broadcast(op: op, lhs: a, rhs: b)
            }
            result[d] = x == 1 ? y : x
        }
        return result
    }

    /// Strides that read a tensor of `shape` as if it had the (broadcast) shape `target`:
    /// dimensions that are missing or of size 1 get stride 0, so the same element repeats.
    static func broadcastStrides(_ shape: [Int], to target: [Int]) -> [Int] {
        let own = strides(shape)
        let offset = target.count - shape.count
        return target.indices.map { d in
            d < offset || shape[d - offset] == 1 ? 0 : own[d - offset]
        }
    }
}
