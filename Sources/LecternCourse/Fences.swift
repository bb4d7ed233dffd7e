/// The Markdown of a lesson as a sequence of blocks: runs of prose lines and fenced code
/// blocks, in order. This is all of CommonMark a lesson needs to be split into steps:
/// a fence opens with three or more backticks or tildes indented at most three spaces,
/// followed by an info string; it closes with a line of the same character, at least as
/// long, and nothing else. Everything else is prose (rendered later, line by line).
enum MarkdownBlock: Equatable {
    /// Lines of prose, the first at `line`.
    case prose([String], line: Int)
    /// A fence: its info string split into words (`output`, `tolerance=1e-6`), its text, the
    /// line of the opening fence.
    case fence(info: [String], text: String, line: Int)
}

enum Fences {
    /// The blocks of `lines` (the front matter already removed), `firstLine` being the file's
    /// line number of `lines[0]`. An unclosed fence is an error at its opening line.
    static func blocks(_ lines: [String], firstLine: Int, path: String) throws(LessonError) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var prose: [String] = [], proseLine = firstLine
        var index = 0
        while index < lines.count {
            guard let opening = opening(lines[index]) else {
                if prose.isEmpty { proseLine = firstLine + index }
                prose.append(lines[index])
                index += 1
                continue
            }
            if !prose.isEmpty { blocks.append(.prose(prose, line: proseLine)) }
            prose = []
            let start = index
            var body: [String] = []
            index += 1
            while index < lines.count, !closes(lines[index], opening) {
                body.append(String(dropIndent(lines[index], opening.indent)))
                index += 1
            }
            guard index < lines.count else {
                throw LessonError(path, line: firstLine + start, "this fence (\(opening.marker)) is never closed")
            }
            index += 1
            blocks.append(.fence(info: opening.info, text: body.joined(separator: "\n"), line: firstLine + start))
        }
        if !prose.isEmpty { blocks.append(.prose(prose, line: proseLine)) }
        return blocks
    }

    struct Opening {
        let marker: String
        let indent: Int
        let info: [String]
    }

    /// The fence a line opens, if it opens one.
    static func opening(_ line: String) -> Opening? {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let char = rest.first, char == "`" || char == "~" else { return nil }
        let marker = rest.prefix { $0 == char }
        guard marker.count >= 3 else { return nil }
        let info = rest.dropFirst(marker.count)
        // A backtick fence's info string may not contain backticks (it would be inline code).
        if char == "`", info.contains("`") { return nil }
        return Opening(marker: String(marker), indent: indent, info: words(info))
    }

    private static func closes(_ line: String, _ opening: Opening) -> Bool {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3, let char = opening.marker.first else { return false }
        let rest = line.dropFirst(indent)
        let marker = rest.prefix { $0 == char }
        return marker.count >= opening.marker.count && rest.dropFirst(marker.count).allSatisfy { $0 == " " || $0 == "\t" }
    }

    private static func dropIndent(_ line: String, _ count: Int) -> Substring {
        line.dropFirst(min(count, line.prefix { $0 == " " }.count))
    }

    /// The info string's words; a value in double quotes may hold spaces (`message="..."`).
    static func words(_ info: Substring) -> [String] {
        var words: [String] = [], word = "", quoted = false
        for char in info {
            if char == "\"" { quoted.toggle(); continue }
            if !quoted, char == " " || char == "\t" {
                if !word.isEmpty { words.append(word) }
                word = ""
            } else {
                word.append(char)
            }
        }
        if !word.isEmpty { words.append(word) }
        return words
    }
}
