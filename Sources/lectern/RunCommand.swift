import ArgumentParser
import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LecternLanguage
import LecternRender
import TensorEngine

/// `lectern run FILE...` and `lectern run -`: runs scripts in one session, in order.
/// A script prints only what it prints with `print`. Exit status 0 on success; on an error,
/// the diagnostic goes to stderr (FILE:LINE:COL) and the status is 1. Scripts read and write
/// no file unless `--allow-read DIR` / `--allow-write DIR` grant a directory.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run Lectern scripts (.lec files); '-' reads the script from standard input.")

    @Argument(help: "Script files, run in order in one session; '-' for standard input.")
    var files: [String]

    @Option(name: .customLong("allow-read"), help: ArgumentHelp(
        "Let the scripts read files under DIR (load_csv, load_image); repeatable.", valueName: "DIR"))
    var allowRead: [String] = []

    @Option(name: .customLong("allow-write"), help: ArgumentHelp(
        "Let the scripts write files under DIR (savefig); repeatable.", valueName: "DIR"))
    var allowWrite: [String] = []

    @Option(name: .customLong("memory"), help: ArgumentHelp(
        "The most memory the scripts' tensors may hold at once, such as 512M or 4G (default 2G).", valueName: "SIZE"))
    var memory: MemorySize?

    @Option(name: .customLong("time"), help: ArgumentHelp(
        "The most seconds each script may run (default 600).", valueName: "SECONDS"))
    var seconds: Double?

    func validate() throws {
        if let seconds, !(seconds > 0) { throw ValidationError("--time: give a number of seconds above 0") }
        if files.isEmpty { throw ValidationError("give at least one script file, or '-' for standard input") }
    }

    func run() throws {
        Kernels.keepFreedMemory()
        // Into a file or a pipe, each line goes out as it is printed: a grader that kills a
        // slow script still has everything it printed.
        if isatty(1) != 1 { setvbuf(lectern_stdout(), nil, _IOLBF, 0) }
        var access = FileAccess.none
        do {
            for directory in allowRead { try access.grant(.read, under: directory) }
            for directory in allowWrite { try access.grant(.write, under: directory) }
        } catch {
            throw ValidationError("--allow-read/--allow-write: \(error)")
        }
        var capabilities: Capabilities = [.clock]
        if access.allows(.read) { capabilities.insert(.readFiles) }
        if access.allows(.write) { capabilities.insert(.writeFiles) }
        var limits = Limits.laptop
        if let memory { limits.maxMemoryBytes = memory.bytes }
        if let seconds { limits.maxSeconds = seconds }
        let interpreter = Interpreter(limits: limits, capabilities: capabilities, fileAccess: access, extraBuiltins: Pictures.builtins)
        Signals.stopOnTermination(interpreter.computeGuard)
        for file in files {
            let source: Source
            do {
                source = try ScriptFile.read(file)
            } catch {
                StandardError.write("lectern: \(error)\n")
                throw ExitCode(1)
            }
            do {
                try interpreter.run(source)
            } catch {
                var error = error
                if error.kind == .cancelled, Signals.received != 0 {
                    error.message = "stopped by signal \(Signals.received) (\(Signals.received == SIGTERM ? "SIGTERM" : "SIGINT"))"
                }
                StandardError.write(Diagnostic.render(error, style: .forTerminal(color: Terminal.colorAllowed(stderr: true))))
                // 128 + the signal, as a shell reports a process a signal ended.
                throw ExitCode(error.kind == .cancelled && Signals.received != 0 ? 128 + Signals.received : 1)
            }
        }
    }
}
