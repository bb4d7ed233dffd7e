extension Dataset {
    /// The names of the classes of `shapes`, in label order: label 0 is a square, and so on.
    public static let shapeNames = ["square", "circle", "cross", "line"]

    /// Small synthetic images for CNN demos: outlines of squares, rings, plus-shaped crosses and
    /// straight lines, at random positions and sizes, drawn in 1s on a background of 0s, plus
    /// optional Gaussian pixel noise. The label is the shape's index in `shapeNames`; image i
    /// shows shape i mod 4, so the classes are balanced and interleaved. For an S x S image:
    ///
    /// - square: the outline of an a x a box, a from ⌊S/4⌋+1 to ⌊3S/4⌋;
    /// - circle: the pixels within 0.5 of a circle of radius ρ, ρ from ⌊S/8⌋+1 to ⌊3S/8⌋;
    /// - cross: a horizontal and a vertical bar of 2h+1 pixels through one centre, h from
    ///   ⌊S/8⌋+1 to ⌊S/4⌋+1;
    /// - line: a segment of length L from S/2 to S−2 at an angle θ in [0, π).
    ///
    /// Each whole shape lies inside the image. Per image, the shape's size and position are
    /// drawn first, then S·S normals for the noise (always, so that the shapes of a seed are
    /// the same at every noise level); pixel = shape + noise · randn.
    /// - Returns: x (count, 1, S, S), y (count), `classes` 4.
    /// - Throws: `TensorError.argument` when count < 0, S < 8, or the noise is negative or
    ///   not finite.
    /// - Complexity: O(count · S²).
    public static func shapes(count: Int = 400, size: Int = 16, noise: Double = 0,
                              using rng: inout RandomGenerator) throws -> Dataset {
        try check(count >= 0, "shapes", "count", .negative(count))
        try check(size >= 8, "shapes", "size", .tooSmallToTellApart(minimum: 8, got: size))
        try checkNoise(noise, "shapes")
        _ = try Tensor.checkedCount([count, 1, size, size])
        var x: [Double] = [], y: [Double] = []
        x.reserveCapacity(count * size * size)
        for i in 0..<count {
            var canvas = ShapeCanvas(size: size)
            canvas.draw(shape: i % 4, using: &rng)
            x += canvas.pixels.map { $0 + noise * rng.normal() }
            y.append(Double(i % 4))
        }
        return Dataset(unchecked: Tensor(unchecked: [count, 1, size, size], scalars: x), y: Tensor(y), classes: 4)
    }
}

/// An S x S grayscale image, row-major, that shapes are drawn on in 1s.
struct ShapeCanvas {
    let size: Int
    private(set) var pixels: [Double]

    init(size: Int) {
        self.size = size
        pixels = [Double](repeating: 0, count: size * size)
    }

    /// Sets the pixel at (row, column) to 1; points outside the image are ignored.
    mutating func set(_ row: Int, _ column: Int) {
        guard row >= 0, row < size, column >= 0, column < size else { return }
        pixels[row * size + column] = 1
    }

    /// Draws shape `kind` (an index into `Dataset.shapeNames`) at a random position and size.
    mutating func draw(shape kind: Int, using rng: inout RandomGenerator) {
        switch kind {
        case 0: square(using: &rng)
        case 1: circle(using: &rng)
        case 2: cross(using: &rng)
        default: line(using: &rng)
        }
    }

    /// A uniform integer in `low...high`.
    private static func integer(_ low: Int, _ high: Int, _ rng: inout RandomGenerator) -> Int {
        low + rng.integer(below: high - low + 1)
    }

    private mutating func square(using rng: inout RandomGenerator) {
        let side = Self.integer(size / 4 + 1, 3 * size / 4, &rng)
        let top = Self.integer(0, size - side, &rng), left = Self.integer(0, size - side, &rng)
        for k in 0..<side {
            set(top + k, left)
            set(top + k, left + side - 1)
            set(top, left + k)
            set(top + side - 1, left + k)
        }
    }

    private mutating func circle(using rng: inout RandomGenerator) {
        let radius = Self.integer(size / 8 + 1, 3 * size / 8, &rng)
        let cy = Self.integer(radius, size - 1 - radius, &rng), cx = Self.integer(radius, size - 1 - radius, &rng)
        for row in (cy - radius)...(cy + radius) {
            for column in (cx - radius)...(cx + radius) {
                let (dy, dx) = (Double(row - cy), Double(column - cx))
                if Swift.abs((dy * dy + dx * dx).squareRoot() - Double(radius)) < 0.5 { set(row, column) }
            }
        }
    }

    private mutating func cross(using rng: inout RandomGenerator) {
        let arm = Self.integer(size / 8 + 1, size / 4 + 1, &rng)
        let cy = Self.integer(arm, size - 1 - arm, &rng), cx = Self.integer(arm, size - 1 - arm, &rng)
        for k in -arm...arm {
            set(cy + k, cx)
            set(cy, cx + k)
        }
    }

    /// A segment through a random centre, sampled every half pixel and rounded to pixels.
    private mutating func line(using rng: inout RandomGenerator) {
        let s = Double(size)
        let length = s / 2 + (s / 2 - 2) * rng.uniform()
        let angle = Double.pi * rng.uniform()
        let (ux, uy) = (CMath.cos(angle), CMath.sin(angle))
        // Half-extents along each axis; the centre keeps both ends inside [0, S - 1].
        let (ex, ey) = (Swift.abs(ux) * length / 2, Swift.abs(uy) * length / 2)
        let cx = ex + (s - 1 - 2 * ex) * rng.uniform(), cy = ey + (s - 1 - 2 * ey) * rng.uniform()
        let steps = Int((2 * length).rounded(.up))
        for k in 0...steps {
            let t = length * (Double(k) / Double(steps) - 0.5)
            set(Int((cy + t * uy).rounded()), Int((cx + t * ux).rounded()))
        }
    }
}
