#ifndef LECTERN_STACK_BOUNDS_H
#define LECTERN_STACK_BOUNDS_H

#include <stdint.h>

/// The lowest and highest address of the calling thread's stack (it grows down, from `high`
/// towards `low`). Returns 0 on success, -1 when the system cannot say. The interpreter uses it
/// to stop a deeply nested program with an error before the stack overflows.
/// - Complexity: the first call on a thread asks the system (on Linux's main thread glibc reads
///   /proc/self/maps, ~150 us); later calls on the same thread read a thread-local copy.
int lectern_stack_bounds(uintptr_t *low, uintptr_t *high);

#endif
