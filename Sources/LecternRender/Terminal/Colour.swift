/// A colour as red, green and blue in 0...255.
public struct RGB: Sendable, Equatable, Hashable {
    public var red: UInt8, green: UInt8, blue: UInt8

    public init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `#4e79a7`, as SVG writes it.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        return "#" + [red, green, blue].map { String(digits[Int($0 / 16)]) + String(digits[Int($0 % 16)]) }.joined()
    }

    /// The colour `t` of the way from `self` to `other` (t in 0...1).
    public func mixed(with other: RGB, _ t: Double) -> RGB {
        func channel(_ a: UInt8, _ b: UInt8) -> UInt8 {
            UInt8((Double(a) + (Double(b) - Double(a)) * min(max(t, 0), 1)).rounded())
        }
        return RGB(channel(red, other.red), channel(green, other.green), channel(blue, other.blue))
    }
}

/// How many colours the terminal shows.
public enum ColourMode: String, Sendable, Equatable, CaseIterable {
    /// No escape codes at all: plots rely on markers, dash patterns and shading characters.
    case none
    /// The xterm 256-colour palette (`ESC[38;5;Nm`): every colour rounds to the nearest entry.
    case palette256 = "256"
    /// 24-bit colour (`ESC[38;2;R;G;Bm`), when `COLORTERM` is `truecolor` or `24bit`.
    case trueColour = "24bit"

    /// The escape sequence that sets the foreground (or background) to `colour`.
    func escape(_ colour: RGB, background: Bool) -> String {
        let layer = background ? 48 : 38
        switch self {
        case .none: return ""
        case .palette256: return "\u{1B}[\(layer);5;\(Self.paletteIndex(colour))m"
        case .trueColour: return "\u{1B}[\(layer);2;\(colour.red);\(colour.green);\(colour.blue)m"
        }
    }

    static let reset = "\u{1B}[0m"

    /// The levels of each channel in the 6x6x6 colour cube (entries 16...231).
    private static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The nearest entry of the xterm palette: the colour cube or the gray ramp (232...255),
    /// whichever is closer in RGB distance.
    static func paletteIndex(_ colour: RGB) -> Int {
        let channels = [Int(colour.red), Int(colour.green), Int(colour.blue)]
        let cube = channels.map { c in cubeLevels.indices.min { abs(cubeLevels[$0] - c) < abs(cubeLevels[$1] - c) }! }
        let cubeColour = cube.map { cubeLevels[$0] }
        let mean = channels.reduce(0, +) / 3
        let grayStep = min(max((mean - 8 + 5) / 10, 0), 23)
        let gray = 8 + 10 * grayStep
        func distance(_ other: [Int]) -> Int { zip(channels, other).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } }
        if distance([gray, gray, gray]) < distance(cubeColour) { return 232 + grayStep }
        return 16 + 36 * cube[0] + 6 * cube[1] + cube[2]
    }
}
