@preconcurrency import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LecternLanguage

/// What reading one line gave.
enum LineInput: Equatable {
    case line(String)
    /// Ctrl-C at the prompt: forget the line (and any unfinished entry).
    case interrupted
    /// Ctrl-D on an empty line, or the end of the input.
    case end
}

/// Reads lines: the line editor on a terminal, plain lines from a pipe.
protocol LineReader: AnyObject {
    /// Reads one line. `taken` runs once the line is read and before Ctrl-C is a signal again
    /// (the line editor turns it back into one only after `taken`): the REPL clears a spent
    /// Ctrl-C there, so that none pressed from then on is lost.
    func read(prompt: Prompt, taken: () -> Void) -> LineInput
    func remember(_ entry: String)
}

/// libedit (its native `<histedit.h>` API): emacs keys, history recalled with the arrows and
/// searched with Ctrl-R, Tab completion, and Ctrl-C as a key.
///
/// Ctrl-C: while a line is read, the terminal's interrupt character is off (`setty intr=`),
/// so Ctrl-C reaches the editor as a key, bound to a function that notes it and ends the
/// read. After the read it is on again, so Ctrl-C during a computation is SIGINT (see
/// `Signals`). (The design of knz/go-libedit, which CockroachDB's shell uses.)
final class LineEditor: LineReader {
    private let editLine: OpaquePointer
    private let history: OpaquePointer
    /// The prompt libedit shows, as a C string that lives until the next one.
    private var promptText: UnsafeMutablePointer<CChar>?
    fileprivate var interrupted = false
    /// What Tab offers for the text before the cursor on the current line.
    var complete: ((String) -> Completions)?

    init?(name: String, history entries: [String]) {
        guard let editLine = el_init(name, lectern_stdin(), lectern_stdout(), lectern_stderr()), let history = history_init() else { return nil }
        self.editLine = editLine
        self.history = history
        lectern_history_set_size(history, Int32(LineHistory.capacity))
        lectern_history_set_unique(history, 1)
        for entry in entries { lectern_history_enter(history, entry) }
        configure()
    }

    deinit {
        el_end(editLine)
        history_end(history)
        free(promptText)
    }

    private func configure() {
        lectern_el_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
        lectern_el_set_editor(editLine, "emacs")
        // libedit restores the terminal and re-raises signals that arrive while it reads
        // (Ctrl-Z, window size changes).
        lectern_el_set_int(editLine, EL_SIGNAL, 1)
        lectern_el_set_history(editLine, history)
        lectern_el_set_prompt(editLine, { editLine in
            editLine.flatMap { LineEditor.owner($0)?.promptText } ?? strdup("")
        }, Prompt.escape)
        // ~/.editrc first, so that its `bind -v` cannot undo the bindings below.
        el_source(editLine, nil)
        lectern_el_add_function(editLine, "lectern-interrupt", "Forget the line (Ctrl-C)") { editLine, _ in
            guard let editLine, let editor = LineEditor.owner(editLine) else { return UInt8(CC_ERROR) }
            editor.interrupted = true
            editor.moveToEndAndMark(editLine)
            return UInt8(CC_EOF)
        }
        lectern_el_add_function(editLine, "lectern-complete", "Complete the word (Tab)") { editLine, _ in
            guard let editLine, let editor = LineEditor.owner(editLine) else { return UInt8(CC_ERROR) }
            return editor.completeWord(editLine)
        }
        for (key, function) in Self.bindings { lectern_el_bind(editLine, key, function) }
    }

    /// Keys beyond libedit's emacs defaults (which have the arrows, Ctrl-A/E/K/U/W, ...).
    private static let bindings = [
        ("^C", "lectern-interrupt"), ("^I", "lectern-complete"), ("^R", "em-inc-search-prev"),
        ("\\e[1~", "ed-move-to-beg"), ("\\e[4~", "ed-move-to-end"), ("\\e[H", "ed-move-to-beg"),
        ("\\e[F", "ed-move-to-end"), ("\\e[3~", "ed-delete-next-char"),
        ("\\e[1;5C", "em-next-word"), ("\\e[1;5D", "ed-prev-word"),
    ]

    fileprivate static func owner(_ editLine: OpaquePointer) -> LineEditor? {
        lectern_el_client_data(editLine).map { Unmanaged<LineEditor>.fromOpaque($0).takeUnretainedValue() }
    }

    func read(prompt: Prompt, taken: () -> Void) -> LineInput {
        free(promptText)
        promptText = strdup(prompt.text)
        interrupted = false
        fflush(lectern_stdout())
        var count: Int32 = 0
        setInterruptCharacter("")
        let line = el_gets(editLine, &count)
        taken()
        setInterruptCharacter("^C")
        if interrupted { return .interrupted }
        guard let line, count > 0 else { return .end }
        var text = String(cString: line)
        if text.hasSuffix("\n") { text.removeLast() }
        return .line(text)
    }

    /// The terminal's interrupt character in each of libedit's modes (while a command runs,
    /// while editing, while quoting): "" for none, so that Ctrl-C is a key, or "^C".
    ///
    /// NOTE: all three, before and after every read. libedit takes the terminal's settings
    /// when a read starts as those to restore when it ends; setting only the editing mode
    /// leaks "no interrupt character" into them, and Ctrl-C stops working for computations.
    private func setInterruptCharacter(_ character: String) {
        for mode in ["-d", "-x", "-q"] { lectern_el_set_tty(editLine, mode, "intr=" + character) }
    }

    func remember(_ entry: String) {
        lectern_history_enter(history, entry)
    }

    /// Ctrl-C: leaves the cursor after the whole line (rewriting the text after it) and shows `^C`.
    private func moveToEndAndMark(_ editLine: OpaquePointer) {
        let line = el_line(editLine).pointee
        if let cursor = line.cursor, let end = line.lastchar, end > cursor {
            fwrite(cursor, 1, end - cursor, lectern_stdout())
        }
        fputs("^C", lectern_stdout())
        fflush(lectern_stdout())
    }

    /// The text of the current line before the cursor.
    fileprivate func textBeforeCursor(_ editLine: OpaquePointer) -> String {
        let line = el_line(editLine).pointee
        guard let start = line.buffer, let cursor = line.cursor else { return "" }
        return String(decoding: UnsafeRawBufferPointer(start: start, count: cursor - start), as: UTF8.self)
    }

    /// Tab: indents at the start of a line; completes the word when there is one way to go
    /// on; otherwise lists the candidates under the line.
    fileprivate func completeWord(_ editLine: OpaquePointer) -> UInt8 {
        let before = textBeforeCursor(editLine)
        if before.allSatisfy({ $0 == " " || $0 == "\t" }) {
            el_insertstr(editLine, "  ")
            return UInt8(CC_REFRESH)
        }
        guard let result = complete?(before), !result.candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        let common = CompletionList.commonPrefix(result.candidates)
        if common.count > result.prefix.count {
            el_insertstr(editLine, String(common.dropFirst(result.prefix.count)))
            return UInt8(CC_REFRESH)
        }
        if result.candidates.count == 1 { return UInt8(CC_REFRESH) }
        fputs("\n" + CompletionList.columns(result.candidates, width: TerminalSize.columns), lectern_stdout())
        return UInt8(CC_REDISPLAY)
    }
}
