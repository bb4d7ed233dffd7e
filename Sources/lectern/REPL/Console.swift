@preconcurrency import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the REPL writes: values and printed text to standard output (through C's buffered
/// `stdout`, which libedit shares, so the two never overtake each other), diagnostics and
/// notes to standard error. Standard output is flushed before anything goes to standard
/// error, so that a pipe sees them in order.
final class Console {
    /// Whether to colour the prompt, errors and headings.
    let color: Bool
    /// Whether the text written last to standard output ended its line (or cleared it).
    private(set) var atLineStart = true

    init(color: Bool) {
        self.color = color
    }

    func write(_ text: String) {
        guard !text.isEmpty else { return }
        var text = text
        text.withUTF8 { bytes in _ = fwrite(bytes.baseAddress, 1, bytes.count, lectern_stdout()) }
        atLineStart = text.hasSuffix("\n") || text.hasSuffix("\r\u{1B}[K")
    }

    func writeLine(_ text: String) { write(text + "\n") }

    /// A diagnostic or a note, on standard error.
    func error(_ text: String) {
        flush()
        StandardError.write(text.hasSuffix("\n") ? text : text + "\n")
    }

    func flush() { fflush(lectern_stdout()) }

    func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func dim(_ text: String) -> String { color ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
    func green(_ text: String) -> String { color ? "\u{1B}[1;32m\(text)\u{1B}[0m" : text }
}

/// Facts about the terminal.
enum TerminalSize {
    /// The width of the terminal on standard output in columns (80 when unknown).
    static var columns: Int {
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
