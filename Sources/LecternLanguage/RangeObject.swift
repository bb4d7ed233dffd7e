/// `range(start, stop, step)`: the numbers start, start + step, ... before stop, produced one
/// at a time as a loop asks for them (so `range(10**9)` costs nothing until it runs).
public final class RangeObject: LanguageObject {
    public let start: Double, stop: Double, step: Double
    public let count: Int

    init(start: Double, stop: Double, step: Double) {
        self.start = start
        self.stop = stop
        self.step = step
        self.count = max(0, Int(((stop - start) / step).rounded(.up)))
    }

    func value(at index: Int) -> Double { start + Double(index) * step }

    public var typeName: String { "range" }
    public var attributeNames: [String] { ["length"] }
    public func attribute(_ name: String) -> Value? { name == "length" ? .number(Double(count)) : nil }

    public var description: String {
        step == 1 ? "range(\(formatNumber(start)), \(formatNumber(stop)))"
            : "range(\(formatNumber(start)), \(formatNumber(stop)), \(formatNumber(step)))"
    }
}
