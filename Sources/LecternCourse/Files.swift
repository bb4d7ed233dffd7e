#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LecternLanguage

/// The few file operations the course needs, on the C library (Lectern does without
/// Foundation, which would slow down start-up).
public enum Files {
    /// The text of a regular file of at most `FileRead.scriptLimit` bytes (without a
    /// byte-order mark); nil when it cannot be read.
    static func read(_ path: String) -> String? {
        try? FileRead.text(of: path)
    }

    /// Writes `text` to a temporary file beside `path`, then renames it over `path`: a
    /// reader never sees half a file. Makes the directories on the way. False on failure.
    @discardableResult
    public static func write(_ path: String, _ text: String) -> Bool {
        if let slash = path.lastIndex(of: "/"), !makeDirectories(String(path[..<slash])) { return false }
        let temporary = path + ".tmp\(getpid())"
        guard let file = fopen(temporary, "wb") else { return false }
        let bytes = Array(text.utf8)
        let written = fwrite(bytes, 1, bytes.count, file)
        // Flushed to the disk before the rename, so that a crash cannot leave an empty file in place.
        let synced = fflush(file) == 0 && fsync(fileno(file)) == 0
        guard fclose(file) == 0, written == bytes.count, synced, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    static func makeDirectories(_ path: String) -> Bool {
        if path.isEmpty || isDirectory(path) { return true }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex, !makeDirectories(String(path[..<slash])) { return false }
        return mkdir(path, 0o755) == 0 || errno == EEXIST
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The names in a directory (without `.` and `..`), sorted; nil when it cannot be listed.
    static func list(_ path: String) -> [String]? {
        guard let stream = opendir(path) else { return nil }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// An absolute path without `.`, `..` or symbolic links (the path itself when it does not exist).
    static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
