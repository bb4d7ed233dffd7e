#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The decimal digits of a finite, non-negative double, the raw material of tensor printing:
/// value = 0.d₁d₂…dₙ × 10^`point`, with no leading or trailing zeros (zero has no digits).
/// 1.25 is digits "125", point 1; 0.001 is "1", point -2; 1e+20 is "1", point 21.
///
/// Two ways to get them, matching NumPy's Dragon4 in its "unique" mode:
/// - `shortest`: the fewest digits that read back as the same double (Swift's own
///   `description` makes them; they are the digits of Python's `repr` and NumPy's `str`);
/// - `rounded`: the exact binary value rounded to a number of decimals, halfway cases to
///   even, by the C library's `printf`, which is exact on glibc, musl and Darwin.
struct DecimalDigits: Equatable {
    /// ASCII digits.
    var digits: [UInt8]
    /// How many digits come before the decimal point (may be negative, or exceed the count).
    var point: Int

    /// Digits after the decimal point, in positional notation.
    var fractionCount: Int { max(0, digits.count - point) }

    /// The shortest digits that round-trip: 0.1 gives "1" (not 0.1000000000000000055…).
    static func shortest(_ x: Double) -> DecimalDigits {
        parse(x.magnitude.description)
    }

    /// |x| correctly rounded to `decimals` digits after the point (`printf("%.*f")`).
    static func rounded(_ x: Double, decimals: Int) -> DecimalDigits {
        parse(cFormat("%.*f", max(decimals, 0), x.magnitude))
    }

    /// |x| correctly rounded to `count` significant digits (`printf("%.*e")`, count ≥ 1).
    static func rounded(_ x: Double, significant count: Int) -> DecimalDigits {
        parse(cFormat("%.*e", max(count - 1, 0), x.magnitude))
    }

    /// Reads "123.45", "0.001", "1e-05", "1.5e+20", "7." as digits and a point.
    static func parse(_ text: String) -> DecimalDigits {
        var digits: [UInt8] = [], point = 0, seenDot = false, exponent = 0
        var bytes = text.utf8[...]
        if let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            exponent = Int(Substring(text.utf8[text.utf8.index(after: e)...])) ?? 0
            bytes = bytes[..<e]
        }
        for byte in bytes {
            if byte == UInt8(ascii: ".") { seenDot = true; continue }
            if digits.isEmpty && byte == UInt8(ascii: "0") {
                if seenDot { point -= 1 }  // a leading zero after the point moves it left
                continue
            }
            digits.append(byte)
            if !seenDot { point += 1 }
        }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        return digits.isEmpty ? DecimalDigits(digits: [], point: 0) : DecimalDigits(digits: digits, point: point + exponent)
    }

}

extension DecimalDigits {
    /// Positional notation: integer part (at least "0") and fraction part (maybe empty).
    var positional: (integer: String, fraction: String) {
        let integer = point <= 0 ? [UInt8(ascii: "0")]
            : Array(digits.prefix(point)) + [UInt8](repeating: UInt8(ascii: "0"), count: max(0, point - digits.count))
        let fraction = point >= digits.count ? []
            : [UInt8](repeating: UInt8(ascii: "0"), count: max(0, -point)) + digits[max(point, 0)...]
        return (String(decoding: integer, as: UTF8.self), String(decoding: fraction, as: UTF8.self))
    }

    /// Scientific notation d.ddd × 10^exponent: the first digit, the rest, the exponent.
    /// Zero is "0", "", 0.
    var scientific: (integer: String, fraction: String, exponent: Int) {
        guard let first = digits.first else { return ("0", "", 0) }
        return (String(decoding: [first], as: UTF8.self), String(decoding: digits.dropFirst(), as: UTF8.self), point - 1)
    }
}

/// C's printf of one double with an `int` precision: `cFormat("%.*f", 3, x)` is `%.3f` of x
/// (the tensor printer and the language's `format` both round through it).
public func cFormat(_ format: String, _ precision: Int, _ x: Double) -> String {
    let capacity = precision + 330  // %f of the largest double has 309 integer digits
    let bytes = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
        let written = withVaList([Int32(clamping: precision), x]) { arguments in
            buffer.withMemoryRebound(to: CChar.self) { vsnprintf($0.baseAddress, capacity, format, arguments) }
        }
        initialized = Int(max(0, min(written, Int32(capacity - 1))))
    }
    return String(decoding: bytes, as: UTF8.self)
}
