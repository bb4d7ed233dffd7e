import Foundation
import Testing
@testable import LecternLanguage

@Suite("the builtin registry and its reference")
struct ReferenceTests {
    @Test("docs/language.md holds the reference generated from the registry (run `make docs` after changing builtins)")
    func referenceIsCurrent() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../docs/language.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let begin = try #require(text.range(of: "<!-- BEGIN REFERENCE -->"))
        let end = try #require(text.range(of: "<!-- END REFERENCE -->"))
        let section = text[begin.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(section == Reference.markdown().trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test("every builtin has a summary, an example that runs, and a unique name")
    func builtinsAreDescribed() throws {
        #expect(Set(Builtins.all.map(\.name)).count == Builtins.all.count)
        for builtin in Builtins.all {
            #expect(!builtin.summary.isEmpty && builtin.summary.hasSuffix("."), "\(builtin.name): summary")
            let interpreter = Interpreter(limits: Limits(maxSteps: 100_000, maxSeconds: 10), output: { _ in })
            try interpreter.run(Source(name: "setup", text: "x = randn(2, 3)\nw = param(randn(3, 2))"))
            #expect(throws: Never.self, "\(builtin.name): example '\(builtin.example)'") {
                try interpreter.run(Source(name: "example", text: builtin.example))
            }
        }
    }
}
