/// How the elements of one tensor are written so that they line up in columns: NumPy's
/// `FloatingFormat` for float64 with its defaults (`floatmode="maxprec"`, `sign="-"`,
/// `suppress=False`), ported rule for rule from `numpy/_core/arrayprint.py`.
///
/// 1. Notation, from the finite nonzero magnitudes: scientific when the largest is ≥ 1e8,
///    the smallest < 1e-4, or largest / smallest > 1e3; positional otherwise.
/// 2. Each number gets its shortest round-trip digits, or, when those need more than
///    `precision` decimals (positional) or `precision` + 1 significant digits (scientific),
///    its exact value rounded to that many.
/// 3. Positional: integer parts are right-aligned and fractions left-aligned, so the points
///    line up; a whole number keeps its point (`2.`). Scientific: every mantissa shows as
///    many decimals as the longest one needed, every exponent as many digits as the longest
///    (at least 2): `[1.5e-05 1.0e+02]`.
/// 4. `nan`, `inf` and `-inf` are right-aligned in the same width.
struct ElementFormat {
    private var scientific = false
    /// Positional: the most decimals a number may show. Scientific: the decimals all show.
    private var precision: Int
    /// Characters before the decimal point (sign included), and after it.
    private var padLeft = 0, padRight = 0
    /// Digits of every exponent (scientific only).
    private var exponentDigits = 2

    /// The format for a tensor holding `values` (for a summarised tensor, the values shown).
    init(_ values: some Collection<Double>, precision: Int) {
        self.precision = max(precision, 0)
        let finite = values.filter(\.isFinite)
        let magnitudes = finite.lazy.filter { $0 != 0 }.map(\.magnitude)
        if let largest = magnitudes.max(), let smallest = magnitudes.min() {
            scientific = largest >= 1e8 || smallest < 1e-4 || largest / smallest > 1e3
        }
        if scientific {
            let parts = finite.map(scientificParts)
            exponentDigits = parts.map { max(2, String($0.exponent.magnitude).utf8.count) }.max() ?? 2
            self.precision = parts.map(\.fraction.utf8.count).max() ?? 0
            padLeft = parts.map(\.integer.utf8.count).max() ?? 0
            padRight = exponentDigits + 2 + self.precision
        } else {
            let parts = finite.map(positionalParts)
            padLeft = parts.map(\.integer.utf8.count).max() ?? 0
            padRight = parts.map(\.fraction.utf8.count).max() ?? 0
        }
        if finite.count != values.count {
            let minusInfinity = values.contains(-.infinity) ? 1 : 0
            padLeft = max(padLeft, 3 - (padRight + 1), 3 + minusInfinity - (padRight + 1))
        }
    }

    /// One element, padded to the common width.
    func callAsFunction(_ x: Double) -> String {
        guard x.isFinite else {
            let text = x.isNaN ? "nan" : x < 0 ? "-inf" : "inf"
            return String(repeating: " ", count: max(0, padLeft + padRight + 1 - text.utf8.count)) + text
        }
        if scientific {
            // NOTE: NumPy asks Dragon4 for `precision` decimals at least (`min_digits`), which
            // are more true digits of the value, not zeros: 5e-324 beside 1.5 prints as
            // 4.94065646e-324. So round every mantissa to exactly that many decimals.
            let digits = DecimalDigits.rounded(x, significant: precision + 1)
            let (integer, fraction, exponent) = digits.scientific
            let magnitude = String(exponent.magnitude)
            return padded(x.sign == .minus ? "-" + integer : integer, to: padLeft) + "." + fraction
                + String(repeating: "0", count: max(0, precision - fraction.utf8.count))
                + (exponent < 0 ? "e-" : "e+")
                + String(repeating: "0", count: max(0, exponentDigits - magnitude.utf8.count)) + magnitude
        }
        let (integer, fraction) = positionalParts(x)
        return padded(integer, to: padLeft) + "." + fraction
            + String(repeating: " ", count: max(0, padRight - fraction.utf8.count))
    }

    /// "-12", "5" for -12.5 (at most `precision` decimals, trailing zeros dropped).
    private func positionalParts(_ x: Double) -> (integer: String, fraction: String) {
        var digits = DecimalDigits.shortest(x)
        if digits.fractionCount > precision { digits = .rounded(x, decimals: precision) }
        let (integer, fraction) = digits.positional
        return (x.sign == .minus ? "-" + integer : integer, fraction)
    }

    /// "-1", "25", -5 for -1.25e-5 (at most `precision` + 1 significant digits).
    private func scientificParts(_ x: Double) -> (integer: String, fraction: String, exponent: Int) {
        var digits = DecimalDigits.shortest(x)
        if digits.digits.count > precision + 1 { digits = .rounded(x, significant: precision + 1) }
        let (integer, fraction, exponent) = digits.scientific
        return (x.sign == .minus ? "-" + integer : integer, fraction, exponent)
    }

    private func padded(_ text: String, to width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.utf8.count)) + text
    }

    /// A rank-0 tensor prints as NumPy prints `str(np.float64(x))`, which is Python's `repr`:
    /// shortest round-trip digits, positional for 1e-4 ≤ |x| < 1e16 (`1.5`, `100.0`, `-0.0`),
    /// scientific outside (`1e-05`, `1.5e+16`). `precision` does not apply, as in NumPy.
    /// (Swift's own `description` differs: it switches to scientific from 2^53 on.)
    static func scalar(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : x < 0 ? "-inf" : "inf" }
        let sign = x.sign == .minus ? "-" : "", digits = DecimalDigits.shortest(x)
        if x == 0 || (1e-4 <= x.magnitude && x.magnitude < 1e16) {
            let (integer, fraction) = digits.positional
            return sign + integer + "." + (fraction.isEmpty ? "0" : fraction)
        }
        let (integer, fraction, exponent) = digits.scientific
        let magnitude = String(exponent.magnitude)
        return sign + integer + (fraction.isEmpty ? "" : "." + fraction) + (exponent < 0 ? "e-" : "e+")
            + (magnitude.utf8.count < 2 ? "0" : "") + magnitude
    }
}
