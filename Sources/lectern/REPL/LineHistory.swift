#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LecternLanguage

/// The history file, `$XDG_STATE_HOME/lectern/history` (by default
/// `~/.local/state/lectern/history`): one entry per line, a multi-line entry with its
/// newlines written `\n` (and backslashes `\\`).
///
/// Every entry is appended as soon as it is entered (`O_APPEND`, one `write`), so a crash or
/// a kill loses nothing and two sessions at once interleave whole entries. The file is cut
/// back to the last `capacity` entries when it is read at start-up and has grown past twice
/// that. A file that cannot be written (a read-only home) is reported once, then ignored.
/// (Named so as not to clash with TensorEngine's training `History`.)
final class LineHistory {
    static let capacity = 1000
    /// The largest history file read (a longer one is not loaded, and not appended to).
    static let fileLimit = FileRead.scriptLimit

    let path: String?
    private let warn: (String) -> Void
    private var warned = false
    /// Whether the file ended without a newline when it was read.
    private var startsWithNewline = false

    init(environment: (String) -> String? = { getenv($0).map { String(cString: $0) } },
         warn: @escaping (String) -> Void) {
        self.path = Self.defaultPath(environment)
        self.warn = warn
    }

    /// `$XDG_STATE_HOME/lectern/history` when that is an absolute path, else under `$HOME`.
    static func defaultPath(_ environment: (String) -> String?) -> String? {
        if let state = environment("XDG_STATE_HOME"), state.hasPrefix("/") { return state + "/lectern/history" }
        guard let home = environment("HOME"), !home.isEmpty else { return nil }
        return home + "/.local/state/lectern/history"
    }

    /// The last `capacity` entries, oldest first.
    func load() -> [String] {
        guard let path else { return [] }
        let text: String
        do {
            text = try FileRead.text(of: path, limit: Self.fileLimit)
        } catch {
            // A missing file is a first session; anything else (a FIFO, which would block the
            // start, a device, a huge file) is not a history to load or append to.
            if access(path, F_OK) == 0 { failed("\(error)", showErrno: false) }
            return []
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        let kept = lines.suffix(Self.capacity).map { Self.unescape(String($0)) }
        // A last line without its newline (a partial write, a hand edit) must not run into
        // the next entry appended. (A rewrite ends every line.)
        startsWithNewline = !text.isEmpty && !text.hasSuffix("\n")
        if lines.count > 2 * Self.capacity {
            rewrite(kept)
            startsWithNewline = false
        }
        return kept
    }

    /// Adds an entry to the end of the file.
    func append(_ entry: String) {
        guard let path, !warned else { return }
        guard makeDirectory(for: path) else { return }
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return failed("cannot write \(path)") }
        defer { close(descriptor) }
        if !writeAll(descriptor, (startsWithNewline ? "\n" : "") + Self.escape(entry) + "\n") { return failed("cannot write \(path)") }
        startsWithNewline = false
    }

    /// Replaces the file by `entries`, atomically (a new file renamed over the old one).
    private func rewrite(_ entries: [String]) {
        guard let path else { return }
        let temporary = path + ".\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return }
        let ok = writeAll(descriptor, entries.map { Self.escape($0) + "\n" }.joined())
        close(descriptor)
        if !ok || rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// Creates the directories above `path` as needed.
    private func makeDirectory(for path: String) -> Bool {
        var prefix = ""
        for component in path.split(separator: "/").dropLast() {
            prefix += "/" + component
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                failed("cannot create \(prefix)")
                return false
            }
        }
        return true
    }

    private func failed(_ what: String, showErrno: Bool = true) {
        guard !warned else { return }
        warned = true
        let reason = showErrno ? " (\(String(cString: strerror(errno))))" : ""
        warn("lectern: \(what)\(reason); this session's history will not be saved")
    }

    private func writeAll(_ descriptor: Int32, _ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == bytes.count
    }

    static func escape(_ entry: String) -> String {
        var result = ""
        for character in entry {
            switch character {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    static func unescape(_ line: String) -> String {
        var result = "", escaping = false
        for character in line {
            if escaping {
                result.append(character == "n" ? "\n" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
