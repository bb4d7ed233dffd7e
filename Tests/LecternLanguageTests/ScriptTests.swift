import Foundation
import Testing
@testable import LecternLanguage

/// Script tests with inline expectations, in the manner of Crafting Interpreters' test suite.
///
/// Each `.lec` file under `Scripts/` holds cases separated by lines that are exactly `# ---`;
/// each case runs in a fresh interpreter. Within a case:
/// - `# expect: TEXT` after a statement: the next line the case prints must be TEXT;
/// - `# expect repeated: TEXT`: after the lines expected so far, the case prints TEXT one or
///   more times, and nothing else (an endless print stopped by the output limit);
/// - `# expect error: MESSAGE` on a line: the case must stop with an error there whose
///   message is MESSAGE; `# expect error 5: MESSAGE` also requires column 5; the kinds
///   `expect syntax error`, `expect limit` work the same way.
/// Everything printed must be expected, and every expectation met.
@Suite("script tests (Tests/LecternLanguageTests/Scripts)")
struct ScriptTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")

    static var cases: [ScriptCase] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".lec") }.sorted().flatMap { file in
            ScriptCase.parse(file: file, text: (try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)) ?? "")
        }
    }

    @Test("every case behaves as its comments say", arguments: cases)
    func run(_ script: ScriptCase) {
        let failures = script.check()
        for failure in failures { Issue.record(Comment(rawValue: failure)) }
    }

    @Test("the corpus is large enough to cover the language")
    func corpusSize() {
        #expect(Self.cases.count >= 200, "only \(Self.cases.count) cases")
    }

    @Test("every registered builtin is called in some case")
    func everyBuiltin() {
        let corpus = Self.cases.map(\.text).joined(separator: "\n")
        for builtin in Builtins.all where !corpus.contains(builtin.name + "(") {
            Issue.record("no script case calls \(builtin.name)(...): add one to the file of its section in Scripts/")
        }
    }
}

/// One case of a script file, with its expectations.
struct ScriptCase: CustomTestStringConvertible, Sendable {
    let file: String
    let firstLine: Int
    /// The case's text, preceded by blank lines so line numbers match the file.
    let text: String
    let outputs: [(line: Int, text: String)]
    /// The line printed over and over after `outputs`, if any.
    let repeated: String?
    let error: ExpectedError?

    struct ExpectedError: Sendable {
        let kind: LanguageError.Kind
        let line: Int
        let column: Int?
        let message: String
    }

    var testDescription: String { "\(file):\(firstLine)" }

    /// Splits a file into cases at `# ---` lines and reads their expectations.
    static func parse(file: String, text: String) -> [ScriptCase] {
        var cases: [ScriptCase] = []
        var lines: [String] = [], start = 1
        let all = text.components(separatedBy: "\n")
        for (index, line) in all.enumerated() {
            if line.trimmingCharacters(in: .whitespaces) == "# ---" {
                cases.append(make(file: file, lines: lines, start: start))
                lines = []
                start = index + 2
            } else {
                lines.append(line)
            }
        }
        cases.append(make(file: file, lines: lines, start: start))
        return cases.filter { !$0.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    private static func make(file: String, lines: [String], start: Int) -> ScriptCase {
        var outputs: [(Int, String)] = [], error: ExpectedError? = nil, repeated: String? = nil
        for (offset, line) in lines.enumerated() {
            let number = start + offset
            if let range = line.range(of: "# expect: ") {
                outputs.append((number, String(line[range.upperBound...])))
            } else if let range = line.range(of: "# expect repeated: ") {
                repeated = String(line[range.upperBound...])
            } else if let found = expectedError(line, number) {
                error = found
            }
        }
        let text = String(repeating: "\n", count: start - 1) + lines.joined(separator: "\n")
        return ScriptCase(file: file, firstLine: start, text: text, outputs: outputs, repeated: repeated, error: error)
    }

    private static func expectedError(_ line: String, _ number: Int) -> ExpectedError? {
        let kinds: [(String, LanguageError.Kind)] = [("# expect syntax error", .syntax), ("# expect error", .runtime),
                                                     ("# expect limit", .limit), ("# expect incomplete", .incompleteInput)]
        for (marker, kind) in kinds {
            guard let range = line.range(of: marker) else { continue }
            let rest = line[range.upperBound...]
            guard let colon = rest.firstIndex(of: ":") else { continue }
            let column = Int(rest[..<colon].trimmingCharacters(in: .whitespaces))
            let message = rest[rest.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            return ExpectedError(kind: kind, line: number, column: column, message: message)
        }
        return nil
    }

    /// Runs the case; returns what went wrong (empty when it passed).
    func check() -> [String] {
        var printed = ""
        let interpreter = Interpreter(limits: Limits(maxSteps: 2_000_000, maxSeconds: 20, maxOutputBytes: 100_000)) {
            printed += $0
        }
        var failures: [String] = []
        let source = Source(name: file, text: text, isFile: true)
        do {
            try interpreter.run(source)
            if let error { failures.append("\(file):\(error.line): expected an error '\(error.message)', but the case ran to the end") }
        } catch {
            failures += compare(error)
        }
        var lines = printed.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        for (index, expected) in outputs.enumerated() {
            guard index < lines.count else {
                failures.append("\(file):\(expected.line): expected output '\(expected.text)', but nothing more was printed")
                break
            }
            if lines[index] != expected.text {
                failures.append("\(file):\(expected.line): expected '\(expected.text)'\n     got '\(lines[index])'")
            }
        }
        if let repeated, lines.count > outputs.count {
            let rest = lines[outputs.count...]
            if let other = rest.first(where: { $0 != repeated }) {
                failures.append("\(file):\(firstLine): expected only '\(repeated)' repeated, got '\(other)'")
            }
        } else if let repeated {
            failures.append("\(file):\(firstLine): expected '\(repeated)' repeated, but nothing more was printed")
        } else if lines.count > outputs.count {
            failures.append("\(file):\(firstLine): unexpected output: \(lines[outputs.count...].joined(separator: " | "))")
        }
        return failures
    }

    private func compare(_ actual: LanguageError) -> [String] {
        let (line, column) = actual.source?.location(of: actual.range.start) ?? (0, 0)
        guard let expected = error else {
            return ["\(file):\(line): unexpected error: \(Diagnostic.render(actual))"]
        }
        var failures: [String] = []
        if actual.kind != expected.kind { failures.append("\(file):\(expected.line): expected a \(expected.kind) error, got \(actual.kind)") }
        if actual.message != expected.message {
            failures.append("\(file):\(expected.line): expected error '\(expected.message)'\n     got '\(actual.message)'")
        }
        if line != expected.line { failures.append("\(file):\(expected.line): the error was reported at line \(line)") }
        if let col = expected.column, col != column {
            failures.append("\(file):\(expected.line): the error was reported at column \(column), not \(col)")
        }
        return failures
    }
}
