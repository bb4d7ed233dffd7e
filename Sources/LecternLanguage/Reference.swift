/// The reference of every builtin, generated from the registry (`lectern reference` prints it;
/// `docs/language.md` holds a copy that a test keeps equal to it).
public enum Reference {
    /// The reference as Markdown: one section per category, one entry per builtin with its
    /// signature, summary, shapes and an example.
    public static func markdown(_ all: [Builtin] = Builtins.all) -> String {
        var lines: [String] = []
        for category in Builtin.Category.allCases {
            let builtins = all.filter { $0.category == category }
            guard !builtins.isEmpty else { continue }
            lines.append("### \(category.rawValue)")
            lines.append("")
            for builtin in builtins {
                lines.append("- `\(builtin.signature)` — \(builtin.summary)")
                if let shapes = builtin.shapes { lines.append("  Shapes: \(shapes).") }
                lines.append("  Example: `\(builtin.example)`")
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// The help text for one builtin, as `:help NAME` shows it.
    public static func help(_ builtin: Builtin) -> String {
        var lines = [builtin.signature, "  " + builtin.summary]
        if let shapes = builtin.shapes { lines.append("  shapes:  " + shapes) }
        lines.append("  example: " + builtin.example)
        return lines.joined(separator: "\n")
    }
}
