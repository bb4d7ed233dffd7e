import Foundation
import Testing

/// `lectern < script`: no prompt, no colour, each entry run as typed, values printed, and
/// the exit status 1 if any entry failed.
@Suite("REPL with piped input")
struct PipedTests {
    @Test("a good script: values and printed text, in order, and status 0")
    func goodScript() async throws {
        let run = try await PipedRun("""
            x = 2
            x * 3
            fn f(a) {
              return a + 1
            }
            f(x)
            print("hi")
            none
            ans + 1

            """)
        #expect(run.output == "6\n3\nhi\n4\n")
        #expect(run.errors == "")
        #expect(run.status == 0)
    }

    @Test("a failing line: its diagnostic at the line of the input, the rest still runs, status 1")
    func badScript() async throws {
        let run = try await PipedRun("x = 1\n\ny = undefined_name\nx + 1\n")
        #expect(run.output == "2\n")
        #expect(run.errors.contains("'undefined_name' is not defined"))
        #expect(run.errors.contains("--> <stdin>:3:5"))
        #expect(run.errors.contains(" 3 | y = undefined_name"))
        #expect(!run.errors.contains("\u{1B}["))
        #expect(run.status == 1)
    }

    @Test("input that ends in the middle of a block is an error")
    func unfinished() async throws {
        let run = try await PipedRun("fn f(a) {\n  return a\n")
        #expect(run.errors.contains("syntax error"))
        #expect(run.status == 1)
    }

    @Test("a mistake inside an open bracket is reported at once, not taken for unfinished input")
    func errorInsideBracket() async throws {
        let run = try await PipedRun("w = foo(1 2\nx = 1\nx\nv = [1, 2 3\n")
        #expect(run.errors.contains("expected ')' after the arguments, found number 2"))
        #expect(run.errors.contains("expected ']' or ',' in the list, found number 3"))
        #expect(!run.errors.contains("is not closed"))
        #expect(run.output == "1\n")
        #expect(run.status == 1)
    }

    @Test("a directory is not a script: lectern run and :load say so")
    func directory() async throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path + "/sub", withIntermediateDirectories: true)
        let run = try await PipedRun("", arguments: ["run", "sub"], directory: scratch.url)
        #expect(run.errors.contains("cannot read 'sub': it is a directory, not a regular file"))
        #expect(run.status == 1)
        let load = try await PipedRun(":load sub\n", directory: scratch.url)
        #expect(load.errors.contains("cannot read 'sub': it is a directory, not a regular file"))
        #expect(load.status == 1)
    }

    @Test("meta-commands work; an unknown one fails")
    func metaCommands() async throws {
        let good = try await PipedRun("v = [1, \"a\"]\n:vars\n?len\n")
        #expect(good.output.contains("v     list         2 items"))
        #expect(good.output.contains("len(x)"))
        #expect(good.status == 0)
        let bad = try await PipedRun(":vras\n")
        #expect(bad.errors.contains("unknown command ':vras'; did you mean ':vars'?"))
        #expect(bad.status == 1)
    }

    @Test(":save writes the entries that ran; :load runs them in a new session")
    func saveAndLoad() async throws {
        let scratch = try Scratch()
        let saved = try await PipedRun("a = 20\nb = nope\nfn g(x) = x + a\n:save session.lec\n", directory: scratch.url)
        #expect(saved.status == 1)
        let script = try scratch.read("session.lec")
        // The entry that failed while running is kept, commented out, with its error.
        #expect(script.hasSuffix("a = 20\n# failed: 'nope' is not defined; did you mean 'none'?\n# b = nope\nfn g(x) = x + a\n"), "\(script)")
        #expect(saved.output.contains("1 that failed is commented out"))
        let loaded = try await PipedRun(":load session.lec\ng(1)\n", directory: scratch.url)
        #expect(loaded.output == "21\n")
        #expect(loaded.status == 0)
    }

    @Test("lectern --help lists the subcommands, the REPL the default")
    func help() async throws {
        let run = try await PipedRun("", arguments: ["--help"])
        #expect(run.output.contains("repl (default)"))
        #expect(run.output.contains("run"))
        #expect(run.output.contains("bench"))
    }
}
