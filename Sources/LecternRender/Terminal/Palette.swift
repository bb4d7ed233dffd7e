/// The colours, markers and colour maps every figure uses, chosen once so the terminal and the
/// SVG agree.
enum Palette {
    /// One colour per series or class (Tableau 10): distinct for most colour-blind readers,
    /// visible on dark and light backgrounds.
    static let series: [RGB] = [
        RGB(78, 121, 167), RGB(242, 142, 43), RGB(89, 161, 79), RGB(225, 87, 89), RGB(176, 122, 161),
        RGB(237, 201, 72), RGB(118, 183, 178), RGB(255, 157, 167), RGB(156, 117, 95), RGB(186, 176, 172),
    ]

    /// The colour of series or class `index`.
    static func colour(_ index: Int) -> RGB { series[index % series.count] }

    /// The ASCII marker of series or class `index`, for plots without colour.
    static let markers: [Character] = ["*", "o", "+", "x", "#", "@", "%", "&", "=", "$"]
    static func marker(_ index: Int) -> Character { markers[index % markers.count] }

    /// The background of a decision region: the class colour darkened, so that points in the
    /// full colour stand out on it.
    static func region(_ index: Int) -> RGB { colour(index).mixed(with: RGB(0, 0, 0), 0.7) }
    /// A point drawn over a region: the class colour lightened.
    static func pointOverRegion(_ index: Int) -> RGB { colour(index).mixed(with: RGB(255, 255, 255), 0.35) }
    /// The same region in an SVG (white page): the class colour lightened.
    static func lightRegion(_ index: Int) -> RGB { colour(index).mixed(with: RGB(255, 255, 255), 0.7) }

    /// What fills a decision region on a canvas without colour, one character per class.
    static let regionFills: [Character] = [" ", ".", ":", "-", "~", "'", "`", ","]
    static func regionFill(_ index: Int) -> Character { regionFills[index % regionFills.count] }

    /// Shading from empty to full, for images without colour.
    static let shades: [Character] = [" ", "░", "▒", "▓", "█"]
    /// The same in ASCII, from light to dense.
    static let asciiRamp: [Character] = [" ", ".", ":", "-", "=", "+", "*", "#", "%", "@"]

    /// Signed values without colour: magnitude by density, sign by glyph family (blocks for
    /// positive, strokes for negative), blank near zero; the same in ASCII.
    static let positiveShades: [Character] = [" ", "░", "▒", "▓", "█"]
    static let negativeShades: [Character] = [" ", "·", "-", "=", "#"]
    static let asciiPositive: [Character] = [" ", ".", "+", "*", "@"]
    static let asciiNegative: [Character] = [" ", ",", "-", "=", "%"]

    /// The character for position t in 0...1 on a scale: a shade of the ramp from low to high,
    /// or on a signed (diverging) scale, with 0 at t = 0.5, a shade of the magnitude |2t - 1|
    /// from the positive or the negative family.
    static func glyph(_ t: Double, signed: Bool, ascii: Bool) -> Character {
        guard signed else { return shade(t, ascii ? asciiRamp : shades) }
        let magnitude = abs(2 * t - 1)
        if t >= 0.5 { return shade(magnitude, ascii ? asciiPositive : positiveShades) }
        return shade(magnitude, ascii ? asciiNegative : negativeShades)
    }

    /// The character of `ramp` for a value t in 0...1.
    static func shade(_ t: Double, _ ramp: [Character]) -> Character {
        ramp[min(max(Int((t * Double(ramp.count)).rounded(.down)), 0), ramp.count - 1)]
    }
}

/// How values become colours in an image.
public enum ColourMap: String, Sendable, Equatable {
    /// Black (low) to white (high).
    case gray
    /// Blue (negative) through a light gray (zero) to red (positive): for signed values such
    /// as weights, with zero in the middle of the scale.
    case diverging

    /// The colour for t in 0...1 (the position of the value on the scale).
    func colour(_ t: Double) -> RGB {
        switch self {
        case .gray:
            let level = UInt8((min(max(t, 0), 1) * 255).rounded())
            return RGB(level, level, level)
        case .diverging:
            let blue = RGB(59, 76, 192), middle = RGB(221, 221, 221), red = RGB(180, 4, 38)
            return t < 0.5 ? blue.mixed(with: middle, t * 2) : middle.mixed(with: red, (t - 0.5) * 2)
        }
    }
}
