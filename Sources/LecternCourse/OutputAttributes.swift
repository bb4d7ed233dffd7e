/// The words after `output` in an output fence: `error` (the step must fail; its diagnostic
/// is the text), `tolerance=T` (numbers within T, absolute and relative), `atol=A`, `rtol=R`.
enum OutputAttributes {
    static func parse(_ words: [String], text: String, line: Int, path: String) throws(LessonError) -> ExpectedOutput {
        var expected = ExpectedOutput(text: text, line: line + 1, tolerance: nil, isError: false)
        for word in words {
            if word == "error" {
                expected.isError = true
                continue
            }
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, ["tolerance", "atol", "rtol"].contains(parts[0]) else {
                throw LessonError(path, line: line, "unknown attribute '\(word)' of an output fence (known: error, tolerance=, atol=, rtol=)")
            }
            guard let value = Double(parts[1]), value >= 0, value.isFinite else {
                throw LessonError(path, line: line, "'\(parts[0])' should be a number such as 1e-6, not '\(parts[1])'")
            }
            var tolerance = expected.tolerance ?? Tolerance(absolute: 0, relative: 0)
            switch parts[0] {
            case "atol": tolerance.absolute = value
            case "rtol": tolerance.relative = value
            default: tolerance = Tolerance(absolute: value, relative: value)
            }
            expected.tolerance = tolerance
        }
        return expected
    }
}

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
