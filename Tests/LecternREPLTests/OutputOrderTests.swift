import Foundation
import Testing

/// With `2>&1` (standard output and standard error into one pipe), a diagnostic comes after
/// everything printed before it: stdout, buffered when it is a pipe, is flushed first.
@Suite("Output order with 2>&1")
struct OutputOrderTests {
    /// Runs `lectern ARGUMENTS` with `input` on stdin, stdout and stderr into one pipe.
    private func merged(_ input: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LecternBinary.path)
        process.arguments = arguments
        let stdin = Pipe(), both = Pipe()
        process.standardInput = stdin
        process.standardOutput = both
        process.standardError = both
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let data = both.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test("lectern run: the lines printed before an error come before its diagnostic")
    func run() throws {
        let text = try merged("print(\"one\")\nprint(\"two\")\nundefined_name\n", ["run", "-"])
        let one = try #require(text.range(of: "one\ntwo\n")), error = try #require(text.range(of: "error:"))
        #expect(one.upperBound <= error.lowerBound, "got: \(text)")
    }

    @Test("the REPL with piped input: output and diagnostics interleave as they happened")
    func piped() throws {
        let text = try merged("print(\"before\")\nundefined_name\nprint(\"after\")\n", [])
        let before = try #require(text.range(of: "before\n")), error = try #require(text.range(of: "error:"))
        let after = try #require(text.range(of: "after\n"))
        #expect(before.upperBound <= error.lowerBound, "got: \(text)")
        #expect(error.upperBound <= after.lowerBound, "got: \(text)")
    }
}
