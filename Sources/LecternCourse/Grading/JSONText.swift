/// A JSON value whose objects keep their keys in the order given, written the same way every
/// time: two-space indentation, one key a line, numbers as `Points.text` writes them. The
/// gradebooks are compared byte for byte across runs, so nothing here depends on a hash order.
enum JSONText {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONText])
    case object([(String, JSONText)])

    /// A string, or `null` for nil.
    static func optional(_ text: String?) -> JSONText { text.map(JSONText.string) ?? .null }

    /// The value as text, ending with a newline.
    var text: String {
        var out = ""
        write(to: &out, indent: "")
        return out + "\n"
    }

    private func write(to out: inout String, indent: String) {
        let inner = indent + "  "
        switch self {
        case .null: out += "null"
        case let .bool(value): out += value ? "true" : "false"
        case let .number(value): out += Points.text(value)
        case let .string(value): out += JSONText.quote(value)
        case let .array(items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += inner
                item.write(to: &out, indent: inner)
                out += i == items.count - 1 ? "\n" : ",\n"
            }
            out += indent + "]"
        case let .object(fields):
            if fields.isEmpty { out += "{}"; return }
            out += "{\n"
            for (i, (key, value)) in fields.enumerated() {
                out += inner + JSONText.quote(key) + ": "
                value.write(to: &out, indent: inner)
                out += i == fields.count - 1 ? "\n" : ",\n"
            }
            out += indent + "}"
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped (RFC 8259).
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// Points as a gradebook writes them: whole numbers without a decimal point (`3`), others in
/// the shortest form that reads back the same (`0.5`, `2.25`).
public enum Points {
    public static func text(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}
