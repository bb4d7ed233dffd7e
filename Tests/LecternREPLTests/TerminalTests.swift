import Foundation
import Testing

/// The REPL in a pseudo-terminal, typed at as a person would.
@Suite("REPL in a terminal")
struct TerminalTests {
    /// A session with its own HOME and history, at its first prompt.
    func start(_ scratch: Scratch, _ environment: [String: String] = [:], arguments: [String] = []) throws -> TerminalSession {
        let session = try TerminalSession(arguments, environment: scratch.environment.merging(environment) { $1 })
        try session.expectPrompt()
        return session
    }

    @Test("a banner with the version, :help and the first lesson, then the prompt")
    func banner() throws {
        let scratch = try Scratch()
        let session = try TerminalSession([], environment: scratch.environment)
        let screen = try session.expectPrompt()
        #expect(screen.contains("Lectern 0."))
        #expect(screen.contains(":help"))
        #expect(screen.contains(":lesson"))
    }

    @Test("a function defined over several lines, with the secondary prompt")
    func multiLineFunction() throws {
        let scratch = try Scratch()
        let session = try start(scratch)
        session.type("fn double(a) {\r")
        try session.expectSecondaryPrompt()
        session.type("return a * 2\r")
        try session.expectSecondaryPrompt()
        session.type("}\r")
        try session.expectPrompt()
        session.type("double(21)\r")
        try session.expect("42")
    }

    @Test("Tab completes a builtin, and an attribute after a dot")
    func tabCompletion() throws {
        let scratch = try Scratch()
        let session = try start(scratch)
        session.type("linsp\t")
        try session.expect("ace")
        session.type("(0, 1, 3).shape\r")
        try session.expect("[3]")
        session.type("x = zeros(2, 3)\r")
        try session.expectPrompt()
        session.type("x.sh\t")
        try session.expect("ape")
        session.type("\r")
        try session.expect("[2, 3]")
    }

    @Test("Tab lists the candidates when there are several")
    func tabListing() throws {
        let scratch = try Scratch()
        let session = try start(scratch)
        session.type("conv2d(x, w, \t")
        try session.expectAll(["bias=", "stride=", "pad=", "dilation="])
    }

    @Test("history comes back after a restart; a multi-line entry is one entry")
    func historyAfterRestart() throws {
        let scratch = try Scratch()
        let first = try start(scratch)
        first.type("fn inc(a) {\rreturn a + 1\r}\r")
        try first.expectPrompt()
        first.type("40 + 2\r")
        try first.expect("42")
        try first.expectPrompt()
        first.type("\u{4}")
        #expect(first.waitForExit() == 0)
        let file = try String(contentsOfFile: scratch.historyFile, encoding: .utf8)
        #expect(file == "fn inc(a) {\\nreturn a + 1\\n}\n40 + 2\n")

        let second = try start(scratch)
        second.type("\u{1B}[A")  // up: the last entry
        try second.expect("40 + 2")
        second.type("\r")
        try second.expect("42")
        try second.expectPrompt()
        second.type("\u{1B}[A\u{1B}[A")  // up, up: the function, whole
        try second.expect("return a + 1")
        second.type("\r")
        try second.expectPrompt()
        second.type("inc(1)\r")
        try second.expect("2")
    }

    @Test("Ctrl-C stops a long loop and keeps the variables")
    func interruptLoop() throws {
        let scratch = try Scratch()
        let session = try start(scratch)
        session.type("kept = 7\r")
        try session.expectPrompt()
        session.type("print(\"looping\"); while true { kept2 = 1 }\r")
        try session.expect("looping")
        Thread.sleep(forTimeInterval: 0.3)
        session.type("\u{3}")
        try session.expect("stopped by Ctrl-C")
        try session.expectPrompt()
        session.type("kept + kept2\r")
        try session.expect("8")
    }

    @Test("Ctrl-C at the prompt forgets the line")
    func interruptLine() throws {
        let scratch = try Scratch()
        let session = try start(scratch)
        session.type("this is not code\u{3}")
        try session.expect("^C")
        try session.expectPrompt()
        session.type("1 + 1\r")
        let screen = try session.expect("2")
        #expect(!screen.contains("error"))
    }

    @Test("an error shows the line and a caret under the mistake")
    func errorCaret() throws {
        let scratch = try Scratch()
        let session = try start(scratch, ["NO_COLOR": "1"])
        session.type("z = zeros(2, 3) @ zeros(2, 3)\r")
        try session.expect("cannot be multiplied")
        try session.expect("--> cell 1, line 1, column 5")
        try session.expect(" 1 | z = zeros(2, 3) @ zeros(2, 3)")
        try session.expect("^^^^^^^^^^^^^^^^^^^^^^^^^")
    }

    @Test("UTF-8 in a string comes back as typed")
    func utf8() throws {
        let scratch = try Scratch()
        let session = try start(scratch)
        session.type("s = \"héllo → 世界\"\r")
        try session.expectPrompt()
        session.type("s + \"!\"\r")
        try session.expect("\"héllo → 世界!\"")
    }

    @Test("NO_COLOR and --no-color: no colour codes; a terminal otherwise has them")
    func colour() throws {
        let scratch = try Scratch()
        for (environment, arguments) in [(["NO_COLOR": "1"], [String]()), ([:], ["--no-color"])] {
            let session = try start(scratch, environment, arguments: arguments)
            session.type("undefined_name\r")
            let screen = try session.expect("is not defined") + session.expectPrompt()
            #expect(!screen.contains("\u{1B}["), "\(environment) \(arguments)")
        }
        let coloured = try start(scratch)
        coloured.type("undefined_name\r")
        #expect(try coloured.expectPrompt().contains("\u{1B}[1;31m"))
    }

    @Test("Ctrl-D in an unfinished entry gives up the entry; on an empty line it leaves with status 0")
    func ctrlD() throws {
        let scratch = try Scratch()
        let session = try start(scratch, ["NO_COLOR": "1"])
        session.type("kept = 3\r")
        try session.expectPrompt()
        session.type("y = (1 +\r")
        try session.expectSecondaryPrompt()
        session.type("\u{4}")
        try session.expect("'(' is not closed")
        try session.expectPrompt()
        session.type("kept\r")
        try session.expect("3")
        try session.expectPrompt()
        session.type("\u{4}")
        #expect(session.waitForExit() == 0)
        #expect(try String(contentsOfFile: scratch.historyFile, encoding: .utf8) == "kept = 3\ny = (1 +\nkept\n")
    }

    @Test("a history file whose last line has no newline: the next entry starts a line of its own")
    func historyWithoutFinalNewline() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path + "/state/lectern", withIntermediateDirectories: true)
        try "a = 1\nlast = 1".write(toFile: scratch.historyFile, atomically: true, encoding: .utf8)
        let session = try start(scratch)
        session.type("new = 2\r")
        try session.expectPrompt()
        session.type("\u{4}")
        #expect(session.waitForExit() == 0)
        #expect(try String(contentsOfFile: scratch.historyFile, encoding: .utf8) == "a = 1\nlast = 1\nnew = 2\n")
    }

    @Test(":vars, :time, ?NAME, an unknown command and :quit")
    func metaCommands() throws {
        let scratch = try Scratch()
        let session = try start(scratch, ["NO_COLOR": "1"])
        session.type("w = zeros(4, 5)\r:vars\r")
        try session.expect("w     tensor  [4, 5]  20")
        session.type(":time sum(ones(10))\r")
        try session.expect("10")
        try session.expect("time: ")
        session.type("?zeros\r")
        try session.expect("A tensor of zeros.")
        session.type(":hlep\r")
        try session.expect("did you mean ':help'?")
        session.type(":lesson\r")
        // The name column is as wide as the longest name: each lesson added may widen it.
        try session.expect("02-convolution-arithmetic")
        try session.expect("Convolution arithmetic")
        session.type(":quit\r")
        #expect(session.waitForExit() == 0)
    }

    @Test("a history file that cannot be written: one warning, and the REPL works on")
    func unwritableHistory() throws {
        let scratch = try Scratch()
        // A state directory under a plain file cannot be made, not even by root.
        try scratch.write("plain-file", "")
        let session = try start(scratch, ["XDG_STATE_HOME": scratch.path + "/plain-file/state"])
        session.type("1 + 2\r")
        let screen = try session.expect("3") + session.expectPrompt()
        #expect(screen.contains("history will not be saved"))
        session.type("4 + 5\r")
        let later = try session.expect("9") + session.expectPrompt()
        #expect(!later.contains("history will not be saved"))
    }
}
