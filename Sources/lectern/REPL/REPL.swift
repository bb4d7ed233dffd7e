#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LecternCourse
import LecternLanguage
import LecternRender
import TensorEngine

/// The read-eval-print loop. Each entry (one line, or several while a bracket, block or
/// string is open) runs as one cell of one session; a line starting with `:` or `?` is a
/// meta-command instead.
///
/// On a terminal: prompts, colour, line editing, history, completion, Ctrl-C. With piped
/// input: no prompt and no colour, each entry still runs as typed and the values of bare
/// expressions are still printed (so `lectern < notes.lec` shows what a session would), and
/// the exit status is 1 if any entry failed.
final class REPL {
    let interpreter: Interpreter
    let console: Console
    /// Whether a person is typing: a terminal on standard input and output.
    let interactive: Bool
    let catalog: any CourseCatalog
    let progress: ProgressLine
    /// The history file; nil with piped input (a script does not belong in the history).
    let historyFile: LineHistory?
    private(set) var reader: (any LineReader)?

    /// The entry being typed, while it is unfinished.
    var pending = Entry()
    /// Cells run so far: the next is "cell \(cellCount + 1)".
    var cellCount = 0
    /// The line of the input where the current entry started (for messages in piped mode).
    var entryLine = 1
    /// The code of the entries that ran without error, for `:save`.
    var inputs: [String] = []
    var anyFailed = false
    var quitRequested = false
    /// The course lessons come from, or why there is none (`--course`, `LECTERN_COURSE`, shipped).
    let course: Result<Course, LessonError>
    /// The lesson being stepped through, if one is open.
    var lessonState: LessonState?
    /// The exercise opened last (`:exercise NAME`, `:check NAME`): what `:check` alone checks
    /// when no lesson waits for an answer.
    var currentExercise: String?

    init(interactive: Bool, color: Bool, courseFlag: String? = nil) {
        let course = Result { () throws(LessonError) in try CourseLocation.find(flag: courseFlag) }
        self.course = course
        let catalog: any CourseCatalog = (try? course.get()).map { FolderCatalog(course: $0) } ?? EmptyCatalog()
        let console = Console(color: color)
        let progress = ProgressLine(enabled: interactive, console: console)
        self.console = console
        self.progress = progress
        self.interactive = interactive
        self.catalog = catalog
        self.historyFile = interactive ? LineHistory(warn: { console.error($0) }) : nil
        // The REPL is where a person works: it may read and write the files they name (and
        // save figures as SVG).
        interpreter = Interpreter(capabilities: [.readFiles, .writeFiles, .clock], extraBuiltins: Pictures.builtins, output: { text in
            progress.clear()
            console.write(text)
        })
        interpreter.progress = { progress.update($0) }
    }

    /// Reads and runs entries until the input ends or `:quit`; returns the exit status.
    func run(_ reader: any LineReader) -> Int32 {
        self.reader = reader
        var lineNumber = 0
        while !quitRequested {
            let prompt: Prompt = pending.isEmpty ? .primary(color: console.color) : .secondary(color: console.color)
            // A Ctrl-C that stopped the last entry is spent once the next line is read; one
            // pressed after that (Ctrl-C is a signal again) stops the new entry, even before it
            // starts running.
            switch reader.read(prompt: prompt, taken: { interpreter.computeGuard.resumeAfterCancel() }) {
            case .end where interactive && !pending.isEmpty:
                // Ctrl-D in the middle of an entry gives up the entry, not the session.
                abandonEntry()
            case .end:
                finishAtEnd()
                return interactive || !anyFailed ? 0 : 1
            case .interrupted:
                pending = Entry()
                console.write("\n")
            case let .line(text):
                lineNumber += 1
                if pending.isEmpty { entryLine = lineNumber }
                if submit(text) { pending = Entry() }
            }
        }
        console.flush()
        return interactive || !anyFailed ? 0 : 1
    }

    /// Adds `line` to the entry typed so far and runs the entry when it is finished; false
    /// when it is unfinished and the next line continues it.
    private func submit(_ line: String) -> Bool {
        let trimmed = line.trimmingBlanks
        if pending.isEmpty, trimmed.hasPrefix(":") || trimmed.hasPrefix("?") {
            remember(line)
            runMetaCommand(trimmed)
            return true
        }
        if pending.isEmpty, trimmed.isEmpty { return true }
        guard pending.append(line) else { return false }
        let text = pending.text
        // Into the history before it runs: a crash or a kill during a long computation
        // loses nothing.
        remember(text)
        runCell(text, firstLine: entryLine)
        return true
    }

    /// Ctrl-D at the secondary prompt: the unfinished entry goes to the history and is
    /// reported as unfinished; the session goes on.
    private func abandonEntry() {
        let text = pending.text
        let unfinished = pending.unfinished
        pending = Entry()
        remember(text)
        console.write("\n")
        if var error = unfinished {
            error.source = Source(name: "cell \(cellCount + 1)", text: text)
            cellCount += 1
            report(error)
        }
    }

    /// The input ended (Ctrl-D, or the end of a pipe) in the middle of an entry.
    private func finishAtEnd() {
        if !pending.isEmpty {
            let text = pending.text
            remember(text)
            if !interactive, case let .incomplete(error) = runCell(text, firstLine: entryLine) { report(error) }
        }
        if interactive { console.write("\n") }
        console.flush()
    }

    /// Keeps an entry in the history: the editor's, and the file's.
    func remember(_ entry: String) {
        reader?.remember(entry)
        historyFile?.append(entry)
    }

    /// A diagnostic on standard error; the session has failed (for the exit status).
    func report(_ error: LanguageError) {
        progress.clear()
        var error = error
        if error.kind == .cancelled, interactive {
            // The terminal has echoed "^C" where the cursor was: on a line of its own, it goes.
            console.write(console.atLineStart ? "\r\u{1B}[K" : "\n")
            error.message = "stopped by Ctrl-C; every variable is kept (an object changed in place, "
                + "such as a model in the middle of fit, keeps its changes)"
        }
        console.error(Diagnostic.render(error, style: .forTerminal(color: console.color)))
        anyFailed = true
    }
}
