/// A quote in a your-turn step, after its check: `> **Hint:** …` (the rest of the quote
/// continues the hint). Taken out of the prose: the student sees it on `:hint`.
enum Hint {
    /// The hint's text, and the lines around it; nil when `lines` hold no hint.
    static func split(_ lines: [String]) -> (hint: String, rest: [String])? {
        guard let start = lines.firstIndex(where: { isStart($0) }) else { return nil }
        var end = start + 1
        while end < lines.count, lines[end].trimmingBlanks.hasPrefix(">") { end += 1 }
        var text = lines[start..<end].map { line in
            let quoted = line.trimmingBlanks.dropFirst()
            return String(quoted.hasPrefix(" ") ? quoted.dropFirst() : quoted)
        }
        for label in ["**Hint:**", "**Hint**:", "**Hint**"] where text[0].hasPrefix(label) {
            text[0] = String(text[0].dropFirst(label.count)).trimmingBlanks
            break
        }
        return (text.joined(separator: "\n").trimmingBlanks, Array(lines[..<start] + lines[end...]))
    }

    private static func isStart(_ line: String) -> Bool {
        let text = line.trimmingBlanks
        guard text.hasPrefix(">") else { return false }
        return String(text.dropFirst()).trimmingBlanks.hasPrefix("**Hint")
    }
}
