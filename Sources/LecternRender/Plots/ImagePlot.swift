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

    /// How pixels are pooled when an image shrinks.
    public enum Pooling: Sendable, Equatable {
        /// The mean: a photograph stays a photograph.
        case mean
        /// The largest value: a sparse map (after ReLU) keeps its few bright pixels.
        case max
        /// The value of largest magnitude, with its sign: a signed edge one pixel wide (a
        /// Sobel map) survives.
        case magnitude

        /// The pooling that suits `values` on `scale`: magnitude for signed values; max when at
        /// least a quarter of them are the lowest value (sparse, as after ReLU); else the mean.
        static func suited(_ values: [Double], _ scale: ImageScale) -> Pooling {
            if scale.map == .diverging { return .magnitude }
            let lowest = values.filter(\.isFinite).min() ?? 0
            return 4 * values.count { $0 == lowest } >= values.count ? .max : .mean
        }
    }

    /// The image at `height` x `width`. Larger: each new pixel the old pixel it falls in, so
    /// that upscaled pixels stay sharp. Smaller: each new pixel pools the old pixels it covers
    /// (`pooling`).
    func resampled(height newHeight: Int, width newWidth: Int, pooling: Pooling = .mean) -> Image {
        var values: [Double] = []
        values.reserveCapacity(newHeight * newWidth)
        for row in 0..<newHeight {
            let rows = Self.span(row, newHeight, height)
            for column in 0..<newWidth {
                let columns = Self.span(column, newWidth, width)
                var sum = 0.0, strongest = 0.0, largest = -Double.infinity
                for r in rows {
                    for c in columns {
                        let v = self[r, c]
                        sum += v
                        if !(abs(v) <= abs(strongest)) { strongest = v }
                        if !(v <= largest) { largest = v }
                    }
                }
                switch pooling {
                case .mean: values.append(sum / Double(rows.count * columns.count))
                case .max: values.append(largest)
                case .magnitude: values.append(strongest)
                }
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

/// The values at the two ends of a colour scale, and the map between them: signed values
/// (some below zero, some above) get a diverging map centred on zero, others a gray one from
/// the lowest to the highest. An image of one value (a ReLU map that is 0 everywhere) has a
/// range of that value alone, and draws at the low end: blank, not a made-up gray.
public struct ImageScale: Sendable, Equatable {
    public var range: ClosedRange<Double>
    public var map: ColourMap

    public init(covering values: [Double]) {
        let finite = values.filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 1
        if low < 0 && high > 0 {
            let extent = max(-low, high)
            range = -extent...extent
            map = .diverging
        } else {
            range = low...high
            map = .gray
        }
    }

    /// Where `value` is on the scale, 0...1 (NaN shows as the low end).
    func position(_ value: Double) -> Double {
        value.isFinite && range.lowerBound < range.upperBound ? min(max(DotMap.fraction(value, range), 0), 1) : 0
    }
}

/// One image or a labelled grid of them (a filter bank, a stack of activation maps). Each tile
/// of a grid gets its own scale (its range printed beneath it) unless `shared`, when all are on
/// one scale so that they can be compared; the scale is drawn beneath.
public struct ImagePlot: Sendable, Equatable {
    public var images: [Image]
    /// A label for each image of a grid (empty for a single image).
    public var labels: [String]
    public var title: String?
    /// One scale for every image (`shared`), or one per image.
    public var scales: [ImageScale]
    /// How each image shrinks (`Image.Pooling.suited`).
    public var poolings: [Image.Pooling]
    public var shared: Bool
    /// The width asked for, in columns, of the image or of each tile (nil: as large as fits).
    public var size: Int?

    public init(images: [Image], labels: [String] = [], title: String? = nil, shared: Bool = false, size: Int? = nil) {
        self.images = images
        self.labels = labels
        self.title = title
        let shared = shared || images.count == 1
        self.shared = shared
        self.size = size
        let scales = shared ? [ImageScale(covering: images.flatMap(\.values))] : images.map { ImageScale(covering: $0.values) }
        self.scales = scales
        poolings = images.indices.map { Image.Pooling.suited(images[$0].values, scales[shared ? 0 : $0]) }
    }

    /// The scale of image `index`.
    func scale(_ index: Int) -> ImageScale { scales[shared ? 0 : index] }
}
