import Testing
@testable import LecternRender

/// imshow at real terminal sizes (80 x 24 and 200 x 60), with and without colour: a
/// photograph, a Sobel edge map (signed, thin features) and a stack of 16 activation maps,
/// compared with the files in Golden/ (`imshow-NAME.COLSxROWS.COLOUR.txt`).
@Suite("golden text of imshow at terminal sizes")
struct ImshowGoldenTests {
    static let camera = "x = reshape(image(\"camera\") / 255, [1, 1, 128, 128])\n"
    static let cases: [(name: String, code: String)] = [
        ("camera", camera + "imshow(x[0, 0])"),
        ("sobel", camera + "imshow(conv2d(x, [[[[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]]])[0, 0], title=\"Sobel x\")"),
        ("stack", "seed(0)\n" + camera + "imshow(relu(conv2d(x, randn(16, 1, 4, 4), stride=4))[0])"),
    ]
    static let sizes = [(80, 24), (200, 60)]

    @Test("each case at each size, without colour and with the 256-colour palette", arguments: cases.indices)
    func golden(_ index: Int) throws {
        let (name, code) = Self.cases[index]
        let figure = try Support.figure(code)
        for (width, height) in Self.sizes {
            for colour in [ColourMode.none, .palette256] {
                let settings = TerminalSettings(width: width, height: height, colour: colour)
                try Support.expectGolden(figure.render(settings), "imshow-\(name).\(width)x\(height).\(colour.rawValue)")
            }
        }
    }

    @Test("the picture fits the terminal: no line wider, no more rows than it has", arguments: cases.indices)
    func fits(_ index: Int) throws {
        let figure = try Support.figure(Self.cases[index].code)
        for (width, height) in Self.sizes {
            let text = figure.render(TerminalSettings(width: width, height: height, colour: .none))
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.allSatisfy { $0.count <= width })
            if index < 2 { #expect(lines.count <= height, "\(Self.cases[index].name) at \(width)x\(height): \(lines.count) rows") }
        }
    }

    @Test("a 128x128 image at 128 columns and no height limit is one pixel per column, two per row")
    func fullSize() throws {
        let figure = try Support.figure(Self.camera + "imshow(x[0, 0])")
        let lines = figure.render(TerminalSettings(width: 128, colour: .trueColour)).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 64 + 3)
        guard case let .image(plot) = figure.content else { throw TestFailure("not an image") }
        let cells = plot.render(width: 128, canvas: Canvas(kind: .blocks, colour: .trueColour))
        #expect(cells.width == 128 && cells.height == 64 + 3)
    }

    @Test("a one-pixel edge survives shrinking 8 to 1 when signed; the mean keeps a photograph's gray")
    func pooling() {
        let edge = Image(height: 8, width: 8, values: (0..<64).map { $0 % 8 == 3 ? -4 : 0.1 })
        #expect(edge.resampled(height: 1, width: 1, pooling: .magnitude).values == [-4])
        let mean = edge.resampled(height: 1, width: 1).values[0]
        #expect(abs(mean - (-4 + 7 * 0.1) / 8) < 1e-12)
    }

    @Test("scale=\"shared\" puts every tile on one range; each tile's own range is printed by default")
    func scales() throws {
        let code = "imshow([[[0, 1], [2, 3]], [[0, 10], [20, 30]]]"
        guard case let .image(each) = try Support.figure(code + ")").content,
              case let .image(shared) = try Support.figure(code + ", scale=\"shared\")").content else {
            throw TestFailure("not images")
        }
        #expect(each.scales.map(\.range) == [0...3, 0...30] && shared.scales.map(\.range) == [0...30])
        let text = try Support.figure(code + ")").render(Support.plain(.blocks))
        #expect(text.contains("0..3") && text.contains("0..30") && text.contains("low"))
        #expect(Support.errorMessage(code + ", scale=\"both\")")?.contains("scale must be \"each\"") == true)
        #expect(Support.errorMessage(code + ", size=2)")?.contains("'size' must be at least 4") == true)
    }

    @Test("a map of one value (a dead ReLU map) is blank, its range that value alone")
    func constantMaps() throws {
        let figure = try Support.figure("imshow(stack([zeros(4, 4), eye(4), ones(4, 4)]))")
        guard case let .image(plot) = figure.content else { throw TestFailure("not an image") }
        #expect(plot.scales.map(\.range) == [0...0, 0...1, 1...1])
        #expect(plot.rangeLabel(0) == "0..0" && plot.rangeLabel(2) == "1..1")
        // Drawn at the low end of the scale: blank without colour, not a made-up mid-gray.
        #expect(plot.scales[0].position(0) == 0 && plot.scales[2].position(1) == 0)
        #expect(plot.scales[1].position(1) == 1)
    }

    @Test("16 maps all show, none blank, each on its own scale")
    func sixteenMaps() throws {
        let figure = try Support.figure(Self.cases[2].code)
        guard case let .image(plot) = figure.content else { throw TestFailure("not an image") }
        #expect(plot.images.count == 16 && plot.scales.count == 16)
        let text = figure.render(TerminalSettings(width: 80, height: 24, colour: .none))
        for label in 0..<16 { #expect(text.contains(plot.rangeLabel(label))) }
    }

    @Test("signed values without colour: blank at zero, blocks for positive, strokes for negative")
    func signedGlyphs() {
        #expect(Palette.glyph(0.5, signed: true, ascii: false) == " ")
        #expect(Palette.glyph(1, signed: true, ascii: false) == "█")
        #expect(Palette.glyph(0, signed: true, ascii: false) == "#")
        #expect(Palette.glyph(0.3, signed: true, ascii: false) == "-")
        #expect(Palette.glyph(0, signed: true, ascii: true) == "%" && Palette.glyph(1, signed: true, ascii: true) == "@")
        #expect(Palette.glyph(0, signed: false, ascii: false) == " ")
    }
}
