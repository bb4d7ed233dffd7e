import Foundation
import LecternLanguage
import Testing
@testable import LecternRender

/// Helpers of the render tests: running picture code in a session, and comparing text with
/// golden files.
enum Support {
    /// A session with the picture builtins (and the given capabilities), its output collected.
    /// `.writeFiles` lets it write anywhere (under "/"): the tests save into temporary folders.
    static func session(_ capabilities: Capabilities = []) -> Interpreter {
        var access = FileAccess.none
        if capabilities.contains(.writeFiles) { try? access.grant(.write, under: "/") }
        return Interpreter(limits: Limits(maxSeconds: 60), capabilities: capabilities, fileAccess: access,
                           extraBuiltins: Pictures.builtins, output: { _ in })
    }

    /// The figure the last line of `code` gives.
    static func figure(_ code: String, in interpreter: Interpreter = session()) throws -> Figure {
        let value = try interpreter.run(Source(name: "test", text: code))
        guard case let .object(figure as Figure)? = value else {
            throw TestFailure("'\(code)' gave \(value.map(\.typeName) ?? "nothing"), not a figure")
        }
        return figure
    }

    /// The message of the error `code` raises (nil when it runs).
    static func errorMessage(_ code: String, in interpreter: Interpreter = session()) -> String? {
        do {
            try interpreter.run(Source(name: "test", text: code))
            return nil
        } catch {
            return error.message
        }
    }

    /// Settings for golden text: fixed width, no colour, no environment.
    static func plain(_ canvas: CanvasKind, width: Int = 60) -> TerminalSettings {
        TerminalSettings(width: width, colour: .none, canvas: canvas)
    }

    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    /// Compares `text` with the golden file `name`; with LECTERN_UPDATE_GOLDEN=1 in the
    /// environment, writes it instead (review the change by eye before committing it).
    static func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = goldenFolder.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["LECTERN_UPDATE_GOLDEN"] == "1" {
            try (text + "\n").write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(name).txt: run the tests with LECTERN_UPDATE_GOLDEN=1 and review it\n\(text)",
                         sourceLocation: sourceLocation)
            return
        }
        let difference = diff(expected: String(expected.dropLast()), actual: text)
        #expect(difference == nil, "\(name): \(difference ?? "")", sourceLocation: sourceLocation)
    }

    /// The lines that differ, numbered, or nil when the texts are equal.
    static func diff(expected: String, actual: String) -> String? {
        guard expected != actual else { return nil }
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var lines = ["lines differ (- expected, + actual):"]
        for index in 0..<max(e.count, a.count) where index >= e.count || index >= a.count || e[index] != a[index] {
            if index < e.count { lines.append("\(index + 1) - |\(e[index])|") }
            if index < a.count { lines.append("\(index + 1) + |\(a[index])|") }
        }
        return lines.joined(separator: "\n")
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
