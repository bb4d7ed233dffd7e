import Foundation
import LecternLanguage
import LecternRender
import Testing

/// Terminal text styles live in LecternRender; the language writes plain diagnostics and a
/// terminal module colours them.
@Suite("text styles")
struct TextStyleTests {
    func error(_ code: String) -> LanguageError? {
        let interpreter = Interpreter(limits: Limits()) { _ in }
        do { try interpreter.run(Source(name: "t", text: code)); return nil } catch { return error }
    }

    @Test("a diagnostic in a terminal: red label and carets, blue gutter; plain has no escape codes")
    func colouredDiagnostic() throws {
        let e = try #require(error("y = nope"))
        let plain = Diagnostic.render(e)
        #expect(!plain.contains("\u{1B}"))
        let coloured = Diagnostic.render(e, style: .terminal)
        #expect(coloured.hasPrefix("\u{1B}[1;31merror:\u{1B}[0m 'nope' is not defined"))
        #expect(coloured.contains("\u{1B}[34m 1 | \u{1B}[0my = nope"))
        #expect(coloured.contains("\u{1B}[1;31m^^^^\u{1B}[0m"))
        // Without the escape codes it is the plain text.
        let stripped = coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(stripped == plain)
        #expect(Diagnostic.render(e, style: .forTerminal(color: false)) == plain)
    }

    @Test("styles are plain when colour is off, and take no columns")
    func styles() {
        #expect(TextStyle.bold.apply("x", enabled: false) == "x")
        #expect(TextStyle.green.apply("ok") == "\u{1B}[32mok\u{1B}[0m")
        #expect(TextStyle.visibleCount(Substring(TextStyle.cyan.apply("abc") + "de")) == 5)
    }

    @Test("the engine and the language write no escape codes: colour belongs to the terminal modules")
    func noColourInTheCore() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        var offenders: [String] = []
        for module in ["TensorEngine", "LecternLanguage", "LecternCourse"] {
            let root = sources.appendingPathComponent(module)
            let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
            #expect(!files.isEmpty, "\(module) has no sources here")
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
                if text.contains("\\u{1B}[") || text.contains("\\u{001B}[") { offenders.append("\(module)/\(file)") }
            }
        }
        #expect(offenders.isEmpty, "escape codes in \(offenders)")
    }
}
