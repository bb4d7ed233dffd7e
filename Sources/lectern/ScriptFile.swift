#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LecternLanguage

/// Reading scripts (without Foundation, which would slow down start-up).
enum ScriptFile {
    struct ReadError: Error, CustomStringConvertible {
        let description: String
    }

    /// The script at `path` ("-": standard input) as a source named by its path.
    static func read(_ path: String) throws -> Source {
        if path == "-" { return Source(name: "<stdin>", text: readAll(0), isFile: true) }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ReadError(description: "cannot read '\(path)': \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        guard let text = readAll(descriptor, failing: true) else {
            // A directory opens, then fails to read (EISDIR).
            throw ReadError(description: "cannot read '\(path)': \(String(cString: strerror(errno)))")
        }
        return Source(name: path, text: text, isFile: true)
    }

    /// Everything left to read from a file descriptor, as UTF-8 text (what could be read,
    /// when reading fails).
    static func readAll(_ descriptor: Int32) -> String {
        readAll(descriptor, failing: false) ?? ""
    }

    /// Everything left to read; nil when a read fails and `failing` is set. Interrupted reads
    /// (EINTR, from a signal such as Ctrl-C) are retried.
    private static func readAll(_ descriptor: Int32, failing: Bool) -> String? {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = Glibc.read(descriptor, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            if n < 0 && failing { return nil }
            if n <= 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        return String(decoding: bytes, as: UTF8.self)
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
