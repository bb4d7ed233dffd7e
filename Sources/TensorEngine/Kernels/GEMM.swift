#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import _CSupport
import _GEMMKernel
import _GEMMKernelAVX2

/// A read-only matrix operand: element (i, j) is at `base[i * rowStride + j * columnStride]`.
/// A transposed matrix is the same memory with the two strides swapped.
struct MatrixOperand {
    var base: UnsafePointer<Double>
    var rowStride: Int
    var columnStride: Int

    /// A row-major matrix with `columns` columns, or its transpose when `transposed`.
    init(_ base: UnsafePointer<Double>, columns: Int, transposed: Bool = false) {
        self.base = base
        (rowStride, columnStride) = transposed ? (1, columns) : (columns, 1)
    }

    /// The operand starting at element (i, j).
    func offset(_ i: Int, _ j: Int) -> MatrixOperand {
        var moved = self
        moved.base += i * rowStride + j * columnStride
        return moved
    }
}

/// General matrix multiplication, the engine's workhorse: C = A·B, or C += A·B when
/// `accumulate`. A is m x k, B is k x n, C is m x n row-major with `ldc` between rows.
///
/// The blocking of Goto and van de Geijn (BLIS): B is copied ("packed") in blocks of
/// `kc` x `nc` into panels 8 columns wide, A in blocks of `mc` x `kc` into panels 6 rows
/// high, so the micro-kernel streams both from cache; C is updated 6 x 8 at a time.
/// Work is split over blocks of C (never over k), so each element of C is summed in the
/// same order whatever the thread count.
/// - Complexity: 2·m·n·k floating-point operations.
func gemm(m: Int, n: Int, k: Int, a: MatrixOperand, b: MatrixOperand,
          c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool = false,
          threads: Int = KernelThreads.count) {
    guard m > 0, n > 0 else { return }
    guard k > 0 else {
        if !accumulate { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
        return
    }
    if m * n * k <= GEMMBlocking.smallProduct {
        return smallGEMM(m: m, n: n, k: k, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
    }
    let blocking = GEMMBlocking(m: m, n: n, k: k)
    let packedB = UnsafeMutablePointer<Double>.allocate(capacity: blocking.packedBCount)
    defer { packedB.deallocate() }
    for jc in stride(from: 0, to: n, by: blocking.nc) {
        let nc = min(blocking.nc, n - jc)
        for pc in stride(from: 0, to: k, by: blocking.kc) {
            let kc = min(blocking.kc, k - pc)
            let panels = (nc + _GEMMKernel.MicroTile.columns - 1) / _GEMMKernel.MicroTile.columns
            parallelFor(parts: panels, threads: threads) { panel in
                packPanelB(b.offset(pc, jc + panel * _GEMMKernel.MicroTile.columns), kc: kc,
                           columns: min(_GEMMKernel.MicroTile.columns, nc - panel * _GEMMKernel.MicroTile.columns),
                           into: packedB + panel * kc * _GEMMKernel.MicroTile.columns)
            }
            multiplyBlockRow(blocking, m: m, nc: nc, kc: kc, a: a.offset(0, pc), packedB: packedB,
                             c: c + jc, ldc: ldc, accumulate: accumulate || pc > 0, threads: threads)
        }
    }
}

/// One `kc`-deep slice of the product for a `nc`-wide block of columns: every `mc` x `nc`
/// block of C (+)= its packed A block times the shared packed B. The tasks are the row
/// blocks, each split into column ranges when there are fewer row blocks than threads.
private func multiplyBlockRow(_ blocking: GEMMBlocking, m: Int, nc: Int, kc: Int, a: MatrixOperand,
                              packedB: UnsafePointer<Double>, c: UnsafeMutablePointer<Double>, ldc: Int,
                              accumulate: Bool, threads: Int) {
    let rowBlocks = (m + blocking.mc - 1) / blocking.mc
    let panels = (nc + _GEMMKernel.MicroTile.columns - 1) / _GEMMKernel.MicroTile.columns
    let splits = min(panels, max(1, (threads + rowBlocks - 1) / rowBlocks))
    parallelFor(parts: rowBlocks * splits, threads: threads) { task in
        let ic = (task / splits) * blocking.mc, mc = min(blocking.mc, m - ic)
        let split = task % splits
        let firstPanel = split * panels / splits, endPanel = (split + 1) * panels / splits
        let j = firstPanel * _GEMMKernel.MicroTile.columns, width = min(nc, endPanel * _GEMMKernel.MicroTile.columns) - j
        let packedA = UnsafeMutablePointer<Double>.allocate(capacity: blocking.packedACount)
        defer { packedA.deallocate() }
        packBlockA(a.offset(ic, 0), rows: mc, kc: kc, into: packedA)
        GEMMKernel.multiplyPackedBlock(mc: mc, nc: width, kc: kc, a: packedA,
                                       b: packedB + firstPanel * kc * _GEMMKernel.MicroTile.columns,
                                       c: c + ic * ldc + j, ldc: ldc, accumulate: accumulate)
    }
}

/// Copies a `rows` x `kc` block of A into panels of 6 rows, k-major: panel `q` holds rows
/// `6q ..< 6q+6` as `kc` groups of 6 (zeros past the last row).
private func packBlockA(_ a: MatrixOperand, rows: Int, kc: Int, into packed: UnsafeMutablePointer<Double>) {
    let mr = _GEMMKernel.MicroTile.rows
    var out = packed
    for i0 in stride(from: 0, to: rows, by: mr) {
        let height = min(mr, rows - i0)
        for p in 0..<kc {
            let source = a.base + i0 * a.rowStride + p * a.columnStride
            for r in 0..<height { out[r] = source[r * a.rowStride] }
            for r in height..<mr { out[r] = 0 }
            out += mr
        }
    }
}

/// Copies a `kc` x `columns` slice of B (columns <= 8) into one panel, row by row,
/// padding each row to 8 with zeros.
private func packPanelB(_ b: MatrixOperand, kc: Int, columns: Int, into packed: UnsafeMutablePointer<Double>) {
    let nr = _GEMMKernel.MicroTile.columns
    for p in 0..<kc {
        let source = b.base + p * b.rowStride, out = packed + p * nr
        if columns == nr && b.columnStride == 1 {
            out.update(from: source, count: nr)
        } else {
            for j in 0..<columns { out[j] = source[j * b.columnStride] }
            for j in columns..<nr { out[j] = 0 }
        }
    }
}

/// Products too small to be worth packing (a few thousand multiply-adds): the plain
/// triple loop, ordered i-p-j so the inner loop runs along rows of B and C.
private func smallGEMM(m: Int, n: Int, k: Int, a: MatrixOperand, b: MatrixOperand,
                       c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool) {
    for i in 0..<m {
        let row = c + i * ldc
        if !accumulate { row.update(repeating: 0, count: n) }
        for p in 0..<k {
            let aip = a.base[i * a.rowStride + p * a.columnStride]
            let bRow = b.base + p * b.rowStride
            for j in 0..<n { row[j] += aip * bRow[j * b.columnStride] }
        }
    }
}

/// Block sizes for the caches: an `mc` x `kc` block of A (192 KB) stays in L2, a `kc` x 8
/// panel of B (16 KB) in L1, a `kc` x `nc` block of B in L3.
struct GEMMBlocking {
    static let smallProduct = 4096
    let mc: Int, kc: Int, nc: Int

    init(m: Int, n: Int, k: Int) {
        mc = 96
        kc = 256
        nc = 2048
    }

    var packedACount: Int { (mc + _GEMMKernel.MicroTile.rows - 1) / _GEMMKernel.MicroTile.rows * _GEMMKernel.MicroTile.rows * kc }
    var packedBCount: Int { (nc + _GEMMKernel.MicroTile.columns - 1) / _GEMMKernel.MicroTile.columns * _GEMMKernel.MicroTile.columns * kc }
}

/// The micro-kernel variant this CPU can run, chosen once.
enum GEMMKernel {
    /// True when the CPU has AVX2 and FMA, unless `LECTERN_KERNEL=generic` asks for the
    /// portable variant (to measure what AVX2 gives, or to rule it out).
    static let hasAVX2 = lectern_cpu_has_avx2_fma() != 0
        && getenv("LECTERN_KERNEL").map { String(cString: $0) } != "generic"

    /// "AVX2+FMA" or "generic": for benchmark notes.
    static var variant: String { hasAVX2 ? "AVX2+FMA" : "generic" }

    static func multiplyPackedBlock(mc: Int, nc: Int, kc: Int, a: UnsafePointer<Double>, b: UnsafePointer<Double>,
                                    c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool) {
        if hasAVX2 {
            _GEMMKernelAVX2.multiplyPackedBlock(mc: mc, nc: nc, kc: kc, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
        } else {
            _GEMMKernel.multiplyPackedBlock(mc: mc, nc: nc, kc: kc, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
        }
    }
}

/// What the engine's kernels run on, for benchmark notes and `:help`.
public enum Kernels {
    /// "AVX2+FMA" on CPUs that have both (unless `LECTERN_KERNEL=generic`), else "generic".
    public static var gemmVariant: String { GEMMKernel.variant }

    /// Asks the C library's allocator (glibc) to keep freed memory for reuse, so tensors
    /// allocated call after call do not pay page faults for fresh memory. Call it once at
    /// start-up; the `lectern` executable does.
    public static func keepFreedMemory() { lectern_keep_freed_memory() }
}
