// The two things the engine needs from C: CPU feature detection and malloc tuning.
#include "CSupport.h"
// NOTE: a system header must come before the test below: glibc defines __GLIBC__ in
// <features.h>, which every libc header includes. Without one the test is false and
// lectern_keep_freed_memory compiles to nothing.
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

// The compiler's runtime asks CPUID (and XGETBV, so an OS that does not save the YMM
// registers counts as "no AVX2") once.
int lectern_cpu_has_avx2_fma(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")
        && __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("f16c")
        && __builtin_cpu_supports("movbe");
#else
    return 0;
#endif
}

// The same for the AVX-512 subsets `-target-cpu skylake-avx512` may use. The runtime counts
// AVX-512 as absent unless XGETBV shows the OS saves the opmask and ZMM state.
int lectern_cpu_has_avx512_skx(void) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    return lectern_cpu_has_avx2_fma()
        && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq")
        && __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vl")
        && __builtin_cpu_supports("avx512cd");
#else
    return 0;
#endif
}

// Blocks up to 32 MiB come from the heap, which keeps up to 1 GiB free: without this every
// large tensor is fresh memory from the kernel and pays a page fault per 4 KiB (~3 us each in
// these VMs). The NumPy and PyTorch peers of the benchmarks run with the same settings.
void lectern_keep_freed_memory(void) {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}
