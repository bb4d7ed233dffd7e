import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// What `lectern run`, `:load` and the history read (issue 16, item 5): regular files of at
/// most 16 MB, with a clear error for anything else, in bounded time; a byte-order mark is
/// accepted.
@Suite("bounded input: devices, FIFOs, huge files, byte-order marks")
struct BoundedInputTests {
    /// Opens the FIFO at `path` for writing after a few seconds and closes it at once, so a
    /// program that wrongly blocks on reading it gets an end of file instead of hanging the
    /// tests (and then fails them, as it read an empty script instead of refusing the FIFO).
    func unblockLater(_ path: String) {
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 5)
            let descriptor = open(path, O_WRONLY | O_NONBLOCK)
            if descriptor >= 0 { close(descriptor) }
        }
    }

    @Test("/dev/zero is refused by lectern run and :load, and the session keeps its variables")
    func devZero() async throws {
        let run = try await PipedRun("", arguments: ["run", "/dev/zero"])
        #expect(run.status == 1)
        #expect(run.errors == "lectern: cannot read '/dev/zero': it is a character device, not a regular file\n")
        let load = try await PipedRun("kept = 7\n:load /dev/zero\nkept\n")
        #expect(load.errors.contains("cannot read '/dev/zero': it is a character device, not a regular file"), "\(load.errors)")
        #expect(load.output == "7\n")
    }

    @Test("a FIFO as a script is refused at once, not waited on")
    func fifoScript() async throws {
        let scratch = try Scratch()
        let fifo = scratch.path + "/pipe.lec"
        #expect(mkfifo(fifo, 0o600) == 0)
        unblockLater(fifo)
        let run = try await PipedRun("", arguments: ["run", "pipe.lec"], directory: scratch.url)
        #expect(run.status == 1)
        #expect(run.errors.contains("cannot read 'pipe.lec': it is a FIFO (a named pipe), not a regular file"), "\(run.errors)")
        let load = try await PipedRun("kept = 7\n:load pipe.lec\nkept\n", directory: scratch.url)
        #expect(load.errors.contains("cannot read 'pipe.lec': it is a FIFO (a named pipe), not a regular file"), "\(load.errors)")
        #expect(load.output == "7\n")
    }

    @Test("a script over 16 MB is refused before it is read; standard input over 16 MB too")
    func hugeScript() async throws {
        let scratch = try Scratch()
        // A sparse file: 17 MB long, no disk used.
        #expect(FileManager.default.createFile(atPath: scratch.path + "/big.lec", contents: nil))
        #expect(truncate(scratch.path + "/big.lec", 17 << 20) == 0)
        let run = try await PipedRun("", arguments: ["run", "big.lec"], directory: scratch.url)
        #expect(run.status == 1)
        #expect(run.errors == "lectern: cannot read 'big.lec': it holds 17 MB, more than the 16 MB allowed\n")
        try scratch.write("big-input", String(repeating: "x = 1\n", count: (17 << 20) / 6))
        let piped = try await PipedRun("", arguments: ["run", "-"], inputFile: scratch.url.appendingPathComponent("big-input"))
        #expect(piped.status == 1)
        #expect(piped.errors == "lectern: cannot read standard input: it holds more than the 16 MB allowed\n")
        #expect(piped.output.isEmpty)
    }

    @Test("a byte-order mark at the start of a script is not an error, for lectern run and :load")
    func byteOrderMark() async throws {
        let scratch = try Scratch()
        let script = Data([0xEF, 0xBB, 0xBF] + Array("print(\"from a file saved by Notepad\")\n".utf8))
        try script.write(to: scratch.url.appendingPathComponent("bom.lec"))
        let run = try await PipedRun("", arguments: ["run", "bom.lec"], directory: scratch.url)
        #expect(run.status == 0 && run.output == "from a file saved by Notepad\n", "\(run.errors)")
        let load = try await PipedRun(":load bom.lec\n", directory: scratch.url)
        #expect(load.status == 0 && load.output == "from a file saved by Notepad\n", "\(load.errors)")
        let piped = try await PipedRun("\u{FEFF}print(1 + 1)\n", arguments: ["run", "-"])
        #expect(piped.status == 0 && piped.output == "2\n", "\(piped.errors)")
    }

    @Test("a 25,000-letter misspelt name: one short error, the next line still runs")
    func longName() async throws {
        let name = "prnt" + String(repeating: "a", count: 25_000)
        // Piped into the REPL, which goes on after an error.
        let run = try await PipedRun("\(name)(1)\nprint(\"next\")\n")
        #expect(run.status == 1)
        #expect(run.output == "next\n")
        #expect(run.errors.contains("is not defined"))
        #expect(run.errors.count < 1000, "\(run.errors.count) characters of errors")
    }

    @Test("a FIFO as the history file: the REPL starts, warns once, and saves no history")
    func fifoHistory() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path + "/state/lectern", withIntermediateDirectories: true)
        #expect(mkfifo(scratch.historyFile, 0o600) == 0)
        unblockLater(scratch.historyFile)
        let session = try TerminalSession([], environment: scratch.environment)
        let screen = try session.expectPrompt()
        #expect(screen.contains("it is a FIFO (a named pipe), not a regular file; this session's history will not be saved"))
        session.type("1 + 2\r")
        _ = try session.expect("3")
        try session.expectPrompt()
        session.type(":quit\r")
        #expect(session.waitForExit() == 0)
    }
}
