/// An exercise, as read from `exercises/NN-name/`: the task (`README.md`), what the student
/// edits (`starter.lec`), the reference answer (`solution.lec`) and the tests (`tests.lec`).
/// Loading it runs the starter and the tests once, so that a mistake in either is found
/// before any student's work is checked (`Exercise.load`).
public struct Exercise: Sendable {
    /// The folder's name, `01-conv-output-size`: the exercise's name everywhere.
    public let name: String
    /// The folder, as given by the course.
    public let directory: String
    /// The first `# ` heading of the README (else the name).
    public let title: String
    /// The README's lines (Markdown).
    public let readme: [String]
    public let starter: String
    public let solution: String
    /// The text of `tests.lec`.
    public let tests: String
    /// The functions the starter defines, which the tests call: the names taken from a
    /// student's file into the tests' scope, and no others.
    public let functions: [String]
    /// The tests `tests.lec` declares, in order.
    public let cases: [TestCase]

    public var starterPath: String { directory + "/starter.lec" }
    public var solutionPath: String { directory + "/solution.lec" }
    public var testsPath: String { directory + "/tests.lec" }

    /// `01` of `01-conv-output-size`.
    public var number: String { String(name.prefix { $0.isNumber }) }
    public var visibleCases: [TestCase] { cases.filter { !$0.hidden } }
    public var hiddenCases: [TestCase] { cases.filter(\.hidden) }
    public var points: Double { cases.reduce(0) { $0 + $1.points } }

    /// Reads the four files of `directory` and checks them: the starter must run and define
    /// at least one function; `tests.lec` must run, declare at least one test, and not
    /// define a function of the student's name.
    public static func load(name: String, directory: String) throws(LessonError) -> Exercise {
        func read(_ file: String) throws(LessonError) -> String {
            guard let text = Files.read(directory + "/" + file) else {
                throw LessonError(directory + "/" + file, line: nil, "cannot read this file (an exercise has README.md, starter.lec, solution.lec and tests.lec)")
            }
            return text
        }
        let readme = try read("README.md").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let starter = try read("starter.lec"), solution = try read("solution.lec"), tests = try read("tests.lec")
        let functions = try TestSession.functions(definedBy: starter, path: directory + "/starter.lec")
        let cases = try TestSession.declaredCases(tests, path: directory + "/tests.lec", functions: functions)
        let heading = readme.first { $0.hasPrefix("# ") }.map { String($0.dropFirst(2)).trimmingBlanks }
        return Exercise(name: name, directory: directory, title: heading ?? name, readme: readme, starter: starter,
                        solution: solution, tests: tests, functions: functions, cases: cases)
    }
}

/// One test of `tests.lec`, as `test(name, body, points=, hidden=, hint=, rtol=, atol=, seed=)`
/// declares it.
public struct TestCase: Sendable, Equatable, Codable {
    public var name: String
    public var points: Double
    /// Run at grading only; `lectern check` counts it but never shows it.
    public var hidden: Bool
    /// Shown to the student when the test fails.
    public var hint: String?
    /// The default tolerance of `expect_close` in this test: |got − want| ≤ atol + rtol·|want|.
    public var rtol: Double
    public var atol: Double
    /// The random generator is seeded with this before the test's body runs.
    public var seed: Int
}
