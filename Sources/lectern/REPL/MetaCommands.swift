import LecternLanguage

/// A command of the REPL itself, typed after `:`.
struct MetaCommand: Sendable {
    /// What follows the name, for usage lines and for what Tab completes there.
    enum Argument {
        case none, name, file, expression, lesson, exercise, number
    }

    let name: String
    /// `:help [NAME]`.
    let usage: String
    let summary: String
    let argument: Argument
    /// Runs the command with the text after its name (trimmed).
    let action: @Sendable (REPL, String) -> Void
}

/// The dispatch table. The lesson commands are in REPL+Lesson.swift and REPL+Stepping.swift.
enum MetaCommands {
    static let all: [MetaCommand] = [
        MetaCommand(name: "help", usage: ":help [NAME]", summary: "this overview, or the help of a builtin (also ?NAME)",
                    argument: .name) { $0.help($1) },
        MetaCommand(name: "vars", usage: ":vars", summary: "the session's variables: name, kind, shape, size",
                    argument: .none) { repl, _ in repl.listVariables() },
        MetaCommand(name: "time", usage: ":time EXPR", summary: "runs EXPR and says how long it took",
                    argument: .expression) { $0.time($1) },
        MetaCommand(name: "reset", usage: ":reset", summary: "forgets every variable and reseeds the random generator with 0",
                    argument: .none) { repl, _ in repl.reset() },
        MetaCommand(name: "save", usage: ":save FILE", summary: "writes the entries that ran without error, as a script",
                    argument: .file) { $0.save($1) },
        MetaCommand(name: "load", usage: ":load FILE", summary: "runs a script in this session",
                    argument: .file) { $0.load($1) },
        MetaCommand(name: "lesson", usage: ":lesson [NAME]", summary: "opens a lesson (by name, topic or number), or lists them",
                    argument: .lesson) { $0.lessonCommand($1) },
        MetaCommand(name: "lessons", usage: ":lessons", summary: "the lessons, with how far you got in each",
                    argument: .none) { repl, _ in repl.listLessons() },
        MetaCommand(name: "next", usage: ":next", summary: "the next step of the lesson (on your turn: checks your answer first)",
                    argument: .none) { repl, _ in repl.nextStep() },
        MetaCommand(name: "back", usage: ":back", summary: "the previous step of the lesson (earlier steps rerun silently)",
                    argument: .none) { repl, _ in repl.backStep() },
        MetaCommand(name: "goto", usage: ":goto N", summary: "step N of the lesson (the steps before it rerun silently)",
                    argument: .number) { $0.gotoStep($1) },
        MetaCommand(name: "where", usage: ":where", summary: "which lesson and step you are at",
                    argument: .none) { repl, _ in repl.whereInLesson() },
        MetaCommand(name: "restart", usage: ":restart", summary: "starts the lesson again from a fresh session",
                    argument: .none) { repl, _ in repl.restartLesson() },
        MetaCommand(name: "check", usage: ":check [NAME]", summary: "checks your answer on your turn in a lesson, or your functions against an exercise",
                    argument: .exercise) { $0.checkCommand($1) },
        MetaCommand(name: "exercise", usage: ":exercise [NAME]", summary: "shows an exercise's task (then :check checks it), or lists them",
                    argument: .exercise) { $0.exerciseCommand($1) },
        MetaCommand(name: "hint", usage: ":hint", summary: "a hint for your turn",
                    argument: .none) { repl, _ in repl.hint() },
        MetaCommand(name: "solution", usage: ":solution", summary: "the reference answer for your turn",
                    argument: .none) { repl, _ in repl.solution() },
        MetaCommand(name: "skip", usage: ":skip", summary: "skips your turn (its solution runs silently) and goes on",
                    argument: .none) { repl, _ in repl.skip() },
        MetaCommand(name: "quit", usage: ":quit", summary: "leaves Lectern (also Ctrl-D)",
                    argument: .none) { repl, _ in repl.quitRequested = true },
    ]

    /// Other names for commands.
    static let aliases = ["q": "quit", "exit": "quit", "h": "help"]

    static func named(_ name: String) -> MetaCommand? {
        let name = aliases[name] ?? name
        return all.first { $0.name == name }
    }
}

extension REPL {
    /// `:name argument` or `?NAME`. An unknown command suggests the nearest one.
    func runMetaCommand(_ line: String) {
        if line.hasPrefix("?") { return help(String(line.dropFirst()).trimmingBlanks) }
        let body = line.dropFirst()
        let name = String(body.prefix { $0 != " " && $0 != "\t" })
        let argument = String(body.dropFirst(name.count)).trimmingBlanks
        guard let command = MetaCommands.named(name) else {
            let nearest = Spelling.nearest(to: name, in: MetaCommands.all.map(\.name)).map { "; did you mean ':\($0)'?" }
            return fail("unknown command ':\(name)'" + (nearest ?? " (:help lists the commands)"))
        }
        if command.argument == .none, !argument.isEmpty {
            return fail(":\(command.name) takes nothing after it (usage: \(command.usage))")
        }
        command.action(self, argument)
    }

    /// A meta-command went wrong: a message, and the session counts as failed.
    func fail(_ message: String) {
        console.error(message)
        anyFailed = true
    }
}
