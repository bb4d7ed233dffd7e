import ArgumentParser
import LecternCourse

/// `lectern gradescope EXERCISE`: the autograder on Gradescope's machines. Grades the files
/// uploaded to `/autograder/submission` (its `.lec` files, in name order, as one student) as
/// `lectern grade` does, in a limited child process, and writes Gradescope's `results.json`
/// to `/autograder/results/results.json`. Both paths can be changed, to try it locally.
struct GradescopeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradescope",
        abstract: "Grade a Gradescope submission: read /autograder/submission, write /autograder/results/results.json.",
        discussion: "docs/gradescope.md shows the setup.sh and run_autograder to upload.")

    @Argument(help: "The exercise: its name (01-conv-output-size), topic or number.")
    var name: String

    @Option(help: ArgumentHelp("The folder of the student's files.", valueName: "DIR"))
    var submission = "/autograder/submission"

    @Option(help: ArgumentHelp("Where results.json goes.", valueName: "PATH"))
    var results = "/autograder/results/results.json"

    @Option(name: .customLong("course"), help: "The course folder (a folder with exercises/).")
    var course: String?

    @OptionGroup var limits: GradeLimits

    func run() throws {
        let exercise = try GradeCommand.loadExercise(name, course: course)
        var entry = Roster(paths: [submission]).entries[0]
        entry.student = "submission"
        let graded = GradeBatch(exercise: exercise, limits: limits, jobs: 1).grade(entry)
        let seconds = Int(graded.seconds.rounded(.up))
        guard Files.write(results, Gradebook.gradescopeResults(graded.submission, seconds: seconds)) else {
            StandardError.write("lectern: cannot write '\(results)'\n")
            throw ExitCode(1)
        }
        let submission = graded.submission
        StandardError.write("Graded \(self.submission) against \(exercise.name): \(Points.text(submission.score)) of \(Points.text(submission.maxScore))"
                            + (submission.reason.map { " (\($0))" } ?? "") + "; wrote \(results).\n")
    }
}
