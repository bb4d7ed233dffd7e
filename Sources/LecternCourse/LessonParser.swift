/// Reads a lesson file into a `Lesson`. The fences that make steps:
///
/// - ```` ```lectern ```` a step the lesson runs; an ```` ```output ```` fence right after it
///   (`output tolerance=1e-6`, `output atol=… rtol=…`, `output error`) is what it must print.
/// - ```` ```lectern your-turn ```` a task (its text is shown, not run), then a
///   ```` ```check message="…" ```` fence with the condition, an optional `> **Hint:** …`
///   quote, and a ```` ```lectern solution ```` fence (on GitHub, inside `<details>`).
///
/// Any other fence is prose. A misplaced or malformed fence is an error at its line.
public enum LessonParser {
    public static func parse(_ text: String, stem: String, path: String) throws(LessonError) -> Lesson {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        let matter = try FrontMatter.read(lines, path: path)
        let blocks = try Fences.blocks(Array(lines.dropFirst(matter.lineCount)), firstLine: matter.lineCount + 1, path: path)
        var builder = Builder(path: path)
        for block in blocks {
            switch block {
            case let .prose(lines, line): builder.prose(lines, line: line)
            case let .fence(info, text, line): try builder.fence(info, text, line: line)
            }
        }
        try builder.finishYourTurn()
        let heading = builder.allProse.first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)).trimmingBlanks }
        return Lesson(stem: stem, path: path, title: matter.title ?? heading ?? stem, minutes: matter.minutes,
                      prerequisites: matter.prerequisites, steps: builder.steps, closing: builder.pendingProse)
    }

    /// The state of the reading: steps so far, and the prose waiting for the next one.
    private struct Builder {
        let path: String
        var steps: [Step] = []
        var pendingProse: [String] = []
        var allProse: [String] = []
        /// Whether an output fence may come now (only blank lines since the last plain step).
        var outputAllowed = false
        /// The check, hint and solution of the your-turn step being read.
        var check: (condition: String, line: Int, message: String)?
        var hint: String?
        var solution: (code: String, line: Int)?

        init(path: String) { self.path = path }

        mutating func prose(_ lines: [String], line: Int) {
            allProse += lines
            if lines.contains(where: { !$0.trimmingBlanks.isEmpty }) { outputAllowed = false }
            var lines = lines
            if inYourTurn, check != nil, hint == nil, let (found, rest) = Hint.split(lines) {
                hint = found
                lines = rest
            }
            pendingProse += lines
        }

        mutating func fence(_ info: [String], _ text: String, line: Int) throws(LessonError) {
            let kind = info.first ?? ""
            let attributes = Array(info.dropFirst())
            switch kind {
            case "lectern" where attributes == ["solution"]:
                guard inYourTurn, check != nil, solution == nil else {
                    throw LessonError(path, line: line, "a solution fence belongs after a 'lectern your-turn' step and its check fence")
                }
                solution = (text, line + 1)
            case "lectern":
                guard attributes.isEmpty || attributes == ["your-turn"] else {
                    throw LessonError(path, line: line, "unknown words after 'lectern': '\(attributes.joined(separator: " "))' (known: your-turn, solution)")
                }
                try finishYourTurn()
                steps.append(Step(prose: pendingProse, code: text, line: line, expected: nil,
                                  yourTurn: attributes.isEmpty ? nil : YourTurn(condition: "", conditionLine: 0, message: "", hint: nil, solution: "", solutionLine: 0)))
                pendingProse = []
                outputAllowed = attributes.isEmpty
            case "output":
                guard outputAllowed, !steps.isEmpty else {
                    throw LessonError(path, line: line, "an output fence must come right after the 'lectern' step whose output it is")
                }
                steps[steps.count - 1].expected = try OutputAttributes.parse(attributes, text: text, line: line, path: path)
                outputAllowed = false
            case "check":
                guard inYourTurn, check == nil else {
                    throw LessonError(path, line: line, "a check fence belongs right after a 'lectern your-turn' step (one check each)")
                }
                guard !text.trimmingBlanks.isEmpty else { throw LessonError(path, line: line, "this check fence has no condition") }
                var message: String?
                for attribute in attributes {
                    guard attribute.hasPrefix("message=") else {
                        throw LessonError(path, line: line, "unknown attribute '\(attribute)' of a check fence (known: message=\"...\")")
                    }
                    message = String(attribute.dropFirst("message=".count))
                }
                check = (text, line + 1, message ?? "not yet: the check `\(text.trimmingBlanks)` is not true")
            default:
                // A fence in another language is shown as it is, with the prose.
                prose(["```" + info.joined(separator: " ")] + text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) + ["```"], line: line)
            }
        }

        /// Whether the last step is a your-turn step whose check and solution are being read.
        private var inYourTurn: Bool { steps.last?.yourTurn?.condition.isEmpty == true }

        /// The your-turn step being read is complete: its check and solution are filled in.
        mutating func finishYourTurn() throws(LessonError) {
            guard let last = steps.last, last.yourTurn?.condition.isEmpty == true else { return }
            guard let check else { throw LessonError(path, line: last.line, "this your-turn step has no check fence after it") }
            guard let solution else { throw LessonError(path, line: last.line, "this your-turn step has no 'lectern solution' fence after its check") }
            steps[steps.count - 1].yourTurn = YourTurn(condition: check.condition, conditionLine: check.line, message: check.message,
                                                       hint: hint, solution: solution.code, solutionLine: solution.line)
            self.check = nil
            self.hint = nil
            self.solution = nil
        }
    }
}
