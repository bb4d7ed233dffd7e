import Foundation
import Testing
@testable import LecternLanguage

/// Bounded input and clear messages (issue 16, items 5 and 8): huge numbers are "too large",
/// error lines are capped and escaped, the did-you-mean search is bounded, and files are read
/// only when they are regular and not too large.
@Suite("input bounds and messages")
struct InputBoundsTests {
    func error(_ code: String) -> LanguageError? {
        let interpreter = Interpreter(limits: Limits()) { _ in }
        do {
            try interpreter.run(Source(name: "test", text: code))
            return nil
        } catch {
            return error
        }
    }

    /// The number `code` evaluates to; nil when it is not a number.
    func number(_ code: String) throws -> Double? {
        let interpreter = Interpreter(limits: Limits()) { _ in }
        try interpreter.run(Source(name: "test", text: "result = " + code))
        guard case let .number(x)? = interpreter.globals.lookup("result") else { return nil }
        return x
    }

    @Test("a whole number too large for a count is 'too large', a fraction still 'not whole'")
    func tooLarge() {
        #expect(error("x = zeros(1e300)")?.message == "zeros: 'shape' holds 1e+300, which is too large (at most 10^15)")
        #expect(error("x = zeros(2, 1 / 0)")?.message == "zeros: 'shape' holds inf, which is too large (at most 10^15)")
        #expect(error("x = seed(1e300)")?.message == "seed: 'n' is too large: 1e+300 (at most 10^15)")
        #expect(error("x = pad([1], 1e20)")?.message == "pad: 'width' is too large: 1e+20 (at most 10^15)")
        #expect(error("x = zeros(2.5)")?.message == "zeros: 'shape' must hold whole numbers, got 2.5")
        #expect(error("x = seed(0 / 0)")?.message == "seed: 'n' must be a whole number, got nan")
        // Just under the bound is a whole number (here refused for other reasons, not as 'not whole').
        #expect(error("x = seed(1e15 - 1)") == nil)
    }

    @Test("an index or slice bound of 1e300 is out of range, not 'not whole'")
    func hugeIndex() {
        #expect(error("v = [1, 2]\nx = v[1e300]")?.message == "an index of 1e+300 is out of range")
        #expect(error("v = [1, 2]\nx = v[-1e300]")?.message == "an index of -1e+300 is out of range")
        #expect(error("v = [1, 2]\nx = v[0:1e300]")?.message == "a slice bound of 1e+300 is out of range")
        #expect(error("v = [1, 2]\nx = v[0.5]")?.message == "an index must be a whole number, got 0.5")
    }

    @Test("len of a non-container says what it takes")
    func lenOfNumber() {
        #expect(error("x = len(3)")?.message == "len: 'x' must be a list, string, range or tensor, got a number")
    }

    @Test("accuracy counts a row of NaN scores as wrong, not as a match for class 0")
    func accuracyOfNaN() throws {
        #expect(try number("accuracy(zeros(2, 2) / 0, [0, 1])") == 0)
        // One row of NaN, one right row: half.
        #expect(try number("accuracy(tensor([[0 / 0, 0], [0, 1]]), [0, 1])") == 0.5)
        // Ordinary scores are unchanged.
        #expect(try number("accuracy(tensor([[1, 0], [0, 1]]), [0, 1])") == 1)
    }

    @Test("a 25,000-letter misspelt name: a short message, no suggestion searched")
    func longName() throws {
        let name = "prnt" + String(repeating: "a", count: 25_000)
        let e = try #require(error("\(name)(1)"))
        let text = Diagnostic.render(e)
        for line in text.split(separator: "\n") { #expect(line.count <= Diagnostic.maxMessageLength + 20) }
        #expect(text.contains("is not defined"))
        #expect(text.contains("characters)…"))
        // The suggestion search gives up on names no typo could make, and on candidates of a far length.
        #expect(Suggestions.nearest(to: name, in: ["print"]) == nil)
        #expect(Suggestions.nearest(to: "prnt", in: ["print", String(repeating: "p", count: 10_000)]) == "print")
        #expect(Suggestions.nearest(to: "conv2", in: ["conv2d", "Conv2d"]) == "conv2d")
    }

    @Test("a long source line is echoed as a window around the error, carets still under it")
    func longLineWindow() throws {
        let code = "x = 1 + " + String(repeating: "1 + ", count: 500) + "nope + 2"
        let e = try #require(error(code))
        let lines = Diagnostic.render(e).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let echoed = try #require(lines.first { $0.hasPrefix(" 1 | ") })
        let carets = try #require(lines.first { $0.contains("^") })
        #expect(echoed.count <= Diagnostic.maxEchoedColumns + 10)
        #expect(echoed.hasPrefix(" 1 | …") && echoed.contains("nope"))
        // The carets sit under 'nope' in the echoed window.
        let at = try #require(echoed.range(of: "nope"))
        let caretAt = try #require(carets.firstIndex(of: "^"))
        #expect(echoed.distance(from: echoed.startIndex, to: at.lowerBound) == carets.distance(from: carets.startIndex, to: caretAt))
        #expect(carets.filter { $0 == "^" }.count == 4)
        // A short line is echoed whole, as before.
        let short = Diagnostic.render(try #require(error("y = nope")))
        #expect(short.contains(" 1 | y = nope\n") && short.contains("   |     ^^^^"))
    }

    @Test("control characters in an echoed line or a message are shown as pictures, not sent")
    func controlCharacters() throws {
        let e = try #require(error("x = \"\u{1B}[2J\u{07}\" + nope"))
        let text = Diagnostic.render(e)
        #expect(!text.contains("\u{1B}") && !text.contains("\u{07}"))
        #expect(text.contains("\"␛[2J␇\" + nope"))
        // A message quoting a name or string with controls is escaped too.
        let quoted = Diagnostic.render(LanguageError(.runtime, "bad \u{1B}]0;title\u{07} \u{9B}", SourceRange(0, 0)))
        #expect(quoted == "error: bad ␛]0;title␇ \u{FFFD}\n")
        // Tabs stay: the caret line copies them.
        #expect(Diagnostic.visible("a\tb") == "a\tb")
    }

    @Test("files: only regular ones, at most the limit, a byte-order mark dropped")
    func fileRead() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-read-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Data([0xEF, 0xBB, 0xBF] + Array("x = 1\n".utf8)).write(to: URL(fileURLWithPath: directory + "/bom.lec"))
        #expect(try FileRead.text(of: directory + "/bom.lec") == "x = 1\n")
        try Data("0123456789".utf8).write(to: URL(fileURLWithPath: directory + "/ten"))
        #expect(try FileRead.bytes(of: directory + "/ten", limit: 10).count == 10)
        #expect(throws: FileRead.Failure.self) { try FileRead.bytes(of: directory + "/ten", limit: 9) }
        do {
            _ = try FileRead.bytes(of: directory + "/ten", limit: 9)
        } catch {
            #expect(error.description == "cannot read '\(directory)/ten': it holds 10 bytes, more than the 9 bytes allowed")
        }
        func problem(_ path: String) -> String? {
            do { _ = try FileRead.bytes(of: path, limit: 100); return nil } catch { return error.problem }
        }
        #expect(problem("/dev/zero") == "it is a character device, not a regular file")
        #expect(problem(directory) == "it is a directory, not a regular file")
        #expect(problem(directory + "/missing") == "there is no such file")
        #expect(mkfifo(directory + "/fifo", 0o600) == 0)
        // Opening a FIFO without a writer must not block, and it is refused.
        #expect(problem(directory + "/fifo") == "it is a FIFO (a named pipe), not a regular file")
    }

    @Test("standard input is read up to the limit and refused past it")
    func pipeLimit() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let text = Array("abcdefghij".utf8)
        #expect(write(fds[1], text, text.count) == text.count)
        close(fds[1])
        defer { close(fds[0]) }
        do {
            _ = try FileRead.bytes(from: fds[0], name: "standard input", limit: 5)
            Issue.record("10 bytes were read under a limit of 5")
        } catch {
            #expect(error.description == "cannot read standard input: it holds more than the 5 bytes allowed")
        }
    }
}
