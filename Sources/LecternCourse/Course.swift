/// A course folder: `lessons/NN-topic.md` and `exercises/NN-name/`. A lesson is found by its
/// stem (`02-convolution-arithmetic`), its topic (`convolution-arithmetic`) or its number
/// (`02`, or `2`).
public struct Course: Sendable {
    /// The folder, as an absolute path.
    public let directory: String

    public init(directory: String) {
        self.directory = Files.canonical(directory)
    }

    public var lessonsDirectory: String { directory + "/lessons" }

    /// Names progress files by: the folder's last component and a hash of its path, so two
    /// courses never share progress (`lectern-3f9a2c1e`).
    public var id: String {
        var hash: UInt32 = 2_166_136_261
        for byte in directory.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let name = directory.split(separator: "/").last.map(String.init) ?? "course"
        let hex = String(hash, radix: 16)
        return name.filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" } + "-" + String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// The stems of the lessons, in order (`NN-topic.md` files, sorted by name).
    public func stems() throws(LessonError) -> [String] {
        guard let names = Files.list(lessonsDirectory) else {
            throw LessonError(lessonsDirectory, line: nil, "no lessons folder here (a course is a folder with lessons/NN-topic.md files)")
        }
        return names.filter { $0.hasSuffix(".md") && $0.first?.isNumber == true }.map { String($0.dropLast(3)) }
    }

    /// The stem `name` means: a stem, a topic or a number; an error names the lessons there are.
    public func stem(for name: String) throws(LessonError) -> String {
        try Self.resolve(name.hasSuffix(".md") ? String(name.dropLast(3)) : name, among: try stems(), "lesson", lessonsDirectory)
    }

    /// The one of `names` (`NN-topic`) that `name` means: itself, its topic, or its number.
    static func resolve(_ name: String, among names: [String], _ kind: String, _ directory: String) throws(LessonError) -> String {
        if names.contains(name) { return name }
        let byTopic = names.filter { topic(of: $0) == name }
        if byTopic.count == 1 { return byTopic[0] }
        if let number = Int(name), let match = names.first(where: { Int($0.prefix { $0.isNumber }) == number }) { return match }
        let known = names.isEmpty ? "there are none" : "there are: " + names.joined(separator: ", ")
        throw LessonError(directory, line: nil, "no \(kind) called '\(name)' (\(known))")
    }

    /// Reads and parses a lesson, by any of its names.
    public func lesson(_ name: String) throws(LessonError) -> Lesson {
        let stem = try stem(for: name)
        let path = lessonsDirectory + "/" + stem + ".md"
        guard let text = Files.read(path) else { throw LessonError(path, line: nil, "cannot read this lesson file") }
        return try LessonParser.parse(text, stem: stem, path: path)
    }

    static func topic(of stem: String) -> String {
        let rest = stem.drop { $0.isNumber }
        return rest.hasPrefix("-") ? String(rest.dropFirst()) : String(rest)
    }
}
