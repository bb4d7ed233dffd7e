#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LecternLanguage

/// Tick marks with readable numbers: steps of 1, 2 or 5 times a power of ten (Heckbert's "nice
/// numbers"), labelled with as many decimals as the step needs and no more.
struct Ticks {
    /// The tick values, inside the range, increasing.
    let values: [Double]
    /// The label of each value.
    let labels: [String]

    /// About `count` ticks (at least two when the range allows) inside `low...high`; only
    /// whole numbers when `integers` (epochs, indices, counts).
    init(low: Double, high: Double, count: Int, integers: Bool = false) {
        guard high > low, low.isFinite, high.isFinite else {
            values = [low]
            labels = [Ticks.format(low, step: 1)]
            return
        }
        let rough = Ticks.niceStep((high - low) / Double(max(count, 1)))
        let step = integers ? Swift.max(rough, 1) : rough
        let first = (low / step).rounded(.up), last = (high / step).rounded(.down)
        var values: [Double] = []
        var k = first
        while k <= last && values.count < 100 {
            values.append(k * step == 0 ? 0 : k * step)
            k += 1
        }
        self.values = values
        labels = values.map { Ticks.format($0, step: step) }
    }

    /// Ticks of a logarithmic axis over `low...high` (both positive): the powers of ten inside
    /// it, with 2 and 5 times them when fewer than three powers fit.
    init(logLow low: Double, high: Double) {
        let lowPower = Int(log10(low).rounded(.down)), highPower = Int(log10(high).rounded(.up))
        let powers = (lowPower...max(highPower, lowPower)).map { pow(10, Double($0)) }
        var values = powers.filter { $0 >= low * 0.999_999 && $0 <= high * 1.000_001 }
        if values.count < 3 {
            values = powers.flatMap { [$0, 2 * $0, 5 * $0] }.filter { $0 >= low * 0.999_999 && $0 <= high * 1.000_001 }
        }
        self.values = values
        labels = values.map(Ticks.short)
    }

    /// 1, 2 or 5 times a power of ten, the nearest above `rough`.
    static func niceStep(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        let power = pow(10, log10(rough).rounded(.down))
        let fraction = rough / power
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power
    }

    /// `value` with the decimals a tick `step` needs: 0.25 steps give "0.25", 10 steps "20";
    /// very large or small values in scientific form ("1e+06", "2.5e-05").
    static func format(_ value: Double, step: Double) -> String {
        if value == 0 { return "0" }
        let magnitude = Swift.max(Swift.abs(value), step)
        if magnitude >= 1e6 || step < 1e-4 { return scientific(value) }
        let decimals = Swift.max(0, Int((-log10(step)).rounded(.up)))
        return fixed(value, decimals: decimals)
    }

    /// `value` rounded to `decimals` places, written out ("0.50", "-3").
    static func fixed(_ value: Double, decimals: Int) -> String {
        let scale = pow(10, Double(decimals))
        let scaled = (Swift.abs(value) * scale).rounded()
        let whole = (scaled / scale).rounded(.down)
        let fraction = Int(scaled - whole * scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(Int(whole)) }
        let digits = String(fraction)
        return sign + String(Int(whole)) + "." + String(repeating: "0", count: decimals - digits.count) + digits
    }

    /// Two significant digits and an exponent: "1.5e-05", "2e+06".
    static func scientific(_ value: Double) -> String {
        var exponent = Int(log10(Swift.abs(value)).rounded(.down))
        var mantissa = (value / pow(10, Double(exponent)) * 10).rounded() / 10
        if Swift.abs(mantissa) >= 10 { mantissa /= 10; exponent += 1 }
        let digits = exponent < 0 ? "-" + (-exponent < 10 ? "0" : "") + String(-exponent)
                                  : "+" + (exponent < 10 ? "0" : "") + String(exponent)
        return formatNumber(mantissa) + "e" + digits
    }

    /// A value as a short label: three significant digits at most ("0.213", "1520", "-0.05").
    static func short(_ value: Double) -> String {
        guard value != 0, value.isFinite else { return formatNumber(value) }
        let magnitude = Swift.abs(value)
        if magnitude >= 1e5 || magnitude < 1e-3 { return scientific(value) }
        let decimals = Swift.max(0, 2 - Int(log10(magnitude).rounded(.down)))
        var text = fixed(value, decimals: decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
