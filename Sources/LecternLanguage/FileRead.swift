#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a whole file, bounded: the one way Lectern reads scripts, lessons, exercises, the
/// history and data files.
///
/// Only regular files are read. A FIFO is opened without blocking and refused (reading it
/// could wait forever for a writer), as are devices (`/dev/zero` never ends) and directories;
/// a file larger than the limit is refused before a byte is read. Standard input, which may be
/// a pipe, is read up to the limit and refused past it.
public enum FileRead {
    /// Why a file was not read; `description` is the whole message ("cannot read 'x': ...").
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// What was read: "'train.lec'", "standard input".
        public let subject: String
        /// What is wrong: "it is a FIFO (a named pipe), not a regular file".
        public let problem: String
        public var description: String { "cannot read \(subject): \(problem)" }
    }

    /// The most a script, lesson or exercise file may hold: 16 MB (the longest lesson is
    /// under 20 kB).
    public static let scriptLimit = 16 << 20

    /// The bytes of the regular file at `path`, at most `limit` of them.
    /// - Throws: `Failure` naming the path and what is wrong (missing, unreadable, a
    ///   directory, a FIFO or device, larger than the limit).
    public static func bytes(of path: String, limit: Int) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure(path, errno == ENOENT ? "there is no such file" : String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw failure(path, String(cString: strerror(errno))) }
        if let kind = kind(info.st_mode) { throw failure(path, "it is \(kind), not a regular file") }
        if Int(info.st_size) > limit {
            throw failure(path, "it holds \(size(Int(info.st_size))), more than the \(size(limit)) allowed")
        }
        // A regular file never blocks; clear O_NONBLOCK all the same, for file systems that care.
        _ = fcntl(descriptor, F_SETFL, 0)
        guard let bytes = readToEnd(descriptor, limit: limit) else {
            throw failure(path, errno == 0 ? "it grew past the \(size(limit)) allowed while being read"
                                           : String(cString: strerror(errno)))
        }
        return bytes
    }

    /// The text of the regular file at `path` (see `bytes(of:limit:)`), decoded as UTF-8.
    public static func text(of path: String, limit: Int = scriptLimit) throws(Failure) -> String {
        text(try bytes(of: path, limit: limit))
    }

    /// Everything left on a descriptor (standard input, a pipe), at most `limit` bytes.
    /// - Throws: `Failure` naming `name` when there is more, or a read fails.
    public static func bytes(from descriptor: Int32, name: String, limit: Int) throws(Failure) -> [UInt8] {
        errno = 0
        guard let bytes = readToEnd(descriptor, limit: limit) else {
            throw Failure(subject: name,
                          problem: errno == 0 ? "it holds more than the \(size(limit)) allowed" : String(cString: strerror(errno)))
        }
        return bytes
    }

    /// UTF-8 text from bytes, without the byte-order mark some editors put first (invalid
    /// sequences become U+FFFD).
    public static func text(_ bytes: [UInt8]) -> String {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let start = bytes.starts(with: bom) ? 3 : 0
        return String(decoding: bytes[start...], as: UTF8.self)
    }

    /// Up to `limit` bytes until the end; nil (errno 0) when there are more, nil (errno set)
    /// when a read fails. Interrupted reads (EINTR, from a signal) are retried.
    private static func readToEnd(_ descriptor: Int32, limit: Int) -> [UInt8]? {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return nil }
            if n == 0 { return bytes }
            guard bytes.count + n <= limit else { errno = 0; return nil }
            bytes.append(contentsOf: buffer[0..<n])
        }
    }

    /// What a file that is not regular is, in words; nil for a regular file.
    private static func kind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a directory"
        case S_IFIFO: "a FIFO (a named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "an unusual kind of file"
        }
    }

    private static func failure(_ path: String, _ problem: String) -> Failure {
        Failure(subject: "'\(path)'", problem: problem)
    }

    /// "16 MB", "2.5 kB": a byte count for messages.
    static func size(_ bytes: Int) -> String {
        if bytes >= 1 << 20 { return "\(formatNumber((Double(bytes) / Double(1 << 20) * 10).rounded() / 10)) MB" }
        if bytes >= 1 << 10 { return "\(formatNumber((Double(bytes) / Double(1 << 10) * 10).rounded() / 10)) kB" }
        return "\(bytes) bytes"
    }
}
