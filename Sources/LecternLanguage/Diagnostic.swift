/// How errors look: the one place where a `LanguageError` becomes text.
///
///     error: shapes [2, 3] and [4, 3] cannot be multiplied (inner sizes 3 and 4 differ)
///       --> cell 3, line 1, column 5
///      1 | z = x @ w
///        |     ^^^^^
///        = in 'step', called at cell 4, line 2, column 1
///
/// A file gives its place as `train.lec:1:5`. A span over several lines is underlined to the
/// end of its first line. A recursion shows its repeated call once, with a count
/// (`= in 'f', called at f.lec:2:10 (199 nested calls)`), and a long chain of calls shows
/// its innermost `maxFrames` lines.
public enum Diagnostic {
    /// How the parts of a diagnostic are shown: plain text here; a terminal module adds
    /// colours (LecternRender's `Diagnostic.Style.terminal`), so that this module writes no
    /// escape codes.
    public struct Style: Sendable {
        /// "error:", "syntax error:", ...
        public var label: @Sendable (String) -> String
        /// The arrow, the line numbers and the bars in front of the source line.
        public var gutter: @Sendable (String) -> String
        /// The carets under the error.
        public var carets: @Sendable (String) -> String

        public init(label: @escaping @Sendable (String) -> String, gutter: @escaping @Sendable (String) -> String,
                    carets: @escaping @Sendable (String) -> String) {
            self.label = label
            self.gutter = gutter
            self.carets = carets
        }

        /// Plain text: for files, pipes, tests and graders.
        public static let plain = Style(label: { $0 }, gutter: { $0 }, carets: { $0 })
    }

    /// The error as text, its parts shown in `style`.
    public static func render(_ error: LanguageError, style: Style = .plain) -> String {
        let paint = style
        let label: String
        switch error.kind {
        case .syntax, .incompleteInput: label = "syntax error"
        case .runtime: label = "error"
        case .limit: label = "limit"
        case .cancelled: label = "interrupted"
        }
        var lines = [paint.label(label + ":") + " " + visible(shortened(error.message))]
        if let source = error.source {
            lines += snippet(source, error.range, paint)
        }
        let calls = collapsed(error.trace)
        for (frame, count) in calls.prefix(maxFrames) {
            let repeats = count > 1 ? " (\(count) nested calls)" : ""
            lines.append(paint.gutter("   = ") + "in '\(frame.name)', called at \(place(frame.source, frame.range.start))\(repeats)")
        }
        if calls.count > maxFrames {
            let hidden = calls.dropFirst(maxFrames).reduce(0) { $0 + $1.1 }
            lines.append(paint.gutter("   = ") + "and \(hidden) more call\(hidden == 1 ? "" : "s") further out")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// How many lines of a call chain a message shows.
    public static let maxFrames = 12

    /// The frames with runs of the same call (same function, same place) counted once.
    private static func collapsed(_ trace: [CallFrame]) -> [(CallFrame, Int)] {
        var runs: [(CallFrame, Int)] = []
        for frame in trace {
            if let last = runs.last, last.0.name == frame.name, last.0.range == frame.range,
               last.0.source.name == frame.source.name {
                runs[runs.count - 1].1 += 1
            } else {
                runs.append((frame, 1))
            }
        }
        return runs
    }

    /// "cell 3, line 1, column 5" or "train.lec:1:5".
    public static func place(_ source: Source, _ offset: Int) -> String {
        let (line, column) = source.location(of: offset)
        return source.isFile ? "\(source.name):\(line):\(column)" : "\(source.name), line \(line), column \(column)"
    }

    /// How many characters of a source line a message echoes: a longer line is cut to a
    /// window around the error, each cut end marked with "…".
    public static let maxEchoedColumns = 120
    /// How long a message may be before its middle is cut out (a 25,000-letter name in
    /// "'aaa…' is not defined" must not flood the terminal).
    public static let maxMessageLength = 300

    /// The arrow line, the source line and the carets.
    private static func snippet(_ source: Source, _ range: SourceRange, _ paint: Style) -> [String] {
        let (line, column) = source.location(of: range.start)
        let text = Array(source.line(line))
        let number = String(line)
        let gutter = String(repeating: " ", count: number.count)
        let end = min(range.end, range.start + max(0, source.line(line).utf8.count - (column - 1)) + 64)
        let (endLine, endColumn) = source.location(of: end)
        let width = endLine == line ? max(1, endColumn - column) : max(1, text.count - column + 1)
        // The window shown: the whole line when it fits, else maxEchoedColumns characters
        // starting a third of a window before the error.
        let start = text.count <= maxEchoedColumns ? 0
            : max(0, min(column - 1 - maxEchoedColumns / 3, text.count - maxEchoedColumns))
        let stop = min(text.count, start + maxEchoedColumns)
        let lead = start > 0 ? "…" : ""
        let shown = lead + visible(String(text[start..<stop])) + (stop < text.count ? "…" : "")
        let before = text[start..<min(max(start, column - 1), stop)]
        let padding = String(repeating: " ", count: lead.count) + String(before.map { $0 == "\t" ? "\t" : " " })
        let carets = max(1, min(width, stop - (column - 1)))
        return [
            gutter + paint.gutter(" --> ") + place(source, range.start),
            paint.gutter(" \(number) | ") + shown,
            paint.gutter(" \(gutter) | ") + padding + paint.carets(String(repeating: "^", count: carets)),
        ]
    }

    /// `text` with control characters shown as their Unicode pictures (ESC as ␛, NUL as ␀,
    /// DEL as ␡), one column each, so that echoing a file cannot move the cursor, clear the
    /// screen or change colours. Tabs stay (the caret line copies them).
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09: result.append(scalar)
            case 0x00..<0x20: result.append(Unicode.Scalar(0x2400 + scalar.value)!)
            case 0x7F: result.append("\u{2421}")
            case 0x80..<0xA0: result.append("\u{FFFD}")
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value != 0x09 && (scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value))
    }

    /// A message of at most `maxMessageLength` characters: a longer one keeps its start and
    /// its end (where "is not defined" or a suggestion is) around a count of what was cut.
    static func shortened(_ message: String) -> String {
        guard message.count > maxMessageLength else { return message }
        let head = message.prefix(maxMessageLength * 2 / 3)
        let tail = message.suffix(maxMessageLength / 4)
        return "\(head)…(\(message.count - head.count - tail.count) characters)…\(tail)"
    }
}
