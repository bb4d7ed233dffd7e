// The GEMM micro-kernel and the loop around it (the "macro-kernel" of BLIS).
//
// This one file is compiled twice: as `_GEMMKernel` for the machine's default target and,
// through a symlink, as `_GEMMKernelAVX2` with `-target-cpu haswell` (AVX2 + FMA). The engine
// asks the CPU at run time which one it may call. With LECTERN_FMA set (the AVX2 build) or on
// arm64, `SIMD8.addProduct` becomes fused multiply-add instructions; on a plain x86-64 target
// it would call the C library's software `fma`, so there we multiply and add separately.
//
// Implementation goals, in order: the same result for the same inputs however the caller
// splits the work among threads; then speed.

/// The register tile: each call of the micro-kernel computes `rows` x `columns` of C.
/// 6 x 8 doubles are 12 AVX2 registers of accumulators, leaving 4 of 16 for A and B.
import _CSupport

public enum MicroTile {
    public static let rows = 6
    public static let columns = 8
}

/// One multiply-add step of the accumulators, c += a * b.
@inline(__always)
private func multiplyAdd(_ c: inout SIMD8<Double>, _ a: Double, _ b: SIMD8<Double>) {
    #if LECTERN_FMA || arch(arm64)
    c.addProduct(SIMD8(repeating: a), b)
    #else
    c += SIMD8(repeating: a) * b
    #endif
}

/// C[0..<rows, 0..<8] = A·B, or C += A·B when `accumulate`, for one packed panel of A
/// (kc x 6, stored k-major: `a[p*6 + i]` is A[i, p]) and one of B (kc x 8: `b[p*8 + j]`).
/// C is row-major with `ldc` elements between rows. `rows` is 6 but in a block's last panel
/// (the 4 rows past 12 of m = 16), where the padding rows get no sums; call it with a
/// constant `rows`, so that each is a loop of its own.
/// - Complexity: 16·rows·kc floating-point operations.
@inline(__always)
private func microKernel(rows: Int = MicroTile.rows, kc: Int, a: UnsafePointer<Double>, b: UnsafePointer<Double>,
                         c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool) {
    // Ask for C's rows now (two cache lines each, in case they straddle a line boundary):
    // they arrive while the loop below runs, instead of stalling the stores at the end.
    for r in 0..<rows {
        lectern_prefetch(c + r * ldc)
        lectern_prefetch(c + r * ldc + MicroTile.columns - 1)
    }
    var c0 = SIMD8<Double>(), c1 = SIMD8<Double>(), c2 = SIMD8<Double>()
    var c3 = SIMD8<Double>(), c4 = SIMD8<Double>(), c5 = SIMD8<Double>()
    var pa = a, pb = UnsafeRawPointer(b)
    for _ in 0..<kc {
        let bRow = pb.loadUnaligned(as: SIMD8<Double>.self)
        multiplyAdd(&c0, pa[0], bRow)
        if rows > 1 { multiplyAdd(&c1, pa[1], bRow) }
        if rows > 2 { multiplyAdd(&c2, pa[2], bRow) }
        if rows > 3 { multiplyAdd(&c3, pa[3], bRow) }
        if rows > 4 { multiplyAdd(&c4, pa[4], bRow) }
        if rows > 5 { multiplyAdd(&c5, pa[5], bRow) }
        pa += MicroTile.rows
        pb += MicroTile.columns * MemoryLayout<Double>.stride
    }
    store(c0, to: c, accumulate: accumulate)
    if rows > 1 { store(c1, to: c + ldc, accumulate: accumulate) }
    if rows > 2 { store(c2, to: c + 2 * ldc, accumulate: accumulate) }
    if rows > 3 { store(c3, to: c + 3 * ldc, accumulate: accumulate) }
    if rows > 4 { store(c4, to: c + 4 * ldc, accumulate: accumulate) }
    if rows > 5 { store(c5, to: c + 5 * ldc, accumulate: accumulate) }
}

/// `microKernel` for a `rows` known only at run time (1...6), each case a constant.
@inline(__always)
private func microKernel(_ rows: Int, kc: Int, a: UnsafePointer<Double>, b: UnsafePointer<Double>,
                         c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool) {
    switch rows {
    case 1: microKernel(rows: 1, kc: kc, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
    case 2: microKernel(rows: 2, kc: kc, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
    case 3: microKernel(rows: 3, kc: kc, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
    case 4: microKernel(rows: 4, kc: kc, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
    case 5: microKernel(rows: 5, kc: kc, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
    default: microKernel(rows: 6, kc: kc, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
    }
}

@inline(__always)
private func store(_ row: SIMD8<Double>, to c: UnsafeMutablePointer<Double>, accumulate: Bool) {
    let raw = UnsafeMutableRawPointer(c)
    let value = accumulate ? row + raw.loadUnaligned(as: SIMD8<Double>.self) : row
    raw.storeBytes(of: value, as: SIMD8<Double>.self)
}

/// C (mc x nc block) = A·B, or += when `accumulate`, from packed operands:
/// `a` holds ceil(mc/6) panels of kc x 6 (rows past mc are zero), `b` holds ceil(nc/8)
/// panels of kc x 8 (columns past nc are zero). A last panel of fewer than 6 rows gets a
/// kernel of that height; tiles short of 8 columns are computed into a scratch tile and only
/// their valid part is written, so C needs no padding.
/// - Complexity: 2·mc·nc·kc floating-point operations (rounded up to whole tiles).
public func multiplyPackedBlock(mc: Int, nc: Int, kc: Int,
                                a: UnsafePointer<Double>, b: UnsafePointer<Double>,
                                c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool) {
    let mr = MicroTile.rows, nr = MicroTile.columns
    withUnsafeTemporaryAllocation(of: Double.self, capacity: mr * nr) { scratch in
        let tile = scratch.baseAddress!
        for j in stride(from: 0, to: nc, by: nr) {
            let bPanel = b + (j / nr) * kc * nr
            for i in stride(from: 0, to: mc, by: mr) {
                let aPanel = a + (i / mr) * kc * mr
                let target = c + i * ldc + j
                let rows = min(mr, mc - i), columns = min(nr, nc - j)
                if rows == mr && columns == nr {
                    microKernel(kc: kc, a: aPanel, b: bPanel, c: target, ldc: ldc, accumulate: accumulate)
                } else if columns == nr {
                    microKernel(rows, kc: kc, a: aPanel, b: bPanel, c: target, ldc: ldc, accumulate: accumulate)
                } else {
                    microKernel(rows, kc: kc, a: aPanel, b: bPanel, c: tile, ldc: nr, accumulate: false)
                    for r in 0..<rows {
                        for s in 0..<columns {
                            target[r * ldc + s] = accumulate ? target[r * ldc + s] + tile[r * nr + s] : tile[r * nr + s]
                        }
                    }
                }
            }
        }
    }
}
