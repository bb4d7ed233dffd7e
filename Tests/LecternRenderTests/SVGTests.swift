import Foundation
import LecternLanguage
import Testing
@testable import LecternRender

/// `savefig`: SVG that parses as XML (`xmllint --noout`) and renders (`rsvg-convert`) to a
/// PNG of the size the SVG declares; only where the host grants file writing.
@Suite("SVG files")
struct SVGTests {
    static let figures = [
        "plot(fit(Sequential(Linear(2, 3)), spiral(30), epochs=4, val=spiral(10)), title=\"a < b & c\")",
        "plot([1, 10, 100], logy=true, xlabel=\"x\", ylabel=\"y\")",
        "scatter(spiral(20))",
        "boundary(Sequential(Linear(2, 3)), spiral(20), title=\"regions\")",
        "hist(randn(300), bins=12)",
        "hist_grid([randn(100), randn(100) * 0.5], titles=[\"one\", \"two\"], title=\"grid\")",
        "imshow(digits().x[5, 0])",
        "imshow(randn(6, 2, 3, 3))",
        "bar([3, -1, 2], [\"a\", \"b\", \"c\"])",
    ]

    /// A tool the test needs, or a failure that says how to install it.
    static func tool(_ name: String) throws -> String {
        for folder in ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"] where FileManager.default.isExecutableFile(atPath: folder + "/" + name) {
            return folder + "/" + name
        }
        throw TestFailure("\(name) is missing: run `make deps` (it installs librsvg2-bin and libxml2-utils)")
    }

    /// Runs a tool; throws with its error output when it fails.
    static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        guard process.terminationStatus == 0 else { throw TestFailure("\(tool) \(arguments.joined(separator: " ")): \(message)") }
    }

    /// The width and height in a PNG's header (IHDR, big-endian, at bytes 16 and 20).
    static func pngSize(_ url: URL) throws -> (Int, Int) {
        let bytes = [UInt8](try Data(contentsOf: url))
        guard bytes.count > 24, bytes[1...3] == [0x50, 0x4E, 0x47] else { throw TestFailure("\(url.path) is not a PNG") }
        func integer(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (integer(16), integer(20))
    }

    /// The width and height the <svg> element declares.
    static func declaredSize(_ svg: String) throws -> (Int, Int) {
        let tag = try #require(svg.range(of: "<svg ")).upperBound
        func attribute(_ name: String) throws -> Int {
            let start = try #require(svg.range(of: " \(name)=\"", range: tag..<svg.endIndex)).upperBound
            return try #require(Int(svg[start...].prefix { $0 != "\"" }))
        }
        return (try attribute("width"), try attribute("height"))
    }

    @Test("every kind saves as SVG that xmllint accepts and rsvg-convert renders at its declared size",
          arguments: figures.indices)
    func savesAndRenders(_ index: Int) throws {
        let (xmllint, rsvg) = (try Self.tool("xmllint"), try Self.tool("rsvg-convert"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-svg-\(getpid())-\(index)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let svgPath = folder.appendingPathComponent("figure.svg").path, pngURL = folder.appendingPathComponent("figure.png")
        let interpreter = Support.session([.writeFiles])
        try interpreter.run(Source(name: "test", text: "savefig(\(Self.figures[index]), \"\(svgPath)\")"))
        let svg = try String(contentsOfFile: svgPath, encoding: .utf8)
        try Self.run(xmllint, ["--noout", svgPath])
        try Self.run(rsvg, ["-o", pngURL.path, svgPath])
        let (width, height) = try Self.pngSize(pngURL)
        let declared = try Self.declaredSize(svg)
        #expect(width == declared.0 && height == declared.1)
        #expect(width >= 200 && height >= 100)
    }

    @Test("text in an SVG is escaped")
    func escaping() throws {
        let figure = try Support.figure("plot([1, 2], title=\"a < b & \\\"c\\\"\")")
        #expect(figure.svg().contains("a &lt; b &amp; &quot;c&quot;"))
    }

    @Test("without file access savefig refuses, and writes nothing")
    func refusedWithoutCapability() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-refused-\(getpid()).svg").path
        let message = Support.errorMessage("savefig(plot([1, 2]), \"\(path)\")")
        #expect(message?.contains("writing files is not allowed here") == true)
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("savefig's path must end in .svg, and a folder that does not exist is reported")
    func badPaths() {
        let interpreter = Support.session([.writeFiles])
        #expect(Support.errorMessage("savefig(plot([1, 2]), \"loss.png\")", in: interpreter)?.contains("must end in .svg") == true)
        let missing = Support.errorMessage("savefig(plot([1, 2]), \"/no/such/folder/x.svg\")", in: interpreter)
        #expect(missing?.contains("cannot write \"/no/such/folder/x.svg\": its directory does not exist") == true, "\(missing ?? "")")
        #expect(Support.errorMessage("savefig(3, \"x.svg\")", in: interpreter)?.contains("'fig' must be a figure") == true)
    }
}
