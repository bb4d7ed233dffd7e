#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LecternLanguage

/// Reading scripts: files (regular ones, at most `FileRead.scriptLimit` bytes) and standard input.
enum ScriptFile {
    /// The script at `path` ("-": standard input) as a source named by its path.
    /// - Throws: `FileRead.Failure` naming the file and what is wrong with it.
    static func read(_ path: String) throws -> Source {
        if path == "-" {
            let bytes = try FileRead.bytes(from: 0, name: "standard input", limit: FileRead.scriptLimit)
            return Source(name: "<stdin>", text: FileRead.text(bytes), isFile: true)
        }
        return Source(name: path, text: try FileRead.text(of: path), isFile: true)
    }
}

/// Writing to standard error.
enum StandardError {
    /// Writes `text` to stderr after flushing stdout, so that with `2>&1` a diagnostic lands
    /// after everything the program printed before it.
    static func write(_ text: String) {
        fflush(nil)  // every output stream, whichever the program wrote through
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            bytes = bytes.dropFirst(n)
        }
    }
}

/// Whether colour may be used: a terminal, `TERM` not `dumb`, `NO_COLOR` unset.
enum Terminal {

    static func colorAllowed(stderr useStderr: Bool = false) -> Bool {
        if getenv("NO_COLOR") != nil { return false }
        if let term = getenv("TERM"), String(cString: term) == "dumb" { return false }
        return isatty(useStderr ? 2 : 1) == 1
    }
}
