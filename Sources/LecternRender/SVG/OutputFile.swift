#if canImport(Glibc)
import Glibc
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
import Darwin
private let systemWrite = Darwin.write
#endif

/// Writing a file with the C library (no Foundation in the sources).
enum OutputFile {
    struct WriteError: Error, CustomStringConvertible {
        let description: String
    }

    /// Writes `text` as UTF-8 to `path`, replacing the file if it exists.
    /// - Throws: `WriteError` with the system's reason ("cannot write 'x.svg': No such file or directory").
    static func write(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw failure(path) }
        defer { close(descriptor) }
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw failure(path) }
            bytes = bytes.dropFirst(written)
        }
    }

    private static func failure(_ path: String) -> WriteError {
        WriteError(description: "cannot write '\(path)': \(String(cString: strerror(errno)))")
    }
}
