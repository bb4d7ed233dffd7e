import Foundation
import Testing
@testable import LecternLanguage
import LecternFuzzSupport

/// `Entry` tells a finished REPL entry from an unfinished one line by line, parsing each line
/// about once; its answers must be those of parsing the whole entry again after every line.
@Suite("REPL entries read line by line")
struct EntryTests {
    /// Splits `lines` into entries as the REPL does, deciding with `finished(entry so far)`.
    static func entries(_ lines: [String], _ finished: ([String]) -> Bool) -> [[String]] {
        var result: [[String]] = [], pending: [String] = []
        for line in lines {
            if pending.isEmpty && line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            pending.append(line)
            if finished(pending) {
                result.append(pending)
                pending = []
            }
        }
        if !pending.isEmpty { result.append(pending) }
        return result
    }

    /// The decision made the slow way: the whole text parsed again.
    static func finishedByReparsing(_ lines: [String]) -> Bool {
        do {
            try Interpreter.checkSyntax(Source(name: "cell", text: lines.joined(separator: "\n")))
        } catch where error.kind == .incompleteInput {
            return false
        } catch {}
        return true
    }

    static var scripts: [String] {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { $0.hasSuffix(".lec") }.sorted().map { directory.appendingPathComponent($0).path }
    }

    @Test("every script of the corpus splits into the same entries as by parsing again after each line")
    func sameAsReparsing() throws {
        #expect(Self.scripts.count > 10)
        for path in Self.scripts {
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            var entry = Entry()
            let incremental = Self.entries(lines) { pending in
                if pending.count == 1 { entry = Entry() }
                return entry.append(pending.last!)
            }
            let reparsed = Self.entries(lines, Self.finishedByReparsing)
            #expect(incremental == reparsed, "\(path)")
        }
    }

    @Test("generated and mutated programs split into the same entries as by parsing again after each line")
    func sameOnFuzzedPrograms() {
        var compared = 0
        for index in 0..<300 {
            // Generated programs are mostly right; mutated ones are mostly wrong in small ways.
            for text in [ProgramGenerator.text(seed: 11, index: index), Mutator.text(seed: 11, index: index)] {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                var entry = Entry()
                let incremental = Self.entries(lines) { pending in
                    if pending.count == 1 { entry = Entry() }
                    return entry.append(pending.last!)
                }
                #expect(incremental == Self.entries(lines, Self.finishedByReparsing), "program \(index): \(text)")
                compared += lines.count
            }
        }
        #expect(compared > 3000)
    }

    @Test("open blocks, lists and calls are unfinished; a mistake inside one finishes the entry at once")
    func decisions() {
        func finished(_ lines: [String]) -> [Bool] {
            var entry = Entry()
            return lines.map { entry.append($0) }
        }
        #expect(finished(["fn f(a) {", "  x = [1,", "    2]", "  return g(x,", "    a)", "}"])
                    == [false, false, false, false, false, true])
        #expect(finished(["w = foo(1 2"]) == [true])
        #expect(finished(["v = [1,", "2 3"]) == [false, true])
        #expect(finished(["for i in range(3) {", "  break", "}"]) == [false, false, true])
        #expect(finished(["fn f() {", "  break"]) == [false, true])
        #expect(finished(["s = \"open"]) == [true])
        #expect(finished(["x = 1)"]) == [true])
        // The reason an entry is unfinished names the bracket still open.
        var entry = Entry()
        _ = entry.append("if true {")
        _ = entry.append("  y = (1 +")
        #expect(entry.unfinished?.message == "'(' is not closed")
        #expect(entry.text == "if true {\n  y = (1 +")
    }

    @Test("a pasted block of 8,000 lines is one entry, finished only at its last line")
    func longBlock() {
        var entry = Entry()
        var finishedAt: [Int] = []
        var lines = ["fn f() {"]
        for i in 0..<8000 { lines += ["  x = [\(i),", "    \(i) + 1]"] }
        lines.append("}")
        for (number, line) in lines.enumerated() where entry.append(line) { finishedAt.append(number) }
        #expect(finishedAt == [lines.count - 1])
        #expect(entry.lines.count == 16_002)
        // A mistake deep inside is still found at the line where it is made.
        var wrong = Entry()
        _ = wrong.append("fn f() {")
        for i in 0..<1000 { _ = wrong.append("  x = \(i)") }
        let finished = wrong.append("  x = = 1")
        #expect(finished)
    }
}
