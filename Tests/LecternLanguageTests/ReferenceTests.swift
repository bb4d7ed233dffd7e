import Foundation
import LecternRender
import Testing
@testable import LecternLanguage

@Suite("the builtin registry and its reference")
struct ReferenceTests {
    /// Every builtin `lectern reference` lists: the language's and the pictures' (as
    /// ReferenceCommand passes them).
    static let documented = Builtins.all + Pictures.builtins

    @Test("docs/language.md holds the reference generated from the registry (run `make docs` after changing builtins)")
    func referenceIsCurrent() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../docs/language.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let begin = try #require(text.range(of: "<!-- BEGIN REFERENCE -->"))
        let end = try #require(text.range(of: "<!-- END REFERENCE -->"))
        let section = text[begin.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(section == Reference.markdown(Self.documented).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test("every builtin has a summary, an example that runs, and a unique name")
    func builtinsAreDescribed() throws {
        #expect(Set(Self.documented.map(\.name)).count == Self.documented.count)
        for builtin in Self.documented {
            #expect(!builtin.summary.isEmpty && builtin.summary.hasSuffix("."), "\(builtin.name): summary")
            // The clock is granted so that clock()'s example runs; files are not (see savefig).
            let interpreter = Interpreter(limits: Limits(maxSteps: 100_000, maxSeconds: 10), capabilities: [.clock],
                                          extraBuiltins: Pictures.builtins,
                                          output: { _ in })
            try interpreter.run(Source(name: "setup", text: "x = randn(2, 3)\nw = param(randn(3, 2))"))
            if let refusal = ["savefig": "writing", "load_csv": "reading", "load_image": "reading"][builtin.name] {
                // Its example writes or reads a file, which a test session is not allowed to: it
                // must fail with that error and no other (the render and file tests do it for real).
                do {
                    try interpreter.run(Source(name: "example", text: builtin.example))
                    Issue.record("\(builtin.name)'s example ran without file access")
                } catch {
                    #expect(error.message.contains("\(refusal) files is not allowed here"), "\(builtin.name): \(error.message)")
                }
                continue
            }
            #expect(throws: Never.self, "\(builtin.name): example '\(builtin.example)'") {
                try interpreter.run(Source(name: "example", text: builtin.example))
            }
        }
    }
}
