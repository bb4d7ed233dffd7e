/// Whether a step printed what its output fence says. Lines are compared without trailing
/// spaces, and blank lines at the end do not count. With a tolerance, each line is split
/// into numbers and the text between them: the text must be equal, and each number within
/// |actual − expected| ≤ atol + rtol·|expected| (`nan` equals `nan`).
public enum OutputComparison {
    /// The first line that differs, 0-based, and both versions of it; nil when they agree.
    public static func firstDifference(expected: String, actual: String, tolerance: Tolerance?) -> (line: Int, expected: String?, actual: String?)? {
        let want = lines(expected), got = lines(actual)
        for index in 0..<max(want.count, got.count) {
            let a = index < want.count ? want[index] : nil, b = index < got.count ? got[index] : nil
            guard let a, let b, same(a, b, tolerance) else { return (index, a, b) }
        }
        return nil
    }

    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(String(line).reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    static func same(_ expected: String, _ actual: String, _ tolerance: Tolerance?) -> Bool {
        guard let tolerance else { return expected == actual }
        let want = NumberRuns.split(expected), got = NumberRuns.split(actual)
        guard want.count == got.count else { return false }
        for (a, b) in zip(want, got) {
            switch (a, b) {
            case let (.text(x), .text(y)) where x == y: continue
            case let (.number(x), .number(y)):
                if x.isNaN && y.isNaN { continue }
                if abs(y - x) <= tolerance.absolute + tolerance.relative * abs(x) || x == y { continue }
                return false
            default: return false
            }
        }
        return true
    }

    /// A readable diff for a mismatch: the lines of both, `-` for the expected and `+` for
    /// what the step printed, lines that agree kept as context.
    public static func diff(expected: String, actual: String, tolerance: Tolerance?) -> String {
        let want = lines(expected), got = lines(actual)
        var out: [String] = []
        for index in 0..<max(want.count, got.count) {
            let a = index < want.count ? want[index] : nil, b = index < got.count ? got[index] : nil
            if let a, let b, same(a, b, tolerance) {
                out.append("    " + b)
                continue
            }
            if let a { out.append("  - " + a) }
            if let b { out.append("  + " + b) }
        }
        return out.joined(separator: "\n")
    }
}

/// A line as numbers and the text between them: `loss 0.25, acc 1e-3` is
/// `text("loss "), number(0.25), text(", acc "), number(0.001)`.
enum NumberRuns: Equatable {
    case text(String)
    case number(Double)

    static func split(_ line: String) -> [NumberRuns] {
        var runs: [NumberRuns] = []
        var text = ""
        let chars = Array(line)
        var index = 0
        while index < chars.count {
            if let (value, length) = number(chars, index), index == 0 || !isWordChar(chars[index - 1]) {
                if !text.isEmpty { runs.append(.text(text)) }
                text = ""
                runs.append(.number(value))
                index += length
            } else {
                text.append(chars[index])
                index += 1
            }
        }
        if !text.isEmpty { runs.append(.text(text)) }
        return runs
    }

    private static func isWordChar(_ char: Character) -> Bool { char.isLetter || char == "_" }

    /// A number starting at `start` (optional minus, digits, fraction, exponent), with its length.
    private static func number(_ chars: [Character], _ start: Int) -> (Double, Int)? {
        var end = start
        if end < chars.count, chars[end] == "-" { end += 1 }
        let digitsStart = end
        while end < chars.count, chars[end].isASCII, chars[end].isNumber { end += 1 }
        if end < chars.count, chars[end] == ".", end + 1 < chars.count, chars[end + 1].isNumber {
            end += 1
            while end < chars.count, chars[end].isASCII, chars[end].isNumber { end += 1 }
        }
        guard end > digitsStart else { return nil }
        if end < chars.count, chars[end] == "e" || chars[end] == "E" {
            var exponent = end + 1
            if exponent < chars.count, chars[exponent] == "-" || chars[exponent] == "+" { exponent += 1 }
            let exponentDigits = exponent
            while exponent < chars.count, chars[exponent].isASCII, chars[exponent].isNumber { exponent += 1 }
            if exponent > exponentDigits { end = exponent }
        }
        guard let value = Double(String(chars[start..<end])) else { return nil }
        return (value, end - start)
    }
}
