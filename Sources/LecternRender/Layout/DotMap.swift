/// Where values land on a grid of `width` x `height` dots: the low end of a range at the first
/// dot, the high end at the last; y grows upwards (row 0 is the top).
struct DotMap {
    let xRange: ClosedRange<Double>, yRange: ClosedRange<Double>
    let width: Int, height: Int

    /// The position of `value` in `range`, 0 at the low end and 1 at the high end.
    static func fraction(_ value: Double, _ range: ClosedRange<Double>) -> Double {
        range.upperBound > range.lowerBound ? (value - range.lowerBound) / (range.upperBound - range.lowerBound) : 0.5
    }

    func x(_ value: Double) -> Int { Int((DotMap.fraction(value, xRange) * Double(width - 1)).rounded()) }
    func y(_ value: Double) -> Int { height - 1 - Int((DotMap.fraction(value, yRange) * Double(height - 1)).rounded()) }

    /// The value at the centre of dot column `column` (the inverse of `x`).
    func xValue(_ column: Double) -> Double {
        xRange.lowerBound + (xRange.upperBound - xRange.lowerBound) * column / Double(max(width - 1, 1))
    }

    /// The value at the centre of dot row `row` (the inverse of `y`).
    func yValue(_ row: Double) -> Double {
        yRange.lowerBound + (yRange.upperBound - yRange.lowerBound) * (Double(height - 1) - row) / Double(max(height - 1, 1))
    }
}

extension ClosedRange<Double> {
    /// The smallest range holding every finite value (a unit range around a single value,
    /// -1...1 when there is none), widened by `margin` of its length on each side.
    static func covering(_ values: [Double], margin: Double = 0) -> ClosedRange<Double> {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return -1...1 }
        if low == high {
            let half = low == 0 ? 1 : Swift.abs(low) * 0.1
            return (low - half)...(high + half)
        }
        let pad = (high - low) * margin
        return (low - pad)...(high + pad)
    }
}
