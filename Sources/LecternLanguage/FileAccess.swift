import Foundation

/// Which files a program may read or write: a list of directories for each (none by default,
/// as for graded code). The REPL grants its working directory for both; `lectern run` grants
/// what `--allow-read DIR` and `--allow-write DIR` say.
///
/// A path is resolved before it is checked: made absolute against the working directory, and
/// with every symbolic link and `..` followed (`realpath`; for a file that does not exist yet,
/// the realpath of its parent plus its name), so neither `..` nor a link leads out of a root.
public struct FileAccess: Sendable, Equatable {
    /// What a program wants to do with a file.
    public enum Mode: String, Sendable { case read, write }

    /// The directories a program may read files under (resolved when granted).
    public private(set) var readRoots: [String] = []
    /// The directories a program may write files under (resolved when granted).
    public private(set) var writeRoots: [String] = []

    /// No file access at all.
    public static let none = FileAccess()

    public init() {}

    /// The working directory for what `capabilities` grants (`.readFiles`, `.writeFiles`): the
    /// REPL's file access. Empty capabilities give no access.
    public init(workingDirectoryFor capabilities: Capabilities) {
        let here = FileManager.default.currentDirectoryPath
        if capabilities.contains(.readFiles) { try? grant(.read, under: here) }
        if capabilities.contains(.writeFiles) { try? grant(.write, under: here) }
    }

    /// Grants `mode` under `directory` (and everything below it).
    /// - Throws: `FileAccess.Failure` when the directory does not exist.
    public mutating func grant(_ mode: Mode, under directory: String) throws {
        guard let root = Self.resolve(directory), Self.isDirectory(root) else {
            throw Failure(message: "\"\(directory)\" is not a directory")
        }
        switch mode {
        case .read: readRoots.append(root)
        case .write: writeRoots.append(root)
        }
    }

    /// Whether any directory is granted for `mode`.
    public func allows(_ mode: Mode) -> Bool { !(mode == .read ? readRoots : writeRoots).isEmpty }

    /// The resolved absolute path of `path` when `mode` is granted for a directory holding it.
    /// - Throws: `FileAccess.Failure` saying what is wrong: no access at all, a path that cannot
    ///   be resolved (a missing parent), or one outside every granted directory.
    public func check(_ path: String, for mode: Mode) throws -> String {
        let roots = mode == .read ? readRoots : writeRoots
        guard !roots.isEmpty else {
            throw Failure(message: "\(mode == .read ? "reading" : "writing") files is not allowed here: this session has no "
                          + "file access (the REPL grants its directory; `lectern run` needs --allow-\(mode.rawValue) DIR)")
        }
        if Self.resolve(path) == nil, Self.isLink(path) {
            // A link to nothing: writing through it would create its target, wherever that is.
            throw Failure(message: "cannot \(mode.rawValue) \"\(path)\": it is a symbolic link to a file that does not exist")
        }
        guard let resolved = Self.resolve(path) ?? Self.resolveNew(path) else {
            throw Failure(message: "cannot \(mode.rawValue) \"\(path)\": its directory does not exist")
        }
        guard roots.contains(where: { resolved == $0 || resolved.hasPrefix($0 == "/" ? "/" : $0 + "/") }) else {
            throw Failure(message: "cannot \(mode.rawValue) \"\(path)\": it is outside the directories this session may "
                          + "\(mode.rawValue) (\(roots.joined(separator: ", ")))")
        }
        return resolved
    }

    /// Why a path was refused.
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public let message: String
        public var description: String { message }
    }

    /// The realpath of an existing file or directory, or nil.
    static func resolve(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    /// A file that does not exist yet: the realpath of its parent directory plus its name.
    static func resolveNew(_ path: String) -> String? {
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        guard name != "..", name != ".", let parent = resolve(url.deletingLastPathComponent().path), isDirectory(parent) else {
            return nil
        }
        return parent == "/" ? "/" + name : parent + "/" + name
    }

    /// Whether `path` itself (not what it points to) is a symbolic link.
    static func isLink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
