/// One student's submission as the grader saw it: who, whether it ran to the end, why not,
/// what it printed, and each test's result. The gradebook formats (`Gradebook`) are written
/// from a list of these, sorted by student.
public struct GradedSubmission: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable {
        /// The tests ran; the score stands (a syntax error at the top of the file still grades:
        /// its tests fail, and `reason` says why).
        case graded
        /// The submission could not be graded: it ran out of time or memory, crashed, or could
        /// not be read. Every test scores zero.
        case error
    }

    /// The folder's or the file's name without `.lec`.
    public var student: String
    public var status: Status
    /// Stable words: `timeout`, `memory`, `crashed (signal 6)`, `unreadable: ...`,
    /// `syntax error at 3:7`, `limit: step limit reached at 4:3`; nil when nothing went wrong.
    public var reason: String?
    /// What the submission printed, cut at `GradedSubmission.outputLimit` bytes.
    public var output: String
    /// Every test of the exercise, in the order `tests.lec` declares them.
    public var tests: [TestResult]

    /// The most bytes of a submission's output kept: 64 KiB.
    public static let outputLimit = 65536

    public init(student: String, status: Status, reason: String?, output: String, tests: [TestResult]) {
        self.student = student
        self.status = status
        self.reason = reason
        self.output = output
        self.tests = tests
    }

    /// A submission that ran: the runner's report. Its reason is the error at the top of its
    /// file, else the first limit that stopped a test (an endless loop in the function).
    public init(student: String, report: ExerciseReport, output: String) {
        self.init(student: student, status: .graded, reason: report.submissionReason ?? report.results.lazy.compactMap(\.limit).first,
                  output: output, tests: report.results)
    }

    /// A submission that could not be graded: every test of `exercise` at zero, with `reason`
    /// as its message.
    public static func failed(_ student: String, _ exercise: Exercise, reason: String, output: String = "") -> GradedSubmission {
        let tests = exercise.cases.map { spec in
            TestResult(name: spec.name, points: spec.points, earned: 0, hidden: spec.hidden, status: .error,
                       message: "not graded: " + reason, check: nil, hint: nil, output: "")
        }
        return GradedSubmission(student: student, status: .error, reason: reason, output: output, tests: tests)
    }

    public var score: Double { tests.reduce(0) { $0 + $1.earned } }
    public var maxScore: Double { tests.reduce(0) { $0 + $1.points } }
}

extension TestResult {
    /// The message, the check and the hint, one a line: what an instructor reads in a gradebook.
    var fullMessage: String {
        [message, check.map { "check: " + $0 }, hint.flatMap { status == .passed ? nil : "hint: " + $0 }]
            .compactMap { $0 }.joined(separator: "\n")
    }
}
