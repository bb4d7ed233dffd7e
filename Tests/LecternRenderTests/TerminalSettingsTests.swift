import Testing
@testable import LecternRender

/// The colour and width rules, from environment dictionaries: no real terminal involved.
@Suite("terminal settings from the environment")
struct TerminalSettingsTests {
    func settings(_ environment: [String: String], tty: Bool = true, columns: Int? = 120) -> TerminalSettings {
        TerminalSettings.from(environment: environment, isTerminal: tty, columns: columns)
    }

    @Test("a terminal gets the 256-colour palette, or 24-bit colour when COLORTERM says so")
    func colourOnATerminal() {
        #expect(settings(["TERM": "xterm-256color"]).colour == .palette256)
        #expect(settings(["TERM": "xterm-256color", "COLORTERM": "truecolor"]).colour == .trueColour)
        #expect(settings(["TERM": "xterm", "COLORTERM": "24bit"]).colour == .trueColour)
        #expect(settings(["TERM": "xterm", "COLORTERM": "TrueColor"]).colour == .trueColour)
        #expect(settings(["TERM": "xterm", "COLORTERM": "yes"]).colour == .palette256)
        #expect(settings([:]).colour == .palette256)
    }

    @Test("no colour when not a terminal, with NO_COLOR set (even empty), or on a dumb terminal")
    func noColour() {
        #expect(settings(["TERM": "xterm", "COLORTERM": "truecolor"], tty: false).colour == .none)
        #expect(settings(["TERM": "xterm", "NO_COLOR": "1"]).colour == .none)
        #expect(settings(["TERM": "xterm", "NO_COLOR": "", "COLORTERM": "truecolor"]).colour == .none)
        #expect(settings(["TERM": "dumb", "COLORTERM": "truecolor"]).colour == .none)
    }

    @Test("the width is the terminal's, 80 when not a terminal or when it does not say")
    func width() {
        #expect(settings([:], columns: 132).width == 132)
        #expect(settings([:], tty: false, columns: 132).width == 80)
        #expect(settings([:], columns: nil).width == 80)
        #expect(settings([:], columns: 0).width == 80)
    }

    @Test("a dumb terminal gets the ASCII canvas; others choose per figure")
    func canvas() {
        #expect(settings(["TERM": "dumb"]).canvas == .ascii)
        #expect(settings(["TERM": "xterm"]).canvas == nil)
    }

    @Test("the automatic canvas: braille for lines, ASCII markers for points without colour, blocks for images and bars")
    func automaticCanvas() throws {
        let colour = TerminalSettings(width: 80, colour: .trueColour), plain = TerminalSettings(width: 80, colour: .none)
        let line = try Support.figure("plot([1, 2])"), points = try Support.figure("scatter([[0, 0], [1, 1]])")
        let image = try Support.figure("imshow(eye(3))"), bars = try Support.figure("bar([1, 2])")
        #expect(line.canvasKind(for: plain) == .braille && line.canvasKind(for: colour) == .braille)
        #expect(points.canvasKind(for: plain) == .ascii && points.canvasKind(for: colour) == .braille)
        #expect(image.canvasKind(for: plain) == .blocks && bars.canvasKind(for: colour) == .blocks)
        let forced = try Support.figure("plot([1, 2], canvas=\"ascii\")")
        #expect(forced.canvasKind(for: TerminalSettings(canvas: .blocks)) == .ascii)
        #expect(line.canvasKind(for: TerminalSettings(canvas: .blocks)) == .blocks)
    }
}
