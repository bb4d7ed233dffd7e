/// The language's numbers are doubles; counts, sizes and indices are whole numbers among them.
///
/// A double holds every whole number exactly up to 2^53 (about 9·10^15); the language takes
/// whole numbers below 10^15, so that `Int(x)` is exact and an error can tell a number that is
/// not whole (`2.5`, `nan`) from one that is whole but far too large for any count (`1e300`).
enum WholeNumber {
    /// The bound on a whole number's magnitude: |x| < 10^15.
    static let limit = 1e15
    /// How the bound reads in messages.
    static let limitText = "10^15"

    /// Why `x` cannot be used as a whole number.
    enum Problem {
        /// Not a whole number at all: a fraction, or nan.
        case notWhole
        /// Whole (or infinite) but at least 10^15 in magnitude.
        case tooLarge
    }

    /// Nil when `x` is a usable whole number, else the reason it is not.
    static func problem(_ x: Double) -> Problem? {
        if x.isNaN || (x.isFinite && x != x.rounded()) { return .notWhole }
        return Swift.abs(x) < limit ? nil : .tooLarge
    }
}
