/// A grayscale image: `height` x `width` values, row by row.
public struct Image: Sendable, Equatable {
    public var height: Int, width: Int
    public var values: [Double]

    public init(height: Int, width: Int, values: [Double]) {
        precondition(values.count == height * width, "an image needs height x width values")
        self.height = height
        self.width = width
        self.values = values
    }

    subscript(row: Int, column: Int) -> Double { values[row * width + column] }

    /// The image at `height` x `width`: each new pixel the mean of the old pixels it covers
    /// (smaller), or the old pixel it falls in (larger), so that upscaled pixels stay sharp.
    func resampled(height newHeight: Int, width newWidth: Int) -> Image {
        var values: [Double] = []
        values.reserveCapacity(newHeight * newWidth)
        for row in 0..<newHeight {
            let rows = Self.span(row, newHeight, height)
            for column in 0..<newWidth {
                let columns = Self.span(column, newWidth, width)
                var sum = 0.0
                for r in rows { for c in columns { sum += self[r, c] } }
                values.append(sum / Double(rows.count * columns.count))
            }
        }
        return Image(height: newHeight, width: newWidth, values: values)
    }

    /// The old pixels under new pixel `index` of `newCount` over `oldCount` (at least one).
    private static func span(_ index: Int, _ newCount: Int, _ oldCount: Int) -> Range<Int> {
        let low = index * oldCount / newCount, high = ((index + 1) * oldCount + newCount - 1) / newCount
        return low..<max(high, low + 1)
    }
}

/// One image or a labelled grid of them (a filter bank, a stack of activation maps), all on one
/// value scale so that they can be compared; the scale is drawn beneath.
public struct ImagePlot: Sendable, Equatable {
    public var images: [Image]
    /// A label for each image of a grid (empty for a single image).
    public var labels: [String]
    public var title: String?
    /// The values at the two ends of the colour scale.
    public var scale: ClosedRange<Double>
    public var map: ColourMap

    /// The scale covers every value; signed values (some below zero, some above) get a
    /// diverging map centred on zero, others a gray one from the lowest to the highest.
    public init(images: [Image], labels: [String] = [], title: String? = nil) {
        self.images = images
        self.labels = labels
        self.title = title
        let all = images.flatMap(\.values).filter(\.isFinite)
        let low = all.min() ?? 0, high = all.max() ?? 1
        if low < 0 && high > 0 {
            let extent = max(-low, high)
            scale = -extent...extent
            map = .diverging
        } else {
            scale = low < high ? low...high : (low - 1)...(high + 1)
            map = .gray
        }
    }

    /// Where `value` is on the scale, 0...1 (NaN shows as the low end).
    func position(_ value: Double) -> Double {
        value.isFinite ? min(max(DotMap.fraction(value, scale), 0), 1) : 0
    }
}
