#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TensorEngine

/// A subset of Python's format specification mini-language, as `format` reads it:
///
///     [[fill]align][sign][0][width][,][.precision][type]
///
/// - align: `<` left, `>` right, `^` centre, `=` sign first then padding; numbers align right
///   and strings left by default. fill: any one character before an align (default space);
///   a `0` before the width means fill `0` with `=`.
/// - sign: `-` only for negatives (default), `+` always, ` ` a space for positives.
/// - `,`: commas between thousands of the integer part.
/// - type: `f` fixed (`.3f` → 0.123), `e` scientific (`.2e` → 1.23e-04), `%` times 100 in
///   fixed with a percent sign (`.1%` → 12.3%), `g` general (precision significant digits,
///   trailing zeros dropped), `d` a whole number, `s` a string. No type: a number prints as
///   `print` prints it, or with a precision, as `g`. Precision defaults to 6 for f, e, %, g.
///   Rounding is of the exact binary value (C's printf, as Python): `format(2.675, ".2f")`
///   is 2.67 because 2.675 is stored as 2.67499999....
struct FormatSpec {
    var fill: Character = " "
    var align: Character?
    var sign: Character = "-"
    var width = 0
    var grouping = false
    var precision: Int?
    var type: Character?

    /// A problem with a spec: what was wrong, and the offset (in characters) where.
    struct Problem: Error {
        var message: String
        var offset: Int
    }

    /// Parses `spec` (the text after `:` in `{:...}`).
    init(_ spec: String) throws(Problem) {
        let chars = Array(spec)
        var i = 0
        if chars.count >= 2, "<>^=".contains(chars[1]) {
            (fill, align, i) = (chars[0], chars[1], 2)
        } else if let first = chars.first, "<>^=".contains(first) {
            (align, i) = (first, 1)
        }
        if i < chars.count, "+- ".contains(chars[i]) { (sign, i) = (chars[i], i + 1) }
        if i < chars.count, chars[i] == "0" {
            if align == nil { (fill, align) = ("0", "=") }
            i += 1
        }
        func digits() -> Int? {
            let start = i
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
            return i > start ? Int(String(chars[start..<i])).map { min($0, 1000) } ?? 1000 : nil
        }
        width = digits() ?? 0
        if i < chars.count, chars[i] == "," { (grouping, i) = (true, i + 1) }
        if i < chars.count, chars[i] == "." {
            i += 1
            guard let p = digits() else { throw Problem(message: "a '.' in a format spec needs a precision after it, as in .3f", offset: i - 1) }
            precision = p
        }
        if i < chars.count, "fe%gds".contains(chars[i]) { (type, i) = (chars[i], i + 1) }
        guard i == chars.count else {
            throw Problem(message: "'\(spec)' is not a format spec I know: '\(chars[i])' is unexpected here"
                          + " (write [[fill]align][sign][0][width][,][.precision][type], type one of f e % g d s; e.g. .3f, >8.2f, .1%)",
                          offset: i)
        }
        if type == "d", precision != nil { throw Problem(message: "a whole number ('d') takes no precision", offset: 0) }
    }

    /// A number formatted by the spec; nil when the spec is for strings (`s`).
    func number(_ x: Double) throws(Problem) -> String? {
        if type == "s" { return nil }
        if type == "d", x.isFinite, x != x.rounded() {
            throw Problem(message: "'d' formats a whole number, got \(formatNumber(x)); use .0f to round", offset: 0)
        }
        var body: String
        let p = precision ?? 6
        if !x.isFinite {
            body = x.isNaN ? "nan" : "inf"
            if type == "%" { body += "%" }
        } else {
            switch type {
            case "f": body = cFormat("%.*f", p, x.magnitude)
            case "e": body = cFormat("%.*e", p, x.magnitude)
            case "%": body = cFormat("%.*f", p, x.magnitude * 100) + "%"
            case "g": body = cFormat("%.*g", max(p, 1), x.magnitude)
            case "d": body = cFormat("%.*f", 0, x.magnitude)
            default: body = precision == nil ? formatNumber(x.magnitude) : cFormat("%.*g", max(p, 1), x.magnitude)
            }
        }
        if grouping { body = grouped(body) }
        let negative = x.sign == .minus && !x.isNaN
        let signText = negative ? "-" : sign == "+" ? "+" : sign == " " ? " " : ""
        return padded(signText, body, defaultAlign: ">")
    }

    /// A value's text padded to the width (left-aligned unless the spec says otherwise);
    /// `what` names the value for errors ("a list", "the string \"a\"").
    func string(_ s: String, what: String) throws(Problem) -> String {
        if let type, type != "s" { throw Problem(message: "'\(type)' formats a number, got \(what)", offset: 0) }
        if precision != nil { throw Problem(message: "a precision applies to numbers, not to \(what)", offset: 0) }
        if sign != "-" || grouping { throw Problem(message: "a sign or ',' applies to numbers, not to \(what)", offset: 0) }
        return padded("", s, defaultAlign: "<")
    }

    private func padded(_ sign: String, _ body: String, defaultAlign: Character) -> String {
        let gap = max(0, width - sign.count - body.count)
        let pad = { (n: Int) in String(repeating: fill, count: n) }
        switch align ?? defaultAlign {
        case "<": return sign + body + pad(gap)
        case "^": return pad(gap / 2) + sign + body + pad(gap - gap / 2)
        case "=": return sign + pad(gap) + body
        default: return pad(gap) + sign + body
        }
    }

    /// "1234567.5" → "1,234,567.5" (the digits before the point or exponent).
    private func grouped(_ text: String) -> String {
        let integer = text.prefix { $0.isNumber }
        guard integer.count > 3 else { return text }
        var result = ""
        for (index, digit) in integer.enumerated() {
            if index > 0 && (integer.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result + text.dropFirst(integer.count)
    }
}
