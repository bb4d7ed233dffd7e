import Foundation
import Testing

/// Lessons in the REPL, in a pseudo-terminal, on the fixture course (a copy of the course
/// the LecternCourseTests check), and `lectern lesson` from the command line.
@Suite("Lessons in the REPL")
struct LessonTests {
    static let fixtureCourse: String = {
        var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(2)
        return parts.joined(separator: "/") + "/LecternCourseTests/Fixtures/course"
    }()

    /// `lectern lesson NAME --course DIR`, without colour, at its first prompt.
    func open(_ scratch: Scratch, _ name: String = "sample", course: String = fixtureCourse, columns: UInt16 = 100) throws -> TerminalSession {
        let session = try TerminalSession(["lesson", name, "--course", course], environment: scratch.environment.merging(["NO_COLOR": "1"]) { $1 }, columns: columns)
        try session.expect("Lesson 01-")
        try session.expectPrompt()
        return session
    }

    @Test(":next runs each step and shows its output; :back, :goto and :where")
    func stepping() throws {
        let scratch = try Scratch()
        let session = try open(scratch)
        session.type(":next\r")
        try session.expect("(N-F)/S+1")
        try session.expect("Step 1 of 6")
        try session.expect("sum(x)\r\n6\r\n")
        try session.expectPrompt()
        session.type(":next\r")
        try session.expect("Step 2 of 6")
        try session.expect("0.3333333333333333")
        try session.expectPrompt()
        session.type(":back\r")
        try session.expect("Step 1 of 6")
        try session.expectPrompt()
        // Step 5 needs y from the your-turn step 4: its reference answer ran silently.
        session.type(":goto 5\r")
        try session.expect("Step 5 of 6")
        try session.expect("24")
        try session.expectPrompt()
        session.type(":where\r")
        try session.expect("step 5 of 6; your turns done: 0 of 2 (steps 4, 6)")
        session.type(":goto 9\r")
        try session.expect("usage: :goto N, with N a step number from 1 to 6 (not '9')")
    }

    @Test("your turn: the check fails, a hint, it passes after a second try; :skip; a finished lesson starts again")
    func yourTurn() throws {
        let scratch = try Scratch()
        let session = try open(scratch)
        session.type(":goto 4\r")
        try session.expect("Step 4 of 6: your turn")
        try session.expectPrompt()
        session.type(":check\r")
        try session.expect("Not yet: y should be a 3x3 tensor of twos")
        try session.expectPrompt()
        session.type(":hint\r")
        // A hint of two lines is one paragraph inside the quote, not a quote and a stray line.
        try session.expect("`ones(3, 3)` times a number. Check it with `sum(y)`.")
        try session.expectPrompt()
        session.type("y = ones(3, 3)\r")
        try session.expectPrompt()
        session.type(":next\r")
        try session.expect("Not yet: y should be")
        try session.expectPrompt()
        session.type("y = y * 2\r")
        try session.expectPrompt()
        session.type(":next\r")
        try session.expect("Well done: the check of step 4 passes.")
        try session.expect("Step 5 of 6")
        try session.expect("24")
        try session.expectPrompt()
        session.type(":next\r")
        try session.expect("Step 6 of 6: your turn")
        try session.expectPrompt()
        session.type(":solution\r")
        try session.expect("z = y.size")
        try session.expectPrompt()
        session.type(":skip\r")
        try session.expect("Skipped")
        try session.expect("That is all: the sample ends here.")
        try session.expect("End of the lesson. Your turns done: 1 of 2.")
        try session.expectPrompt()
        session.type(":next\r")
        try session.expect("This is the end of the lesson: :restart starts it again")
        try session.expectPrompt()
        session.type("\u{4}")
        #expect(session.waitForExit() == 0)

        let again = try TerminalSession(["lesson", "sample", "--course", Self.fixtureCourse], environment: scratch.environment.merging(["NO_COLOR": "1"]) { $1 })
        try again.expect("You finished this lesson before; it starts again (your turns done stay done).")
        try again.expect("Type :next to begin")
    }

    @Test("in a narrow terminal a check's verdict and the notices wrap at spaces, never inside a word")
    func narrowTerminal() throws {
        let scratch = try Scratch()
        let session = try open(scratch, columns: 40)
        session.type(":goto 4\r")
        try session.expect("Step 4 of 6: your turn")
        try session.expectPrompt()
        session.type(":check\r")
        try session.expect("✗ Not yet: y should be a 3x3 tensor of\r\n  twos: try y.shape and sum(y)\r\n")
        try session.expect("  (the check stopped: error: 'y' is not\r\n   defined")
        try session.expect("Try again, then :check. :hint for a\r\nhint, :solution for an answer, :skip to\r\ngo on.")
        try session.expectPrompt()
        // The list of lessons leaves the titles out rather than wrap.
        session.type(":lessons\r")
        try session.expect("01-sample  5 min  ")
        try session.expectPrompt()
    }

    @Test("progress is kept: the next session resumes at the step reached, with its variables; lectern lesson lists it")
    func resume() async throws {
        let scratch = try Scratch()
        let first = try open(scratch)
        first.type(":next\r")
        try first.expect("Step 1 of 6")
        try first.expectPrompt()
        first.type(":next\r")
        try first.expect("Step 2 of 6")
        try first.expectPrompt()
        first.type("\u{4}")
        #expect(first.waitForExit() == 0)

        let listing = try await PipedRun("", arguments: ["lesson", "--course", Self.fixtureCourse], environment: scratch.environment)
        #expect(listing.status == 0)
        #expect(listing.output == "01-sample  A sample lesson  5 min  step 2 of 6, 0 of 2 your turns done\n")

        let second = try TerminalSession(["lesson", "01", "--course", Self.fixtureCourse], environment: scratch.environment.merging(["NO_COLOR": "1"]) { $1 })
        try second.expect("Resuming at step 2 of 6 (steps 1-1 ran again, silently).")
        try second.expect("Step 2 of 6")
        try second.expectPrompt()
        second.type("sum(x) + 1\r")
        try second.expect("7")
        try second.expectPrompt()
        second.type(":restart\r")
        try second.expect("Back to the start of 01-sample")
        try second.expectPrompt()
        second.type("x\r")
        try second.expect("'x' is not defined")
    }

    @Test("a course of one's own: --course DIR, LECTERN_COURSE, and :lesson NAME in the REPL")
    func ownCourse() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path + "/mine/lessons", withIntermediateDirectories: true)
        try scratch.write("mine/lessons/01-hello.md", "# Hello\n\nA course of my own.\n\n```lectern\nprint(\"hello from \" + \"my course\")\n```\n")
        let session = try open(scratch, "hello", course: scratch.path + "/mine")
        session.type(":next\r")
        try session.expect("A course of my own.")
        try session.expect("hello from my course")

        let repl = try TerminalSession([], environment: scratch.environment.merging(["NO_COLOR": "1", "LECTERN_COURSE": scratch.path + "/mine"]) { $1 })
        try repl.expectPrompt()
        repl.type(":lessons\r")
        try repl.expect("01-hello  Hello")
        try repl.expectPrompt()
        repl.type(":lesson he\t")
        try repl.expect("llo")
        repl.type("\r")
        try repl.expect("Lesson 01-hello: Hello (1 step)")
        try repl.expectPrompt()
        repl.type(":lesson nothing\r")
        try repl.expect("no lesson called 'nothing' (there are: 01-hello)")
    }

    @Test("lectern lesson --check: status 0 on a good course; 1 and a diff on a changed digit")
    func check() async throws {
        let scratch = try Scratch()
        let good = try await PipedRun("", arguments: ["lesson", "--check", "--course", Self.fixtureCourse], environment: scratch.environment)
        #expect(good.status == 0)
        #expect(good.output.hasPrefix("ok      01-sample (6 steps, 2 your turns,"))
        // The course may come first, before the command, as `lectern --course DIR` opens the REPL.
        let first = try await PipedRun("", arguments: ["--course", Self.fixtureCourse, "lesson", "--check"], environment: scratch.environment)
        #expect(first.status == 0 && first.output.hasPrefix("ok      01-sample (6 steps"))
        let listed = try await PipedRun("", arguments: ["--course=" + Self.fixtureCourse, "lesson"], environment: scratch.environment)
        #expect(listed.status == 0 && listed.output.hasPrefix("01-sample  A sample lesson"))

        try FileManager.default.createDirectory(atPath: scratch.path + "/broken/lessons", withIntermediateDirectories: true)
        let text = try String(contentsOfFile: Self.fixtureCourse + "/lessons/01-sample.md", encoding: .utf8)
        try scratch.write("broken/lessons/01-sample.md", text.replacingOccurrences(of: "```output\n6\n```", with: "```output\n7\n```"))
        let bad = try await PipedRun("", arguments: ["lesson", "--check", "sample", "--course", scratch.path + "/broken"], environment: scratch.environment)
        #expect(bad.status == 1)
        #expect(bad.output.contains("FAILED  01-sample (1 problem"))
        #expect(bad.output.contains("/broken/lessons/01-sample.md:18: step 1: the output differs from its fence at line 1 of it (- expected, + printed):\n  - 7\n  + 6"))
    }
}
