/// The optional front matter at the top of a lesson, between two `---` lines, in the small
/// part of YAML a lesson needs: `key: value` lines, a list as `[a, b]` or as `- item` lines
/// under its key, `#` comments. Known keys: `title`, `minutes`, `prerequisites`; any other
/// key, or a value of the wrong kind, is an error at its line.
struct FrontMatter {
    var title: String?
    var minutes: Int?
    var prerequisites: [String] = []
    /// How many lines of the file it took (0 without front matter).
    var lineCount = 0

    static let keys = ["title", "minutes", "prerequisites"]

    static func read(_ lines: [String], path: String) throws(LessonError) -> FrontMatter {
        var matter = FrontMatter()
        guard lines.first?.trimmingBlanks == "---" else { return matter }
        guard let end = lines.indices.dropFirst().first(where: { lines[$0].trimmingBlanks == "---" }) else {
            throw LessonError(path, line: 1, "the front matter opened here is never closed by a '---' line")
        }
        var listKey: String?
        for index in 1..<end {
            let line = lines[index], number = index + 1
            let text = line.trimmingBlanks
            if text.isEmpty || text.hasPrefix("#") { continue }
            if text.hasPrefix("- "), listKey == "prerequisites" {
                matter.prerequisites.append(unquoted(String(text.dropFirst(2))))
                continue
            }
            guard let colon = text.firstIndex(of: ":") else {
                throw LessonError(path, line: number, "expected 'key: value' in the front matter, found '\(text)'")
            }
            let key = String(text[..<colon]).trimmingBlanks
            let value = String(text[text.index(after: colon)...]).trimmingBlanks
            listKey = value.isEmpty ? key : nil
            switch key {
            case "title": matter.title = unquoted(value)
            case "minutes":
                guard let minutes = Int(value), minutes > 0 else {
                    throw LessonError(path, line: number, "'minutes' should be a whole number of minutes, such as 20, not '\(value)'")
                }
                matter.minutes = minutes
            case "prerequisites":
                if value.hasPrefix("["), value.hasSuffix("]") {
                    matter.prerequisites = value.dropFirst().dropLast().split(separator: ",").map { unquoted(String($0).trimmingBlanks) }
                } else if !value.isEmpty {
                    matter.prerequisites = [unquoted(value)]
                }
            default:
                throw LessonError(path, line: number, "unknown front matter key '\(key)' (known: \(keys.joined(separator: ", ")))")
            }
        }
        matter.lineCount = end + 1
        return matter
    }

    private static func unquoted(_ text: String) -> String {
        for quote in ["\"", "'"] where text.count >= 2 && text.hasPrefix(quote) && text.hasSuffix(quote) {
            return String(text.dropFirst().dropLast())
        }
        return text
    }
}
