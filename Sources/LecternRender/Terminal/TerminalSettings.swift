#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Which canvas draws a figure: braille dots, half or eighth blocks, or plain ASCII.
public enum CanvasKind: String, Sendable, Equatable, CaseIterable {
    /// 2 x 4 dots per cell (`⣿`): lines and scatter plots at eight times the cell resolution.
    case braille
    /// Half blocks (`▀`, two pixels per cell) for images; eighth blocks (`▁`...`█`) for bars.
    case blocks
    /// Plain ASCII, no escape codes: markers per series, `#` bars, a ` .:-=+*#%@` ramp.
    case ascii
}

/// What the terminal can show, as a value: width, height, colour, an image protocol and a
/// canvas forced for every figure (nil: each figure picks the canvas that suits it). Computed
/// from the environment in one place, `from(environment:isTerminal:columns:rows:)`; tests pass
/// explicit settings instead.
public struct TerminalSettings: Sendable, Equatable {
    /// Columns available; figures use all of them.
    public var width: Int
    /// Rows on the screen, so that one image fits without scrolling (nil: no limit, as in a
    /// pipe, where the text scrolls anyway).
    public var height: Int?
    public var colour: ColourMode
    /// A canvas for every figure (nil: automatic). A figure's own `canvas=` option wins.
    public var canvas: CanvasKind?
    /// How images are drawn as real pixels (`.none`: with characters).
    public var imageProtocol: ImageProtocol

    /// The width figures assume when the output is not a terminal.
    public static let defaultWidth = 80

    public init(width: Int = defaultWidth, height: Int? = nil, colour: ColourMode = .none, canvas: CanvasKind? = nil,
                imageProtocol: ImageProtocol = .none) {
        self.width = min(max(width, 24), 400)
        self.height = height.map { min(max($0, 8), 400) }
        self.colour = colour
        self.canvas = canvas
        self.imageProtocol = imageProtocol
    }

    /// The rules: colour only on a terminal, with `NO_COLOR` unset (any value, even empty,
    /// turns colour off) and `TERM` not `dumb`; 24-bit colour when `COLORTERM` is `truecolor`
    /// or `24bit`, else the 256-colour palette. The width is the terminal's (`columns`, so a
    /// resize is followed), else `COLUMNS`, else 80; the height the terminal's (`rows`), else
    /// `LINES`, else none (a pipe). A `dumb` terminal gets the ASCII canvas. The image
    /// protocol follows `ImageProtocol.detect`, only where there is colour.
    public static func from(environment: [String: String], isTerminal: Bool, columns: Int?, rows: Int? = nil) -> TerminalSettings {
        let term = environment["TERM"] ?? ""
        var colour = ColourMode.none
        if isTerminal && environment["NO_COLOR"] == nil && term != "dumb" {
            let colourTerm = (environment["COLORTERM"] ?? "").lowercased()
            colour = colourTerm == "truecolor" || colourTerm == "24bit" ? .trueColour : .palette256
        }
        func positive(_ n: Int?) -> Int? { n.flatMap { $0 > 0 ? $0 : nil } }
        func variable(_ name: String) -> Int? { positive(environment[name].flatMap { Int($0) }) }
        let width = (isTerminal ? positive(columns) : nil) ?? variable("COLUMNS") ?? defaultWidth
        let height = (isTerminal ? positive(rows) : nil) ?? variable("LINES")
        let graphics = colour == .none ? ImageProtocol.none : ImageProtocol.detect(environment)
        return TerminalSettings(width: width, height: height, colour: colour, canvas: term == "dumb" ? .ascii : nil,
                                imageProtocol: graphics)
    }

    /// The settings for standard output, read from this process's environment and terminal.
    public static func current() -> TerminalSettings {
        var environment: [String: String] = [:]
        for name in ["TERM", "NO_COLOR", "COLORTERM", "COLUMNS", "LINES"] + ImageProtocol.variables {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        let isTerminal = isatty(1) == 1
        let size = isTerminal ? terminalSize(1) : nil
        return from(environment: environment, isTerminal: isTerminal, columns: size?.columns, rows: size?.rows)
    }

    /// The columns and rows of the terminal on `descriptor` (TIOCGWINSZ), nil when it does not say.
    static func terminalSize(_ descriptor: Int32) -> (columns: Int, rows: Int?)? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return (Int(size.ws_col), size.ws_row > 0 ? Int(size.ws_row) : nil)
    }

    private static let override = Mutex<TerminalSettings?>(nil)

    /// The settings a figure renders with when it prints itself: those a host set, or else
    /// `current()` (asked again each time, so a resized terminal is followed).
    public static var inForce: TerminalSettings {
        get { override.withLock { $0 } ?? current() }
        set { override.withLock { $0 = newValue } }
    }

    /// Forgets settings a host set: figures follow the environment again.
    public static func followEnvironment() { override.withLock { $0 = nil } }
}
