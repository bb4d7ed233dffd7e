#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The submissions a grader was given, one per student: a `.lec` file (the student is its name
/// without `.lec`) or a folder named for the student (its `.lec` files, run in name order).
/// A path that does not exist, a folder without a `.lec` file, or a second submission under a
/// name already taken is that student's problem, reported in the gradebook; it never stops
/// the batch.
public struct Roster: Sendable {
    public struct Entry: Sendable, Equatable {
        public var student: String
        /// The files to run, in order.
        public var files: [String]
        /// Why this submission cannot run (then `files` is empty).
        public var problem: String?
    }

    /// Sorted by student.
    public let entries: [Entry]

    public init(paths: [String]) {
        var entries = paths.map(Self.entry)
        var seen = Set<String>()
        for i in entries.indices.sorted(by: { (entries[$0].student, paths[$0]) < (entries[$1].student, paths[$1]) }) {
            if seen.insert(entries[i].student).inserted { continue }
            entries[i] = Entry(student: paths[i], files: [], problem: "another submission has the student name '\(entries[i].student)'")
        }
        self.entries = entries.sorted { $0.student < $1.student }
    }

    static func entry(_ given: String) -> Entry {
        var path = given
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        let base = path.split(separator: "/").last.map(String.init) ?? path
        var info = stat()
        guard stat(path, &info) == 0 else {
            return Entry(student: stem(base), files: [], problem: "unreadable: " + String(cString: strerror(errno)))
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return Entry(student: stem(base), files: [path], problem: nil) }
        guard let names = Files.list(path) else {
            return Entry(student: base, files: [], problem: "unreadable: " + String(cString: strerror(errno)))
        }
        let files = names.filter { $0.hasSuffix(".lec") && !Files.isDirectory(path + "/" + $0) }.map { path + "/" + $0 }
        return Entry(student: base, files: files, problem: files.isEmpty ? "no .lec file in the folder" : nil)
    }

    /// `alice` of `alice.lec`.
    static func stem(_ name: String) -> String {
        name.hasSuffix(".lec") && name.count > 4 ? String(name.dropLast(4)) : name
    }
}
