import LecternLanguage
import Testing
@testable import LecternRender

/// Every plot kind as text at 60 columns without colour, on the ASCII and braille canvases
/// (and blocks where it is the automatic choice), compared with the files in Golden/.
/// The inputs are fixed numbers or seeded generators, so the text is the same on every run.
@Suite("golden text of every plot kind")
struct GoldenTests {
    static let cases: [(name: String, code: String, canvases: [CanvasKind])] = [
        ("plot", "plot([[3, 2, 1.5, 1.2, 1, 0.9], [3.2, 2.5, 2.2, 2.1, 2.15, 2.3]], legend=[\"train\", \"val\"], "
            + "title=\"loss\", xlabel=\"epoch\")", [.ascii, .braille]),
        ("plot-logy", "plot([100, 10, 3, 1, 0.5, 0.2], logy=true, ylabel=\"loss\")", [.ascii, .braille]),
        ("scatter", "seed(3)\nscatter(blobs(45, centers=3), title=\"blobs\")", [.ascii, .braille]),
        ("boundary", "seed(3)\nboundary(fn(p) = p @ [[1, -1], [1, 1]], blobs(45, centers=3))", [.ascii, .braille, .blocks]),
        ("hist", "seed(0)\nhist(randn(500), title=\"randn\")", [.ascii, .braille, .blocks]),
        ("hist-bins", "hist([1, 2, 2, 3, 3, 3, 4, 4, 5], bins=5)", [.ascii, .blocks]),
        ("hist_grid", "seed(0)\nhist_grid([randn(300), randn(300) * 0.5, randn(300) * 0.1], titles=[\"a\", \"b\", \"c\"])",
            [.ascii, .braille, .blocks]),
        ("imshow-digit", "imshow(digits().x[0, 0])", [.ascii, .braille, .blocks]),
        ("imshow-filters", "seed(0)\nimshow(randn(4, 1, 3, 3), title=\"filters\")", [.ascii, .braille, .blocks]),
        ("bar", "bar([0.7, 0.2, -0.1], [\"cat\", \"dog\", \"ship\"], title=\"scores\")", [.ascii, .braille, .blocks]),
    ]

    @Test("each kind on each canvas matches its golden file", arguments: cases.indices)
    func golden(_ index: Int) throws {
        let (name, code, canvases) = Self.cases[index]
        let figure = try Support.figure(code)
        for canvas in canvases {
            try Support.expectGolden(figure.render(Support.plain(canvas)), "\(name).\(canvas.rawValue)")
        }
    }

    @Test("no line is wider than the settings' width", arguments: [40, 60, 100])
    func widthIsRespected(_ width: Int) throws {
        for (_, code, canvases) in Self.cases {
            let figure = try Support.figure(code)
            for canvas in canvases {
                for line in figure.render(Support.plain(canvas, width: width)).split(separator: "\n") {
                    #expect(line.count <= width, "\(code) on \(canvas) at \(width): \(line.count) columns")
                }
            }
        }
    }
}
