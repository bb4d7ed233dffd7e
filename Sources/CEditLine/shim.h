// libedit's native API (<histedit.h>) for Swift. Swift cannot call C variadic functions, so
// each use of el_set, el_get and history that the REPL needs has a fixed-argument wrapper.
#ifndef LECTERN_CEDITLINE_SHIM_H
#define LECTERN_CEDITLINE_SHIM_H

#include <histedit.h>
#include <locale.h>
#include <stdio.h>

/// A function that makes the prompt, and one that handles a key (EL_ADDFN).
typedef char *(*lectern_prompt_fn)(EditLine *);
typedef unsigned char (*lectern_key_fn)(EditLine *, int);

/// EL_PROMPT_ESC: the prompt, with `escape` around sequences that take no room on screen.
static inline int lectern_el_set_prompt(EditLine *el, lectern_prompt_fn fn, char escape) {
    return el_set(el, EL_PROMPT_ESC, fn, escape);
}

/// EL_EDITOR ("emacs" or "vi").
static inline int lectern_el_set_editor(EditLine *el, const char *mode) {
    return el_set(el, EL_EDITOR, mode);
}

/// An integer setting: EL_SIGNAL, EL_EDITMODE, ...
static inline int lectern_el_set_int(EditLine *el, int op, int value) {
    return el_set(el, op, value);
}

/// EL_ADDFN: a named editor function, to bind to a key.
static inline int lectern_el_add_function(EditLine *el, const char *name, const char *help, lectern_key_fn fn) {
    return el_set(el, EL_ADDFN, name, help, fn);
}

/// EL_BIND: `key` (e.g. "^C") runs the editor function `function`.
static inline int lectern_el_bind(EditLine *el, const char *key, const char *function) {
    return el_set(el, EL_BIND, key, function, (const char *)NULL);
}

/// EL_SETTY: a terminal setting for one of libedit's modes ("-d" while a command runs,
/// "-x" while editing, "-q" while quoting), e.g. "intr=" (no interrupt character).
static inline int lectern_el_set_tty(EditLine *el, const char *mode, const char *setting) {
    return el_set(el, EL_SETTY, mode, setting, (const char *)NULL);
}

/// EL_HIST: the history the editor recalls with the arrow keys and searches with ^R.
static inline int lectern_el_set_history(EditLine *el, History *history_) {
    return el_set(el, EL_HIST, history, history_);
}

/// EL_CLIENTDATA: a pointer for the key functions to find their owner.
static inline int lectern_el_set_client_data(EditLine *el, void *data) {
    return el_set(el, EL_CLIENTDATA, data);
}

static inline void *lectern_el_client_data(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}

/// H_SETSIZE: how many entries the history keeps.
static inline int lectern_history_set_size(History *h, int size) {
    HistEvent event;
    return history(h, &event, H_SETSIZE, size);
}

/// H_SETUNIQUE: whether an entry equal to the previous one is dropped.
static inline int lectern_history_set_unique(History *h, int unique) {
    HistEvent event;
    return history(h, &event, H_SETUNIQUE, unique);
}

/// H_ENTER: adds an entry.
static inline int lectern_history_enter(History *h, const char *line) {
    HistEvent event;
    return history(h, &event, H_ENTER, line);
}

/// C's standard streams, which Swift 6 refuses to read as shared mutable globals.
static inline FILE *lectern_stdin(void) { return stdin; }
static inline FILE *lectern_stdout(void) { return stdout; }
static inline FILE *lectern_stderr(void) { return stderr; }

#endif
