#include "ThreadContext.h"

static _Thread_local void *current_guard = 0;

void *lectern_current_guard(void) { return current_guard; }

void lectern_set_current_guard(void *guard) { current_guard = guard; }
