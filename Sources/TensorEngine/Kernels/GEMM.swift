import _GEMMKernel

/// General matrix multiplication, the engine's workhorse: C = A·B, or C += A·B when
/// `accumulate`. A is m x k, B is k x n (each read through strides, so a transpose is free),
/// C is m x n row-major with `ldc` elements between rows.
///
/// The blocking of Goto and van de Geijn (as in BLIS): for each `kc` x `nc` block of B,
/// copy ("pack") it into panels 8 columns wide; then each worker packs `mc` x `kc` blocks of
/// A into panels `GEMMKernel.rows` (6, or 12 for AVX-512) high and runs the micro-kernel, which
/// updates C rows x 8 at a time with
/// both panels streaming from cache. Workers split C into disjoint rectangles and never a
/// sum over k, so every element of C is summed in the same order whatever the thread count.
///
/// Small and skinny products take a plain loop instead (`ProductPlan`). `packed: true` keeps
/// the packed path for all but tiny products: the convolutions' per-image products, such as
/// 6 x 784 x 75, run 2-3x faster packed than a rough cycle count predicts.
/// The plain loops this computes: `ReferenceKernels.matmul`
/// (Sources/TensorEngine/Reference/ReferenceKernels+MatMul.swift).
/// - Complexity: 2·m·n·k floating-point operations.
func gemm(m: Int, n: Int, k: Int, a: MatrixOperand, b: MatrixOperand,
          c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool = false,
          threads: Int = KernelThreads.count, packed: Bool = false, plan: ProductPlan? = nil) {
    guard m > 0, n > 0 else { return }
    guard k > 0 else {
        if !accumulate { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
        return
    }
    let chosen = plan ?? ProductPlan.choose(m: m, n: n, k: k, a: a, b: b, preferPacked: packed)
    if chosen != .packed {
        return multiplySmall(chosen, m: m, n: n, k: k, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
    }
    gemmPacked(m: m, n: n, k: k, a: a, c: c, ldc: ldc, accumulate: accumulate, threads: threads) {
        packBlockB(b.offset($0, $2), kc: $1, nc: $3, panels: $4, into: $5)
    }
}

/// Packs the panels `panels` (numbered from the block's first column) of the `kc` x `nc`
/// block of B at rows `pc..<pc+kc`, columns `jc..<jc+nc`, into the layout of `packBlockB`:
/// panel `q` at `packed + q*kc*8`, row p of it the 8 numbers B[pc+p, jc+8q ..< jc+8q+8]
/// (zeros past the last column). Arguments: (pc, kc, jc, nc, panels, packed).
typealias BlockPackerB = (_ pc: Int, _ kc: Int, _ jc: Int, _ nc: Int, _ panels: Range<Int>,
                          _ packed: UnsafeMutablePointer<Double>) -> Void

/// The packed path of `gemm`, with B supplied by `packB` rather than read from a matrix: the
/// convolution packs its image patches straight into B's panels (`PatchPanels`), without
/// writing the patch matrix first. `prepackedA`, when given, is A already packed (a
/// convolution's filters, the same in every image's product), and `a` is not read. The sums
/// are those of `gemm` for the same A and B, bit for bit.
func gemmPacked(m: Int, n: Int, k: Int, a: MatrixOperand, c: UnsafeMutablePointer<Double>, ldc: Int,
                accumulate: Bool, threads: Int, prepackedA: PackedMatrixA? = nil, packB: BlockPackerB) {
    let blocking = GEMMBlocking()
    let workers = min(threads, max(1, m * n * k / GEMMBlocking.workPerThread))
    let packedB = allocateAligned(blocking.packedBCount(n: n, k: k))
    let packedA = allocateAligned(prepackedA == nil ? blocking.packedACount(m: m, k: k) * workers : 0)
    defer { packedB.deallocate(); packedA.deallocate() }
    // Stopped by the session (Ctrl-C, a limit) between two runs of columns: C is left all zeros (or, when
    // accumulating, with what it had plus part of the product), never with uninitialised memory.
    let session = ComputeGuard.current
    defer {
        if !accumulate, session?.isStopped == true { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
    }
    for jc in stride(from: 0, to: n, by: blocking.nc) {
        let nc = min(blocking.nc, n - jc)
        let panels = (nc + MicroTile.columns - 1) / MicroTile.columns
        let shares = WorkerShare.split(rows: m, panels: panels, workers: workers)
        for pc in stride(from: 0, to: k, by: blocking.kc) {
            if session?.shouldStop() == true { return }
            let kc = min(blocking.kc, k - pc)
            parallelFor(parts: workers, threads: workers) { w in
                packB(pc, kc, jc, nc, (w * panels / workers)..<((w + 1) * panels / workers), packedB)
            }
            parallelFor(parts: shares.count, threads: workers) { w in
                let share = shares[w], packed = packedA + w * blocking.packedACount(m: m, k: k)
                for ic in stride(from: share.rows.lowerBound, to: share.rows.upperBound, by: blocking.mc) {
                    if session?.shouldStop() == true { return }
                    let mc = min(blocking.mc, share.rows.upperBound - ic)
                    var blockA = UnsafePointer(packed)
                    if let prepackedA { blockA = prepackedA.block(row: ic, depth: pc, kc: kc) } else {
                        packBlockA(a.offset(ic, pc), rows: mc, kc: kc, into: packed)
                    }
                    // The share's columns in runs of `GEMMBlocking.stopCheckColumns`, the session
                    // asked between runs: a stop comes within one run, not one whole block.
                    var j = share.panels.lowerBound * MicroTile.columns
                    let end = min(nc, share.panels.upperBound * MicroTile.columns)
                    while j < end {
                        if j > share.panels.lowerBound * MicroTile.columns, session?.shouldStop() == true { return }
                        let run = min(end - j, GEMMBlocking.stopCheckColumns)
                        GEMMKernel.multiplyPackedBlock(
                            mc: mc, nc: run, kc: kc, a: blockA, b: packedB + (j / MicroTile.columns) * kc * MicroTile.columns,
                            c: c + ic * ldc + jc + j, ldc: ldc, accumulate: accumulate || pc > 0)
                        j += run
                    }
                }
            }
        }
    }
}

/// Memory for packed panels, aligned to a cache line (64 bytes) so that no 8-double row of a
/// B panel straddles two lines: a split load costs twice.
func allocateAligned(_ count: Int) -> UnsafeMutablePointer<Double> {
    UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Double>.stride, alignment: 64)
        .bindMemory(to: Double.self, capacity: count)
}

/// The rectangle of C one worker computes: a range of rows and a range of 8-column panels.
struct WorkerShare {
    var rows: Range<Int>
    var panels: Range<Int>

    /// Splits an m-row block of C among `workers`: by rows (in multiples of the
    /// micro-tile height, 6 or 12) when there are enough rows, otherwise by column panels.
    static func split(rows m: Int, panels: Int, workers: Int) -> [WorkerShare] {
        let mr = GEMMKernel.rows
        if m >= workers * 4 * mr || panels < workers {
            let tiles = (m + mr - 1) / mr
            return (0..<workers).map { w in
                WorkerShare(rows: min(m, w * tiles / workers * mr)..<min(m, (w + 1) * tiles / workers * mr),
                            panels: 0..<panels)
            }
        }
        return (0..<workers).map { w in
            WorkerShare(rows: 0..<m, panels: (w * panels / workers)..<((w + 1) * panels / workers))
        }
    }
}

/// Block sizes for the caches of a current x86-64 or arm64 core: an `mc` x `kc` block of A
/// (384 KB) stays in L2, a `kc` x 8 panel of B (32 KB) in L1 or close, a `kc` x `nc` block
/// of B in L3. A `kc` of 512 rather than 256 halves the passes over C and the micro-kernel's
/// starts and ends: on a Zen 4 the AVX-512 kernel ran 2–4% faster at n = 512 and 1024 with it
/// and the AVX2 kernel the same (docs/performance.md).
struct GEMMBlocking {
    /// Below this many multiply-adds per thread, waking another thread costs more than it saves.
    static let workPerThread = 1 << 17

    /// Columns of C (a multiple of 8) between two looks at the session's stop flag inside a
    /// block: mc·256·kc = 12.6 million multiply-adds, about half a millisecond on one core,
    /// and still well under a second on an emulated CPU without AVX (`make test-portable`).
    static let stopCheckColumns = 256

    let mc = 96, kc = 512, nc = 2048

    /// Doubles of one worker's packed block of A for an m x k A: at most `mc` x `kc`, in whole panels.
    func packedACount(m: Int, k: Int) -> Int {
        (min(m, mc) + GEMMKernel.rows - 1) / GEMMKernel.rows * GEMMKernel.rows * min(k, kc)
    }

    /// Doubles of the packed block of B for a k x n B: at most `kc` x `nc`, in whole panels.
    func packedBCount(n: Int, k: Int) -> Int {
        (min(n, nc) + MicroTile.columns - 1) / MicroTile.columns * MicroTile.columns * min(k, kc)
    }
}
