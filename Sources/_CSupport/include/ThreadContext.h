#ifndef LECTERN_THREAD_CONTEXT_H
#define LECTERN_THREAD_CONTEXT_H

/// The compute guard of the session running on the calling thread (an unretained Swift
/// object: TensorEngine's `ComputeGuard`), or NULL. Thread-local, so that several sessions may
/// run at once on different threads; the engine reads it to charge tensor storage and to see
/// whether it should stop.
void *lectern_current_guard(void);

/// Sets the calling thread's compute guard (NULL: none).
void lectern_set_current_guard(void *guard);

#endif
