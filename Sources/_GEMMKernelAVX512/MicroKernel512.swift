// The GEMM micro-kernel for CPUs with AVX-512 (F, DQ, BW, VL: Intel Skylake-SP, AMD Zen 4
// and later), built with `-target-cpu skylake-avx512`. The engine calls it only when
// `_CSupport` says the CPU and the OS have the 512-bit state (`lectern_cpu_has_avx512_skx`).
//
// Why another tile: AVX-512 has 32 vector registers of 8 doubles. A tile of 12 x 8 keeps
// 12 accumulators (one `zmm` a row of C), one register for B's row and A's values come as
// broadcasts folded into the FMA: half the instructions per flop of the AVX2 kernel, and
// twice the flops per byte of B read. B's panels are 8 wide as for AVX2; only A's panel
// height (`MicroTile512.rows`) differs, and the packing takes it from the chosen variant.
// On Zen 4 a 512-bit FMA runs as two 256-bit halves, so the gain is fewer instructions and
// loads, not wider arithmetic.
//
// Implementation goals, in order: the same result for the same inputs however the caller
// splits the work among threads; then speed.
import _CSupport

/// The register tile: each call of the micro-kernel computes `rows` x `columns` of C.
public enum MicroTile512 {
    public static let rows = 12
    public static let columns = 8
}

/// C[0..<12, 0..<8] = A·B, or C += A·B when `accumulate`, for one packed panel of A
/// (kc x 12, k-major: `a[p*12 + i]` is A[i, p]) and one of B (kc x 8: `b[p*8 + j]`).
/// C is row-major with `ldc` elements between rows.
/// - Complexity: 192·kc floating-point operations.
@inline(__always)
private func microKernel(kc: Int, a: UnsafePointer<Double>, b: UnsafePointer<Double>,
                         c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool) {
    for r in 0..<MicroTile512.rows { lectern_prefetch(c + r * ldc); lectern_prefetch(c + r * ldc + 7) }
    var c0 = SIMD8<Double>(), c1 = SIMD8<Double>(), c2 = SIMD8<Double>(), c3 = SIMD8<Double>()
    var c4 = SIMD8<Double>(), c5 = SIMD8<Double>(), c6 = SIMD8<Double>(), c7 = SIMD8<Double>()
    var c8 = SIMD8<Double>(), c9 = SIMD8<Double>(), c10 = SIMD8<Double>(), c11 = SIMD8<Double>()
    var pa = a, pb = UnsafeRawPointer(b)
    for _ in 0..<kc {
        let bRow = pb.loadUnaligned(as: SIMD8<Double>.self)
        c0.addProduct(SIMD8(repeating: pa[0]), bRow); c1.addProduct(SIMD8(repeating: pa[1]), bRow)
        c2.addProduct(SIMD8(repeating: pa[2]), bRow); c3.addProduct(SIMD8(repeating: pa[3]), bRow)
        c4.addProduct(SIMD8(repeating: pa[4]), bRow); c5.addProduct(SIMD8(repeating: pa[5]), bRow)
        c6.addProduct(SIMD8(repeating: pa[6]), bRow); c7.addProduct(SIMD8(repeating: pa[7]), bRow)
        c8.addProduct(SIMD8(repeating: pa[8]), bRow); c9.addProduct(SIMD8(repeating: pa[9]), bRow)
        c10.addProduct(SIMD8(repeating: pa[10]), bRow); c11.addProduct(SIMD8(repeating: pa[11]), bRow)
        pa += MicroTile512.rows
        pb += MicroTile512.columns * MemoryLayout<Double>.stride
    }
    store(c0, to: c, accumulate: accumulate); store(c1, to: c + ldc, accumulate: accumulate)
    store(c2, to: c + 2 * ldc, accumulate: accumulate); store(c3, to: c + 3 * ldc, accumulate: accumulate)
    store(c4, to: c + 4 * ldc, accumulate: accumulate); store(c5, to: c + 5 * ldc, accumulate: accumulate)
    store(c6, to: c + 6 * ldc, accumulate: accumulate); store(c7, to: c + 7 * ldc, accumulate: accumulate)
    store(c8, to: c + 8 * ldc, accumulate: accumulate); store(c9, to: c + 9 * ldc, accumulate: accumulate)
    store(c10, to: c + 10 * ldc, accumulate: accumulate); store(c11, to: c + 11 * ldc, accumulate: accumulate)
}

/// The top `rows` (1...6) rows of `microKernel`: C[0..<rows, 0..<8] from the same 12-row panel
/// of A, for a block's last panel when it has at most 6 rows (m = 6 in LeNet's first
/// convolution, the 4 rows past 12 of m = 16 in its second) — no sums for the padding rows.
/// Call it with a constant `rows`: each is then a loop of its own.
/// - Complexity: 16·rows·kc floating-point operations.
@inline(__always)
private func shortMicroKernel(rows: Int, kc: Int, a: UnsafePointer<Double>, b: UnsafePointer<Double>,
                              c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool) {
    var c0 = SIMD8<Double>(), c1 = SIMD8<Double>(), c2 = SIMD8<Double>()
    var c3 = SIMD8<Double>(), c4 = SIMD8<Double>(), c5 = SIMD8<Double>()
    var pa = a, pb = UnsafeRawPointer(b)
    for _ in 0..<kc {
        let bRow = pb.loadUnaligned(as: SIMD8<Double>.self)
        c0.addProduct(SIMD8(repeating: pa[0]), bRow)
        if rows > 1 { c1.addProduct(SIMD8(repeating: pa[1]), bRow) }
        if rows > 2 { c2.addProduct(SIMD8(repeating: pa[2]), bRow) }
        if rows > 3 { c3.addProduct(SIMD8(repeating: pa[3]), bRow) }
        if rows > 4 { c4.addProduct(SIMD8(repeating: pa[4]), bRow) }
        if rows > 5 { c5.addProduct(SIMD8(repeating: pa[5]), bRow) }
        pa += MicroTile512.rows
        pb += MicroTile512.columns * MemoryLayout<Double>.stride
    }
    store(c0, to: c, accumulate: accumulate)
    if rows > 1 { store(c1, to: c + ldc, accumulate: accumulate) }
    if rows > 2 { store(c2, to: c + 2 * ldc, accumulate: accumulate) }
    if rows > 3 { store(c3, to: c + 3 * ldc, accumulate: accumulate) }
    if rows > 4 { store(c4, to: c + 4 * ldc, accumulate: accumulate) }
    if rows > 5 { store(c5, to: c + 5 * ldc, accumulate: accumulate) }
}

/// `shortMicroKernel` for a `rows` known only at run time (1...6), each case a constant.
@inline(__always)
private func shortMicroKernel(_ rows: Int, kc: Int, a: UnsafePointer<Double>, b: UnsafePointer<Double>,
                              c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool) {
    switch rows {
    case 1: shortMicroKernel(rows: 1, kc: kc, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
    case 2: shortMicroKernel(rows: 2, kc: kc, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
    case 3: shortMicroKernel(rows: 3, kc: kc, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
    case 4: shortMicroKernel(rows: 4, kc: kc, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
    case 5: shortMicroKernel(rows: 5, kc: kc, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
    default: shortMicroKernel(rows: 6, kc: kc, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
    }
}

@inline(__always)
private func store(_ row: SIMD8<Double>, to c: UnsafeMutablePointer<Double>, accumulate: Bool) {
    let raw = UnsafeMutableRawPointer(c)
    let value = accumulate ? row + raw.loadUnaligned(as: SIMD8<Double>.self) : row
    raw.storeBytes(of: value, as: SIMD8<Double>.self)
}

/// C (mc x nc block) = A·B, or += when `accumulate`, from packed operands:
/// `a` holds ceil(mc/12) panels of kc x 12 (rows past mc are zero), `b` holds ceil(nc/8)
/// panels of kc x 8 (columns past nc are zero). Edge tiles go through a scratch tile.
/// - Complexity: 2·mc·nc·kc floating-point operations (rounded up to whole tiles).
public func multiplyPackedBlock(mc: Int, nc: Int, kc: Int,
                                a: UnsafePointer<Double>, b: UnsafePointer<Double>,
                                c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool) {
    let mr = MicroTile512.rows, nr = MicroTile512.columns
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
                } else if rows <= 6 && columns == nr {
                    shortMicroKernel(rows, kc: kc, a: aPanel, b: bPanel, c: target, ldc: ldc, accumulate: accumulate)
                } else {
                    // The edge: into the scratch tile (its top rows when at most 6 rows are valid).
                    if rows <= 6 {
                        shortMicroKernel(rows, kc: kc, a: aPanel, b: bPanel, c: tile, ldc: nr, accumulate: false)
                    } else {
                        microKernel(kc: kc, a: aPanel, b: bPanel, c: tile, ldc: nr, accumulate: false)
                    }
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
