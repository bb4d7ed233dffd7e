/// How one test of an exercise came out: a value the grader can store or send over a pipe
/// (it is `Codable`), never text to be parsed.
public struct TestResult: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable {
        case passed
        /// An `expect_*` found a difference.
        case failed
        /// An error stopped the test: in the student's function, a function the file does not
        /// define, a limit (an endless loop).
        case error
    }

    public var name: String
    /// The points the test is worth, and those earned (all or none).
    public var points: Double
    public var earned: Double
    public var hidden: Bool
    public var status: Status
    /// What went wrong: expected against got, or the error's diagnostic with its caret. It may
    /// quote the test's code: show it to a student only for a visible test.
    public var message: String?
    /// The expectation that failed and where: `tests.lec:12: expect_equal(f(7, 3), 5)`.
    public var check: String?
    public var hint: String?
    /// What the test printed (the student's `print`s), cut at `ExerciseRunner.outputLimit`.
    public var output: String
    /// The limit that stopped the test, in the words of `ExerciseRunner.reason`
    /// (`limit: step limit reached at 3:5`); nil when none did.
    public var limit: String? = nil
}

/// The results of one submission against one exercise.
public struct ExerciseReport: Sendable, Equatable, Codable {
    public var exercise: String
    /// The tests that ran, in the order `tests.lec` declares them.
    public var results: [TestResult]
    /// A syntax or runtime error at the top level of the student's file, rendered with its
    /// caret (the tests still run with what was defined before it).
    public var submissionError: String?
    /// The exercise's hidden tests, run or not: `lectern check` gives their number, not them.
    public var hiddenTests: Int
    public var hiddenPoints: Double
    /// That top-level error in a few stable words (`syntax error at answer.lec:3:7`): what a
    /// gradebook's `reason` column says (`ExerciseRunner.reason`).
    public var submissionReason: String? = nil

    public var earned: Double { results.reduce(0) { $0 + $1.earned } }
    public var possible: Double { results.reduce(0) { $0 + $1.points } }
    public var passedCount: Int { results.filter { $0.status == .passed }.count }
    public var allPassed: Bool { passedCount == results.count }
}
