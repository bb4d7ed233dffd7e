import TensorEngine

/// A number as a student expects to read it: `3` for whole numbers, otherwise the shortest
/// form that reads back exactly (`0.1`, `2.5e-07`); `nan`, `inf`, `-inf`.
public func formatNumber(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    if x == x.rounded() && Swift.abs(x) < 1e16 { return String(Int(x)) }
    return "\(x)"
}

extension Value {
    /// The text `print` writes: strings without quotes, tensors in NumPy's form.
    public var text: String { text(TensorPrintOptions()) }

    /// `text` with tensors printed by `options` (the session's `precision`, say).
    public func text(_ options: TensorPrintOptions) -> String {
        switch self {
        case let .string(s): s
        default: display(options)
        }
    }

    /// The text a REPL shows for a value: like `text`, but strings are quoted so that
    /// `"3"` and `3` look different.
    public var display: String { display(TensorPrintOptions()) }

    /// `display` with tensors printed by `options`. Numbers (and rank-0 tensors) always show
    /// their shortest round-trip digits, as NumPy prints a float64 scalar.
    public func display(_ options: TensorPrintOptions) -> String {
        switch self {
        case .none: return "none"
        case let .bool(b): return b ? "true" : "false"
        case let .number(x): return formatNumber(x)
        case let .string(s): return quoted(s)
        case let .tensor(t): return t.rank == 0 ? formatNumber(t.scalars[0]) : t.description(options: options)
        case let .list(items): return "[" + items.map { $0.display(options) }.joined(separator: ", ") + "]"
        case let .record(record):
            return record.typeName + "(" + record.fields.map { "\($0.name)=\($0.value.display(options))" }.joined(separator: ", ") + ")"
        case let .function(f):
            switch f.body {
            case let .builtin(builtin): return "<builtin \(builtin.signature)>"
            case let .user(literal, _, _):
                return "<function \(f.name)(\(literal.parameters.map(\.name.text).joined(separator: ", ")))>"
            }
        case let .object(object): return object.description
        }
    }
}

/// A string as it is written in a program: in double quotes, with `\`, `"`, newlines and tabs
/// escaped, so that `"a\nb"` shows as one line.
func quoted(_ s: String) -> String {
    var result = "\""
    for character in s {
        switch character {
        case "\\": result += "\\\\"
        case "\"": result += "\\\""
        case "\n": result += "\\n"
        case "\t": result += "\\t"
        default: result.append(character)
        }
    }
    return result + "\""
}

extension String {
    /// Every occurrence of `target` replaced (without Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = "", rest = self[...]
        while let found = rest.firstRange(of: target) {
            result += rest[..<found.lowerBound] + replacement
            rest = rest[found.upperBound...]
        }
        return result + rest
    }
}

extension Value {
    /// The type's name with its article, for messages: "a tensor", "an epoch", "none".
    public var aTypeName: String { withArticle(typeName) }
}

/// "a tensor", "an epoch", "an SGD" (letters said with a vowel sound), "none".
func withArticle(_ noun: String) -> String {
    guard noun != "none", let first = noun.first else { return noun }
    let isAcronym = noun.count > 1 && noun.allSatisfy { $0.isUppercase || $0.isNumber }
    let vowelSound = isAcronym ? "AEFHILMNORSX".contains(first) : "aeiouAEIOU".contains(first)
    return (vowelSound ? "an " : "a ") + noun
}
