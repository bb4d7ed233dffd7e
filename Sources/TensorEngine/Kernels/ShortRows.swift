/// Copies, zero fills and sums of short rows, for im2col and col2im.
///
/// The convolutions of a small network move rows of 10 to 30 numbers at a time (one output
/// row of one filter tap). A call into the C library's `memmove` or `memset` costs more than
/// the copy itself at these lengths, and `UnsafeMutablePointer.update(from:count:)` or a plain
/// loop compiles to exactly such a call. These loops move four numbers per step in registers
/// instead, and finish with at most one pair and one single number: no call, no loop the
/// compiler could turn back into one. Every result is exactly that of the element-by-element
/// loop (a copy is a copy; `addRow` adds each pair of elements once, in place).
enum ShortRows {
    /// target[0..<count] = source[0..<count]. The two ranges must not overlap.
    @inline(__always)
    static func copy(_ source: UnsafePointer<Double>, to target: UnsafeMutablePointer<Double>, count: Int) {
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target)
        let bytes = count * 8
        var offset = 0
        while bytes - offset >= 32 {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self),
                          toByteOffset: offset, as: SIMD4<Double>.self)
            offset += 32
        }
        if bytes - offset >= 16 {
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self),
                          toByteOffset: offset, as: SIMD2<Double>.self)
            offset += 16
        }
        if bytes - offset >= 8 { target[count - 1] = source[count - 1] }
    }

    /// target[0..<count] = 0.
    @inline(__always)
    static func zero(_ target: UnsafeMutablePointer<Double>, count: Int) {
        let to = UnsafeMutableRawPointer(target), bytes = count * 8
        var offset = 0
        while bytes - offset >= 32 {
            to.storeBytes(of: SIMD4<Double>(), toByteOffset: offset, as: SIMD4<Double>.self)
            offset += 32
        }
        if bytes - offset >= 16 {
            to.storeBytes(of: SIMD2<Double>(), toByteOffset: offset, as: SIMD2<Double>.self)
            offset += 16
        }
        if bytes - offset >= 8 { target[count - 1] = 0 }
    }

    /// target[j] += source[j] for j in 0..<count. The two ranges must not overlap.
    @inline(__always)
    static func add(_ source: UnsafePointer<Double>, to target: UnsafeMutablePointer<Double>, count: Int) {
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target), bytes = count * 8
        var offset = 0
        while bytes - offset >= 32 {
            let sum = to.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                + from.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
            to.storeBytes(of: sum, toByteOffset: offset, as: SIMD4<Double>.self)
            offset += 32
        }
        if bytes - offset >= 16 {
            let sum = to.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
                + from.loadUnaligned(fromByteOffset: offset, as: SIMD2<Double>.self)
            to.storeBytes(of: sum, toByteOffset: offset, as: SIMD2<Double>.self)
            offset += 16
        }
        if bytes - offset >= 8 { target[count - 1] += source[count - 1] }
    }
}
