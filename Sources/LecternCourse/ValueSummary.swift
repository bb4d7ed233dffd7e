import LecternLanguage
import TensorEngine

// Shared by the REPL (what it prints after an entry) and the lesson runner (a step's output),
// so that a lesson's expected output is what the student sees.

/// How the REPL shows a value: `Value.display`, with long output summarised rather than
/// dumped. Tensors summarise themselves (NumPy's `...`); long lists show their first and
/// last items around `...` (a history of 1000 epochs stays readable); a record too wide for
/// the screen gets a line per field; and whatever is still huge is cut, with a note.
/// Figures and models are shown whole.
public enum ValueSummary {
    /// Lists longer than this show `edgeItems` at each end.
    static let listThreshold = 50
    static let edgeItems = 5
    /// The most lines and characters shown of one value.
    static let maxLines = 40
    static let maxCharacters = 4000

    /// - Parameter options: how tensors print (the session's `precision`).
    public static func text(_ value: Value, width: Int, options: TensorPrintOptions = TensorPrintOptions()) -> String {
        // Objects (figures, models) are drawn to fit the screen already: a tall filter grid
        // must not lose its bottom rows.
        if case .object = value { return value.display }
        return cut(summary(value, width: width, indent: "", options: options))
    }

    private static func summary(_ value: Value, width: Int, indent: String, options: TensorPrintOptions) -> String {
        switch value {
        case let .list(items):
            func show(_ part: ArraySlice<Value>) -> [String] { part.map { summary($0, width: width, indent: indent, options: options) } }
            guard items.count > listThreshold else { return "[" + show(items[...]).joined(separator: ", ") + "]" }
            return "[" + (show(items.prefix(edgeItems)) + ["..."] + show(items.suffix(edgeItems))).joined(separator: ", ") + "]"
        case let .record(record):
            let fields = record.fields.map { ($0.name, summary($0.value, width: width, indent: indent + "  ", options: options)) }
            let oneLine = record.typeName + "(" + fields.map { "\($0)=\($1)" }.joined(separator: ", ") + ")"
            guard oneLine.count + indent.count > width || oneLine.contains("\n") else { return oneLine }
            let lines = fields.map { indent + "  \($0)=\($1)," }
            return record.typeName + "(\n" + lines.joined(separator: "\n") + "\n" + indent + ")"
        default:
            return value.display(options)
        }
    }

    /// At most `maxLines` lines and `maxCharacters` characters, and a note of what was left out.
    private static func cut(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > maxLines || text.count > maxCharacters else { return text }
        var kept = lines.prefix(maxLines).joined(separator: "\n")
        if kept.count > maxCharacters { kept = String(kept.prefix(maxCharacters)) }
        let left = text.count - kept.count
        return kept + " ...\n(\(left) more characters not shown; print() shows everything)"
    }
}
