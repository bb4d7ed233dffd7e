#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import LecternCourse
import Synchronization

extension Gradebook.Format: ExpressibleByArgument {}

/// `lectern grade EXERCISE SUBMISSIONS... --format F --out PATH [--jobs N]`: grades a class.
/// Each submission (a `.lec` file, or a folder of them named for the student) runs every test,
/// hidden ones included, in its own limited child process (`GradeBatch`); the gradebook is
/// written to a temporary file and renamed over PATH, and a summary goes to stderr. One bad
/// submission never stops the batch: it gets a reason and zero. Exit status 0 when the
/// gradebook was written, whatever the scores.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade a class's submissions of an exercise, each in its own limited process.",
        discussion: "Formats: csv, json, junit (JUnit XML), gradescope. docs/grading.md has the details.")

    @Argument(help: "The exercise: its name (01-conv-output-size), topic or number.")
    var name: String

    @Argument(help: "The submissions: .lec files (the student is the file's name) or folders named for the students.")
    var submissions: [String] = []

    @Option(help: "The gradebook's format: csv, json, junit or gradescope.")
    var format: Gradebook.Format = .csv

    @Option(help: ArgumentHelp("The gradebook's file (replaced only once it is complete).", valueName: "PATH"))
    var out: String

    @Option(help: "Submissions graded at once (default: the number of cores).")
    var jobs: Int = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))

    @Option(name: .customLong("course"), help: "The course folder (a folder with exercises/).")
    var course: String?

    @OptionGroup var limits: GradeLimits

    func validate() throws {
        if submissions.isEmpty { throw ValidationError("give at least one submission (a .lec file or a student's folder)") }
        if jobs < 1 || jobs > 256 { throw ValidationError("--jobs must be between 1 and 256, not \(jobs)") }
    }

    func run() throws {
        let exercise = try Self.loadExercise(name, course: course)
        let start = ChildProcess.now()
        let roster = Roster(paths: submissions)
        let progress = GradeProgress(total: roster.entries.count)
        let results = GradeBatch(exercise: exercise, limits: limits, jobs: jobs, progress: progress.update).grade(roster)
        progress.clear()
        let gradebook = Gradebook(exercise: exercise, submissions: results.map(\.submission))
        guard Files.write(out, gradebook.text(format)) else {
            StandardError.write("lectern: cannot write the gradebook to '\(out)': \(String(cString: strerror(errno)))\n")
            throw ExitCode(1)
        }
        StandardError.write(GradeSummary.text(results, exercise: exercise, seconds: ChildProcess.now() - start, jobs: jobs, wrote: out))
    }

    /// The exercise from the course, or a clear error and exit status 1.
    static func loadExercise(_ name: String, course: String?) throws -> Exercise {
        do throws(LessonError) {
            return try CourseLocation.find(flag: course).exercise(name)
        } catch {
            StandardError.write("lectern: \(error)\n")
            throw ExitCode(1)
        }
    }
}

/// `grading 37 of 200` on standard error while grading, when it is a terminal.
final class GradeProgress: Sendable {
    let total: Int
    let shown: Bool

    init(total: Int) {
        self.total = total
        shown = isatty(2) == 1
    }

    func update(_ done: Int) {
        guard shown else { return }
        StandardError.write("\rgrading \(done) of \(total)")
    }

    func clear() {
        if shown { StandardError.write("\r\u{1B}[K") }
    }
}
