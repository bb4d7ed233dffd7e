#ifndef LECTERN_C_SUPPORT_H
#define LECTERN_C_SUPPORT_H

/// 1 when this CPU (and the operating system) can run code built for Haswell:
/// AVX2, FMA, BMI2, F16C, MOVBE. Always 0 on other architectures.
int lectern_cpu_has_avx2_fma(void);

/// 1 when this CPU and the OS can run code built for Skylake-SP: AVX-512 F, DQ, BW, VL
/// (the OS saves the ZMM registers: XGETBV, asked by the compiler's runtime) on top of
/// `lectern_cpu_has_avx2_fma`. Always 0 on other architectures.
int lectern_cpu_has_avx512_skx(void);

/// Asks glibc's malloc to keep freed memory for reuse (no-op elsewhere); see CSupport.c.
void lectern_keep_freed_memory(void);

/// Hints the CPU to bring the cache line holding `address` into all cache levels: for data
/// the GEMM micro-kernel will need a few hundred cycles from now. A no-op where unsupported.
static inline void lectern_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

/// Tells the CPU the calling thread is spinning in a wait loop (x86 `pause`, ARM `yield`):
/// it saves power and gives a sibling hyper-thread the core meanwhile.
static inline void lectern_spin_pause(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

#endif
