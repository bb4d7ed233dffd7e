import Testing
@testable import LecternRender

/// What each colour mode writes: no escape codes without colour, 24-bit or palette codes with.
@Suite("colour in the terminal")
struct ColourTests {
    static let escape: Character = "\u{1B}"

    @Test("without colour there is no escape code; with colour, codes of the mode, each line reset")
    func modes() throws {
        let figure = try Support.figure("plot([[1, 3, 2], [2, 1, 3]])")
        let plain = figure.render(TerminalSettings(width: 60, colour: .none))
        #expect(!plain.contains(Self.escape))
        let full = figure.render(TerminalSettings(width: 60, colour: .trueColour))
        #expect(full.contains("\u{1B}[38;2;78;121;167m") && full.contains("\u{1B}[38;2;242;142;43m"))
        let palette = figure.render(TerminalSettings(width: 60, colour: .palette256))
        #expect(palette.contains("\u{1B}[38;5;") && !palette.contains("\u{1B}[38;2;"))
        // No colour is left on at the end of a line: its last escape code is the reset.
        for line in full.split(separator: "\n") where line.contains(Self.escape) {
            let last = line[line.lastIndex(of: Self.escape)!...].prefix { $0 != "m" } + "m"
            #expect(last == ColourMode.reset)
        }
    }

    @Test("the ASCII canvas never writes colour")
    func asciiIsPlain() throws {
        let figure = try Support.figure("scatter(spiral(20), canvas=\"ascii\")")
        #expect(!figure.render(TerminalSettings(width: 60, colour: .trueColour)).contains(Self.escape))
    }

    @Test("half blocks carry two pixels: upper as foreground, lower as background")
    func halfBlocks() throws {
        let plot = ImagePlot(images: [Image(height: 2, width: 2, values: [0, 1, 1, 0])])
        let grid = plot.cells(plot.images[0], plot.scales[0], canvas: Canvas(kind: .blocks, colour: .trueColour))
        #expect(grid.height == 1 && grid.width == 2)
        #expect(grid[0, 0] == Cell("▀", foreground: RGB(0, 0, 0), background: RGB(255, 255, 255)))
        #expect(grid[0, 1] == Cell("▀", foreground: RGB(255, 255, 255), background: RGB(0, 0, 0)))
        #expect(grid.render(.trueColour).hasPrefix("\u{1B}[38;2;0;0;0m\u{1B}[48;2;255;255;255m▀"))
    }

    @Test("decision regions are backgrounds that reach the end of the line (not trimmed)")
    func regionsAreKept() throws {
        let figure = try Support.figure("boundary(fn(p) = p, [[0, 0], [1, 1]], [0, 1])")
        let lines = figure.render(TerminalSettings(width: 50, colour: .trueColour)).split(separator: "\n")
        let plotRows = lines.filter { $0.contains("\u{1B}[48;2;") }
        #expect(plotRows.count > 5)
        for row in plotRows { #expect(Self.visible(row).count == 50, "\(Self.visible(row))") }
    }

    /// The characters of a line without its escape codes.
    static func visible(_ line: Substring) -> String {
        var result = "", inEscape = false
        for character in line {
            if character == escape { inEscape = true; continue }
            if inEscape { if character == "m" { inEscape = false }; continue }
            result.append(character)
        }
        return result
    }

    @Test("the 256-colour palette: the cube for colours, the gray ramp for grays")
    func paletteIndex() {
        #expect(ColourMode.paletteIndex(RGB(255, 0, 0)) == 196)
        #expect(ColourMode.paletteIndex(RGB(0, 0, 0)) == 16)
        #expect(ColourMode.paletteIndex(RGB(128, 128, 128)) == 244)
        #expect(ColourMode.paletteIndex(RGB(95, 135, 175)) == 67)
    }
}
