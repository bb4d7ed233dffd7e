import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LecternCourse

/// `lectern exercise`: lists the exercises with the student's status; `lectern exercise NAME`
/// shows one's task; `--start [FILE]` copies its starter to FILE (default `NAME.lec`), never
/// over a file that exists.
struct ExerciseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exercise",
        abstract: "List the exercises, show one's task, or copy its starter to a file (--start).",
        discussion: """
            An exercise is named by its folder (01-conv-output-size), its topic (conv-output-size) \
            or its number (1). Exercises come from --course DIR, else LECTERN_COURSE, else the \
            exercises shipped with Lectern. Check your work with 'lectern check NAME FILE'.
            """)

    @Argument(help: ArgumentHelp("The exercise to show; with --start, then the file to copy its starter to.", valueName: "name [file]"))
    var arguments: [String] = []

    @Flag(help: "Copy the exercise's starter to FILE (default: NAME.lec here); a file that exists is left as it is.")
    var start = false

    @Option(name: .customLong("course"), help: "The course folder (a folder with exercises/).")
    var course: String?

    @Flag(name: .customLong("no-color"), help: "No colour, even on a terminal.")
    var noColor = false

    func validate() throws {
        if start, arguments.isEmpty { throw ValidationError("--start needs the exercise: lectern exercise NAME --start [FILE]") }
        if arguments.count > (start ? 2 : 1) {
            throw ValidationError(start ? "give the exercise and at most one file" : "give one exercise (and --start FILE to copy its starter)")
        }
    }

    func run() throws {
        if noColor { setenv("NO_COLOR", "1", 1) }
        let course: Course, exercise: Exercise
        do throws(LessonError) {
            course = try CourseLocation.find(flag: self.course)
            guard let name = arguments.first else {
                return print(try ExerciseList.table(course, ExerciseStatusStore(course: course)), terminator: "")
            }
            exercise = try course.exercise(name)
        } catch {
            StandardError.write("lectern: \(error)\n")
            throw ExitCode(1)
        }
        // The commands to type next name the course when it was given here.
        let courseOption = self.course.map { " --course \($0)" } ?? ""
        if start { return try copyStarter(exercise, to: arguments.count > 1 ? arguments[1] : exercise.name + ".lec", courseOption) }
        let file = exercise.name + ".lec"
        print(ExerciseList.task(exercise, width: Terminal.colorAllowed() ? TerminalSize.columns : 80, color: Terminal.colorAllowed(),
                                commands: ("lectern exercise \(exercise.name) --start [FILE]\(courseOption)",
                                           "lectern check \(exercise.name) \(file)\(courseOption)")),
              terminator: "")
    }

    /// Writes the starter to `path`, unless something is there already.
    private func copyStarter(_ exercise: Exercise, to path: String, _ courseOption: String) throws {
        if access(path, F_OK) == 0 {
            StandardError.write("lectern: \(path) exists already; it is left as it is (give another FILE, or remove it to start afresh)\n")
            throw ExitCode(1)
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        let bytes = Array(exercise.starter.utf8)
        let written = descriptor >= 0 ? bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } : -1
        if descriptor >= 0 { close(descriptor) }
        guard written == bytes.count else {
            StandardError.write("lectern: cannot write \(path): \(String(cString: strerror(errno)))\n")
            throw ExitCode(1)
        }
        print("Wrote the starter of \(exercise.name) to \(path). Edit it, then: lectern check \(exercise.name) \(path)\(courseOption)")
    }
}
