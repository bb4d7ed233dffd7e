import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TensorEngine

/// `lectern` and `lectern repl`: the interactive notebook.
struct REPLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "The interactive notebook (what 'lectern' alone starts).",
        discussion: """
            On a terminal: line editing, history, Tab completion, Ctrl-C to stop a computation; \
            :help lists the commands. With piped input (lectern < notes.lec): no prompt or colour, \
            each entry runs as typed and values are printed; the exit status is 1 if any entry failed.
            """)

    @Flag(name: .customLong("no-color"), help: "No colour, even on a terminal.")
    var noColor = false

    @Option(name: .customLong("course"), help: "The course folder lessons come from (a folder with lessons/); default: LECTERN_COURSE, else the lessons shipped with Lectern.")
    var course: String?

    @Option(name: .customLong("memory"), help: ArgumentHelp(
        "The most memory the session's tensors may hold at once, such as 512M or 4G (default 2G).", valueName: "SIZE"))
    var memory: MemorySize?

    func run() throws {
        // NO_COLOR is what every part reads (messages, prompts, figures): the flag sets it.
        if noColor { setenv("NO_COLOR", "1", 1) }
        let status = REPL.start(courseFlag: course, memoryBudget: memory?.bytes)
        if status != 0 { throw ExitCode(status) }
    }
}

extension REPL {
    /// Starts the REPL on standard input and output; returns the exit status.
    static func start(courseFlag: String? = nil, lesson: String? = nil, memoryBudget: Int? = nil) -> Int32 {
        // Multibyte input (UTF-8) needs the locale; where it names none, C.UTF-8. Only the
        // character type: numbers print the same in every locale.
        setlocale(LC_CTYPE, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
        Kernels.keepFreedMemory()
        let interactive = isatty(0) == 1 && isatty(1) == 1
        let repl = REPL(interactive: interactive, color: interactive && Terminal.colorAllowed(), courseFlag: courseFlag)
        if let memoryBudget { repl.interpreter.limits.maxMemoryBytes = memoryBudget }
        // A course asked for by name that is not there is said at once, not at the first :lesson.
        if courseFlag != nil, case let .failure(error) = repl.course { repl.console.error("lectern: \(error)") }
        if !interactive {
            if let lesson { repl.openLesson(lesson) }
            return repl.run(PlainLines(showsPrompt: false))
        }
        Signals.cancelOnInterrupt(repl.interpreter.computeGuard)
        let entries = repl.historyFile?.load() ?? []
        repl.banner()
        if let lesson { repl.openLesson(lesson) }
        guard let editor = LineEditor(name: "lectern", history: entries) else { return repl.run(PlainLines(showsPrompt: true)) }
        editor.complete = { [unowned repl] line in repl.completions(forLine: line) }
        return repl.run(editor)
    }

    /// The first lines on a terminal.
    func banner() {
        console.writeLine(console.bold("Lectern \(Lectern.version)") + " — a notebook for learning convolutional networks.")
        console.writeLine(":help for help, :lesson to start the first lesson, Ctrl-D to leave.")
    }
}
