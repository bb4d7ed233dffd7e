import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LecternCourse
import LecternLanguage

/// `lectern check NAME FILE`: the student's self-check. Runs the exercise's visible tests on
/// FILE and prints the feedback (`ExerciseFeedback`): each test, what differs, the hint, the
/// score, and the number of hidden tests grading adds. Exit status 1 when a test fails.
/// `--all` runs the hidden tests too, for an instructor trying an exercise out.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check your solution of an exercise against its visible tests.",
        discussion: "Exit status 0 when every visible test passes, 1 otherwise.")

    @Argument(help: "The exercise: its name (01-conv-output-size), topic or number.")
    var name: String

    @Argument(help: "Your file (the starter you edited).")
    var file: String

    @Flag(help: "Run the hidden tests too and show them (for instructors checking an exercise; not recorded as your status).")
    var all = false

    @Option(name: .customLong("course"), help: "The course folder (a folder with exercises/).")
    var course: String?

    @Flag(name: .customLong("no-color"), help: "No colour, even on a terminal.")
    var noColor = false

    func run() throws {
        if noColor { setenv("NO_COLOR", "1", 1) }
        let course: Course, exercise: Exercise
        do throws(LessonError) {
            course = try CourseLocation.find(flag: self.course)
            exercise = try course.exercise(name)
        } catch {
            StandardError.write("lectern: \(error)\n")
            throw ExitCode(1)
        }
        let source: Source
        do {
            source = try ScriptFile.read(file)
        } catch {
            StandardError.write("lectern: \(error)\n")
            throw ExitCode(1)
        }
        let report = ExerciseRunner.run(exercise, .file(source), visibility: all ? .all : .visibleOnly)
        // Wrapped to a terminal; whole lines in a file or a pipe.
        let width = isatty(STDOUT_FILENO) != 0 ? TerminalSize.columns : nil
        print(ExerciseFeedback.text(report, checking: file, color: Terminal.colorAllowed(), width: width), terminator: "")
        if !all { ExerciseStatusStore(course: course).record(report) }
        if !report.allPassed { throw ExitCode(1) }
    }
}
