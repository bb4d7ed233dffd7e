import Foundation
import Testing

/// `lectern exercise`, `lectern check` and `:check NAME`, end to end on the built binary, with
/// the fixture course's exercise (`01-scale`: `scale(x, k=2)`, two visible tests, one hidden).
@Suite("exercises on the command line and in the REPL")
struct ExerciseCommandTests {
    static let course = LessonTests.fixtureCourse

    @Test("lectern exercise lists the status; --start copies the starter once; check exits 1, then 0, and the status follows")
    func commands() async throws {
        let scratch = try Scratch()
        func lectern(_ arguments: [String]) async throws -> PipedRun {
            try await PipedRun("", arguments: arguments + ["--course", Self.course], environment: scratch.environment, directory: scratch.url)
        }
        #expect(try await lectern(["exercise"]).output == "01-scale  Scale  4 points (1 point hidden)  not started\n")
        let task = try await lectern(["exercise", "scale"])
        #expect(task.output.hasPrefix("Scale\n═════\n\nWrite `scale(x, k=2)`"))
        #expect(task.output.contains("2 visible tests (3 points) and 1 hidden test (1 point)."))
        let start = try await lectern(["exercise", "scale", "--start", "mine.lec"])
        #expect(start.status == 0)
        #expect(try scratch.read("mine.lec") == "fn scale(x, k=2) = 0\n")
        try scratch.write("mine.lec", "fn scale(x, k=2) = x + k\n")
        let again = try await lectern(["exercise", "scale", "--start", "mine.lec"])
        #expect(again.status == 1)
        #expect(again.errors.contains("mine.lec exists already; it is left as it is"))
        #expect(try scratch.read("mine.lec") == "fn scale(x, k=2) = x + k\n")

        let failing = try await lectern(["check", "scale", "mine.lec", "--no-color"])
        #expect(failing.status == 1)
        #expect(failing.output.contains("✗ a number (1 point)\n    expected 6, got 5\n    check: tests.lec:3: expect_equal(scale(3), 6)\n    hint: x times k\n"))
        #expect(failing.output.contains("Grading also runs 1 hidden test (1 point)"))
        #expect(!failing.output.contains("another k"))
        #expect(try await lectern(["exercise"]).output.hasSuffix("  attempted\n"))
        try scratch.write("mine.lec", "fn scale(x, k=2) = x * k\n")
        #expect(try await lectern(["check", "1", "mine.lec"]).status == 0)
        #expect(try await lectern(["exercise"]).output.hasSuffix("  passing visible tests\n"))
    }

    @Test(":check NAME checks the session's definitions; :check alone checks the exercise opened last")
    func repl() async throws {
        let scratch = try Scratch()
        let run = try await PipedRun("fn scale(x, k=2) = x * k\n:check scale\nfn scale(x, k=2) = 0\n:check\n",
                                     arguments: ["--course", Self.course], environment: scratch.environment)
        let parts = run.output.components(separatedBy: "Checking this session's scale against 01-scale (2 visible tests).")
        #expect(parts.count == 3, "\(run.output)\n\(run.errors)")
        #expect(parts.count == 3 && parts[1].contains("All visible tests pass: 3 of 3 points."))
        #expect(parts.count == 3 && parts[2].contains("Score: 0 of 3 points (0 of 2 visible tests pass)."))
    }

    @Test("in a terminal the feedback's prose wraps at spaces to its width")
    func narrowTerminal() throws {
        let scratch = try Scratch()
        let session = try TerminalSession(["--course", Self.course], environment: scratch.environment.merging(["NO_COLOR": "1"]) { $1 },
                                          columns: 40)
        try session.expectPrompt()
        session.type("fn scale(x, k=2) = 0\r")
        try session.expectPrompt()
        session.type(":check scale\r")
        try session.expect("Checking this session's scale against\r\n01-scale (2 visible tests).")
        try session.expect("Grading also runs 1 hidden test (1\r\npoint), on inputs not shown here: make\r\nyour function right")
        try session.expectPrompt()
    }

    @Test("Ctrl-C stops a :check whose function never returns, at once, and records nothing")
    func interruptCheck() async throws {
        let scratch = try Scratch()
        let session = try TerminalSession(["--course", Self.course], environment: scratch.environment.merging(["NO_COLOR": "1"]) { $1 })
        try session.expectPrompt()
        session.type("fn scale(x, k=2) { while true { x = x } }\r")
        try session.expectPrompt()
        // Each test would run to the step limit; before, Ctrl-C went to the session and the check ran on.
        session.type(":check scale\r")
        // Ctrl-C must come after the line editor has handed the line over: while it reads, Ctrl-C
        // is a key, and it would wait as one for the next prompt (seen on loaded machines, even
        // 0.5 s after the editor had echoed the line's end). So: the echo, then cooked mode with
        // Ctrl-C as the interrupt character, which the REPL turns on only after it has cleared
        // the last entry's Ctrl-C. At once, and without suspending: an `await` here resumed,
        // on a machine loaded by the other tests, only after the whole check had finished.
        try session.expect(":check scale\r\n")
        try session.waitForCookedMode()
        session.type("\u{3}")
        // Which test was running when the key came depends on the machine's load.
        try session.expect("stopped by Ctrl-C (")
        try session.expect(" of 2 tests started); the check is not recorded")
        try session.expectPrompt()
        session.type("1 + 1\r")
        try session.expect("2")
        session.type(":quit\r")
        #expect(session.waitForExit() == 0)
        let status = try await PipedRun("", arguments: ["exercise", "--course", Self.course], environment: scratch.environment)
        #expect(status.output.hasSuffix("  not started\n"), "\(status.output)")
    }
}
