import TensorEngine

/// A template of `format`, as Python's `str.format` reads one: text with fields `{}` (the next
/// value), `{0}` (value 0), `{:.3f}` or `{1:>8.2e}` (with a spec, see `FormatSpec`); `{{` and
/// `}}` stand for braces. `format("loss {:.4f} after {} epochs", 0.231549, 10)` gives
/// "loss 0.2315 after 10 epochs".
struct FormatTemplate {
    enum Piece {
        case text(String)
        /// The value's index (nil: the next one), its spec, and where the field is.
        case field(Int?, String, SourceRange)
    }

    var pieces: [Piece] = []
    /// Where the template is in the program, for errors.
    let range: SourceRange
    /// Whether `range` is a string literal with no escapes, so that a character's place in the
    /// template is a place in the program and an error can point at one field.
    private let isVerbatim: Bool
    private let characters: [Character]

    init(_ template: String, _ range: SourceRange, _ source: Source) throws(LanguageError) {
        self.range = range
        characters = Array(template)
        isVerbatim = range.end - range.start == template.utf8.count + 2 && range.end <= source.text.utf8.count
            && source.text(of: SourceRange(range.start + 1, range.end - 1)) == template
        var text = "", i = 0
        while i < characters.count {
            let c = characters[i]
            if (c == "{" || c == "}"), i + 1 < characters.count, characters[i + 1] == c {
                text.append(c)
                i += 2
                continue
            }
            if c == "}" { throw error("a '}' with no '{' before it (write }} for a brace)", i, i + 1) }
            guard c == "{" else { text.append(c); i += 1; continue }
            guard let close = characters[i...].firstIndex(of: "}") else {
                throw error("a '{' that is not closed by '}' (write {{ for a brace)", i, i + 1)
            }
            if !text.isEmpty { pieces.append(.text(text)); text = "" }
            let inside = String(characters[(i + 1)..<close])
            let (name, spec) = inside.firstIndex(of: ":").map { (String(inside[..<$0]), String(inside[inside.index(after: $0)...])) }
                ?? (inside, "")
            var index: Int? = nil
            if !name.isEmpty {
                guard name.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(name) else {
                    throw error("'{\(name)}' is not a field: write {} or {:spec} for the next value, {0} for the first;"
                                + " the values follow the template, as in format(\"{} {}\", a, b)", i, close + 1)
                }
                index = n
            }
            // Check the spec now, so that a mistake is found even with the wrong number of values.
            do { _ = try FormatSpec(spec) } catch {
                let at = i + 1 + name.count + 1 + error.offset
                throw self.error(error.message, at, at + 1)
            }
            pieces.append(.field(index, spec, place(i, close + 1)))
            i = close + 1
        }
        if !text.isEmpty { pieces.append(.text(text)) }
    }

    /// The template with its fields filled from `values`.
    func fill(_ values: [(value: Value, range: SourceRange)], _ options: TensorPrintOptions,
              _ callRange: SourceRange) throws(LanguageError) -> String {
        var result = "", next = 0, fields = 0
        for piece in pieces {
            switch piece {
            case let .text(text): result += text
            case let .field(index, spec, fieldRange):
                fields += 1
                let position = index ?? next
                if index == nil { next += 1 }
                guard position < values.count else {
                    let count = values.count == 1 ? "1 value was" : "\(values.count) values were"
                    throw .runtime("format: field \(fields) of the template wants value \(position + 1), but \(count) given", fieldRange)
                }
                result += try Self.field(values[position].value, spec, options, at: values[position].range)
            }
        }
        let indices = pieces.compactMap { if case let .field(index, _, _) = $0 { index } else { nil } }
        let needed = max(next, (indices.max() ?? -1) + 1)
        if values.count > needed {
            let uses = needed == 1 ? "1 value" : "\(needed) values"
            throw .runtime("format: \(values.count) values were given but the template uses \(uses)", values[needed].range)
        }
        return result
    }

    /// One value formatted by a spec: numbers (and one-element tensors) by the number rules,
    /// anything else as `print` writes it.
    static func field(_ value: Value, _ spec: String, _ options: TensorPrintOptions,
                      at range: SourceRange) throws(LanguageError) -> String {
        do {
            let parsed = try FormatSpec(spec)
            if case .number = value, let text = try parsed.number(value.tensorValue!.scalars[0]) { return text }
            if let t = value.tensorValue, t.count == 1, !spec.isEmpty, let text = try parsed.number(t.scalars[0]) { return text }
            if case let .string(s) = value { return try parsed.string(s, what: "the string \(quoted(s))") }
            let what = value.tensorValue.map { "a tensor of shape \($0.shape) (format its elements one at a time)" } ?? value.aTypeName
            return try parsed.string(value.text(options), what: what)
        } catch {
            throw .runtime("format: \(error.message)", range)
        }
    }

    private func place(_ start: Int, _ end: Int) -> SourceRange {
        guard isVerbatim else { return range }
        let offset = { (k: Int) in self.range.start + 1 + String(self.characters[0..<k]).utf8.count }
        return SourceRange(offset(start), offset(end))
    }

    private func error(_ message: String, _ start: Int, _ end: Int) -> LanguageError {
        .runtime("format: \(message)", place(start, end))
    }
}
