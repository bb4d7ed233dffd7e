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

/// The micro-kernel variant this CPU can run, chosen once: the AVX2 + FMA build when the
/// CPU has them, else the build for the default target (SSE2 on x86-64, NEON on arm64).
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

/// What the engine's kernels run on, and process-wide settings for them.
public enum Kernels {
    /// "AVX2+FMA" on CPUs that have both (unless `LECTERN_KERNEL=generic`), else "generic".
    public static var gemmVariant: String { GEMMKernel.variant }

    /// Asks the C library's allocator (glibc) to keep freed memory for reuse, so tensors
    /// allocated call after call do not pay page faults for fresh memory. Call it once at
    /// start-up; the `lectern` executable does.
    public static func keepFreedMemory() { lectern_keep_freed_memory() }
}
