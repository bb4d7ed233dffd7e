// The calling thread's stack bounds, for the language's guard against deep recursion.
#if defined(__linux__)
#define _GNU_SOURCE
#endif
#include "StackBounds.h"
#include <pthread.h>

// Per thread, so each thread asks the system once (the main thread's answer is slow on glibc).
static _Thread_local uintptr_t cached_low, cached_high;

static int ask_system(uintptr_t *low, uintptr_t *high) {
#if defined(__APPLE__)
    pthread_t self = pthread_self();
    uintptr_t top = (uintptr_t)pthread_get_stackaddr_np(self);
    *high = top;
    *low = top - pthread_get_stacksize_np(self);
    return 0;
#elif defined(__linux__)
    pthread_attr_t attr;
    void *address;
    size_t size;
    if (pthread_getattr_np(pthread_self(), &attr) != 0) return -1;
    int failed = pthread_attr_getstack(&attr, &address, &size);
    pthread_attr_destroy(&attr);
    if (failed) return -1;
    *low = (uintptr_t)address;
    *high = (uintptr_t)address + size;
    return 0;
#else
    return -1;
#endif
}

int lectern_stack_bounds(uintptr_t *low, uintptr_t *high) {
    if (cached_high == 0) {
        if (ask_system(&cached_low, &cached_high) != 0) return -1;
    }
    *low = cached_low;
    *high = cached_high;
    return 0;
}
