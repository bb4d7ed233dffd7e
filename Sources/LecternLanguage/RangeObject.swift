import TensorEngine

/// `range(start, stop, step)`: the numbers start, start + step, ... before stop, produced one
/// at a time as a loop asks for them (so `range(10**9)` costs nothing until it runs). Indexing
/// computes the item, and a slice of a range is a range, as in Python.
public final class RangeObject: LanguageObject {
    /// The most items a range may have: counts and indices stay exact below 2^53.
    static let maxCount = 1e15

    public let start: Double, stop: Double, step: Double
    public let count: Int

    /// A range with its count worked out by the caller (`items` checks it).
    init(start: Double, stop: Double, step: Double, count: Int) {
        self.start = start
        self.stop = stop
        self.step = step
        self.count = count
    }

    /// How many items `range(start, stop, step)` has, or an error saying why it cannot be made.
    static func items(start: Double, stop: Double, step: Double, _ range: SourceRange) throws(LanguageError) -> Int {
        let count = ((stop - start) / step).rounded(.up)
        guard count <= maxCount else {
            throw .runtime("range: \(formatNumber(count)) numbers are too many (at most 10^15)", range)
        }
        return Int(Swift.max(0, count))
    }

    func value(at index: Int) -> Double { start + Double(index) * step }

    /// Every item, in order (for a builtin that takes numbers: `plot(range(1, 41), losses)`);
    /// nil when there are more than `limit`.
    public func values(limit: Int) -> [Double]? { count <= limit ? (0..<count).map(value(at:)) : nil }

    /// `r[i]` (negative counts from the end) or `r[a:b:c]` (another range).
    func subscriptValue(_ index: IndexValue, _ range: SourceRange) throws(LanguageError) -> Value {
        switch index {
        case let .at(i, at):
            let position = i < 0 ? i + count : i
            guard position >= 0 && position < count else {
                throw .indexOutOfRange(i, count: count, of: "range", unit: "number", at)
            }
            return .number(value(at: position))
        case let .slice(first, last, by, at):
            let (offset, stride, length) = try sliceIndices(count: count, start: first, stop: last, step: by, at)
            let newStart = value(at: offset), newStep = step * Double(stride)
            return .object(RangeObject(start: newStart, stop: newStart + Double(length) * newStep, step: newStep, count: length))
        case .newAxis:
            throw .runtime("none is not an index for a range", range)
        case let .array(_, at):
            throw .runtime("a range takes a number or a slice as its index, not a tensor or a list", at)
        }
    }

    public var typeName: String { "range" }
    public var attributeNames: [String] { ["length"] }
    public func attribute(_ name: String) -> Value? { name == "length" ? .number(Double(count)) : nil }

    public var description: String {
        step == 1 ? "range(\(formatNumber(start)), \(formatNumber(stop)))"
            : "range(\(formatNumber(start)), \(formatNumber(stop)), \(formatNumber(step)))"
    }
}

/// Python's rules for `items[start:stop:step]` over `count` items: the first position, the
/// stride and how many items the slice has (bounds past either end are clipped).
func sliceIndices(count: Int, start: Int?, stop: Int?, step: Int?, _ range: SourceRange)
    throws(LanguageError) -> (start: Int, step: Int, count: Int) {
    let step = step ?? 1
    guard step != 0 else { throw LanguageError.wrapping(TensorError.zeroStep, range) }
    let (lower, upper) = step > 0 ? (0, count) : (-1, count - 1)
    func clip(_ bound: Int?, _ fallback: Int) -> Int {
        guard let bound else { return fallback }
        if bound < 0 { return Swift.max(bound + count, lower) }
        return Swift.min(bound, upper)
    }
    let first = clip(start, step > 0 ? lower : upper), last = clip(stop, step > 0 ? upper : lower)
    let length = step > 0 ? (last > first ? (last - first - 1) / step + 1 : 0)
        : (first > last ? (first - last - 1) / -step + 1 : 0)
    return (first, step, length)
}
