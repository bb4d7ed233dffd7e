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
import _GEMMKernelAVX512

/// The micro-kernel variant this CPU can run, chosen once: the AVX-512 build (12 x 8 tile)
/// when the CPU and OS have AVX-512, else the AVX2 + FMA build (6 x 8), else the build for
/// the default target (SSE2 on x86-64, NEON on arm64; 6 x 8).
/// `LECTERN_KERNEL=generic|avx2|avx512` forces one (to measure or rule one out); a variant
/// the CPU lacks is never taken, the best one it has below it is.
enum GEMMKernel {
    enum Variant: Int { case generic, avx2, avx512 }

    /// The best variant the CPU has, whatever `LECTERN_KERNEL` asks.
    static let best: Variant = lectern_cpu_has_avx512_skx() != 0 ? .avx512 : lectern_cpu_has_avx2_fma() != 0 ? .avx2 : .generic

    static let chosen: Variant = {
        let asked = getenv("LECTERN_KERNEL").map { String(cString: $0) }
        let forced: Variant? = switch asked { case "generic": .generic; case "avx2": .avx2; case "avx512": .avx512; default: nil }
        return Variant(rawValue: min(best.rawValue, (forced ?? best).rawValue))!
    }()

    /// True when the AVX2 + FMA build may run (also chosen for the small products when AVX-512 is).
    static let hasAVX2 = chosen != .generic

    /// The height of the chosen micro-tile, and of A's packed panels: 12 for AVX-512, else 6.
    /// B's panels are `MicroTile.columns` = 8 wide in every variant.
    static let rows = chosen == .avx512 ? MicroTile512.rows : _GEMMKernel.MicroTile.rows

    /// "AVX-512", "AVX2+FMA" or "generic": for benchmark notes.
    static var variant: String { ["generic", "AVX2+FMA", "AVX-512"][chosen.rawValue] }

    static func multiplyPackedBlock(mc: Int, nc: Int, kc: Int, a: UnsafePointer<Double>, b: UnsafePointer<Double>,
                                    c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool) {
        switch chosen {
        case .avx512:
            _GEMMKernelAVX512.multiplyPackedBlock(mc: mc, nc: nc, kc: kc, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
        case .avx2:
            _GEMMKernelAVX2.multiplyPackedBlock(mc: mc, nc: nc, kc: kc, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
        case .generic:
            _GEMMKernel.multiplyPackedBlock(mc: mc, nc: nc, kc: kc, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate)
        }
    }
}

/// What the engine's kernels run on, and process-wide settings for them.
public enum Kernels {
    /// "AVX-512", "AVX2+FMA" or "generic": the chosen GEMM micro-kernel (see `GEMMKernel`).
    public static var gemmVariant: String { GEMMKernel.variant }

    /// Asks the C library's allocator (glibc) to keep freed memory for reuse, so tensors
    /// allocated call after call do not pay page faults for fresh memory. Call it once at
    /// start-up; the `lectern` executable does.
    public static func keepFreedMemory() { lectern_keep_freed_memory() }
}
