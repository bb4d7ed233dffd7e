import LecternLanguage
import TensorEngine

/// What is checked: a student's file, or the definitions of a session (the REPL's `:check`).
public enum Submission {
    /// The file runs afresh for every test, so that nothing one test does reaches the next.
    case file(Source)
    /// Several files (a student's folder), run in order in one interpreter, afresh for every
    /// test; the first error stops them, as in `lectern run`.
    case files([Source])
    /// The functions as the session has them now (their globals are the session's).
    case session(Interpreter)
}

extension Submission {
    var fileCount: Int {
        switch self {
        case .file: 1
        case let .files(sources): sources.count
        case .session: 0
        }
    }
}

/// Which tests run: the visible ones (`lectern check`, `:check`) or all (grading).
public enum Visibility: Sendable {
    case visibleOnly, all
}

/// Runs an exercise's tests against a submission and returns structured results.
///
/// Each test runs in a fresh tests interpreter (`TestSession`): `tests.lec` runs again from
/// its top, so every input a test builds is new, the generator is seeded with the test's
/// `seed`, and the student's functions (from a fresh run of their file) are the only names
/// copied in. An error in one test never stops the others. The scores come from the
/// recorder and the errors, never from anything printed.
public enum ExerciseRunner {
    /// The limits of one test (the student's file, then the test's body): an endless loop
    /// stops in seconds, not minutes.
    public static let limits = Limits(maxSteps: 50_000_000, maxSeconds: 30, maxOutputBytes: 100_000)
    /// The most characters of a test's output kept in its result.
    public static let outputLimit = 2000

    /// - Parameter output: receives what the student's code prints: its file's top level on
    ///   the first run (not the runs before each test) and every test's output. The grader's
    ///   child process writes it to its standard output; by default it is dropped.
    /// - Parameter cancelledWith: a session's guard (a REPL's, for `:check`): its Ctrl-C stops
    ///   the test running, and the tests after it are not run (the report holds those that ran).
    public static func run(_ exercise: Exercise, _ submission: Submission, visibility: Visibility,
                           limits: Limits = limits, cancelledWith: ComputeGuard? = nil,
                           output: @escaping (String) -> Void = { _ in }) -> ExerciseReport {
        var loadError: LanguageError?, defined: [String] = [], loaded: [String: Value] = [:]
        switch submission {
        case let .file(source): (loaded, defined, loadError) = TestSession.load([source], names: exercise.functions, limits: limits, output: output)
        case let .files(sources): (loaded, defined, loadError) = TestSession.load(sources, names: exercise.functions, limits: limits, output: output)
        case let .session(interpreter): defined = TestSession.functionNames(interpreter)
        }
        var missing: [String: String] = [:]
        for name in exercise.functions where !defined.contains(name) {
            missing[name] = missingMessage(name, submission, defined, syntaxError: loadError.map { $0.kind == .syntax || $0.kind == .incompleteInput } ?? false)
        }
        var results: [TestResult] = []
        for index in exercise.cases.indices where visibility == .all || !exercise.cases[index].hidden {
            if cancelledWith?.stopReason == .cancelled { break }
            // A file whose top level reaches a limit (an endless loop) is not run again for each test.
            results.append(runCase(index, exercise, submission, limits: limits, missing: missing,
                                   reusing: loadError?.kind == .limit ? loaded : nil, cancelledWith: cancelledWith, output: output))
        }
        return ExerciseReport(exercise: exercise.name, results: results, submissionError: loadError.map { Diagnostic.render($0) },
                              hiddenTests: exercise.hiddenCases.count, hiddenPoints: exercise.hiddenCases.reduce(0) { $0 + $1.points },
                              submissionReason: loadError.map { reason($0, namingFile: submission.fileCount > 1) })
    }

    /// A short, stable account of an error at the top of a file, for a gradebook's `reason`
    /// column: `syntax error at 3:7`, `runtime error at 12:5`, `limit: step limit reached at 4:3`;
    /// with the file's name (`at part2.lec:3:7`) when a submission has several.
    public static func reason(_ error: LanguageError, namingFile: Bool = false) -> String {
        let place = error.source.map { source in
            let (line, column) = source.location(of: error.range.start)
            return " at " + (namingFile ? source.name + ":" : "") + "\(line):\(column)"
        } ?? ""
        switch error.kind {
        case .syntax, .incompleteInput: return "syntax error" + place
        case .runtime: return "runtime error" + place
        case .cancelled: return "cancelled"
        case .limit:
            return "limit: " + (error.message.split(separator: ":").first.map(String.init) ?? "") + place
        }
    }

    /// One test, from fresh interpreters.
    /// - Parameter missing: why each function the submission lacks is missing.
    /// - Parameter reusing: the functions to use instead of running the file again.
    static func runCase(_ index: Int, _ exercise: Exercise, _ submission: Submission, limits: Limits, missing: [String: String],
                        reusing: [String: Value]? = nil, cancelledWith: ComputeGuard? = nil,
                        output: @escaping (String) -> Void = { _ in }) -> TestResult {
        let spec = exercise.cases[index]
        var result = TestResult(name: spec.name, points: spec.points, earned: 0, hidden: spec.hidden, status: .error,
                                message: nil, check: nil, hint: spec.hint, output: "")
        let functions: [String: Value]
        switch submission {
        case let .file(source): functions = reusing ?? TestSession.load([source], names: exercise.functions, limits: limits).functions
        case let .files(sources): functions = reusing ?? TestSession.load(sources, names: exercise.functions, limits: limits).functions
        case let .session(interpreter): functions = TestSession.definitions(exercise.functions, in: interpreter)
        }
        let recorder = TestRecorder()
        let tests = TestSession.testsInterpreter(recorder, missing: missing, limits: limits, cancelledWith: cancelledWith) { text in
            output(text)
            if result.output.count < outputLimit { result.output += String(text.prefix(outputLimit - result.output.count)) }
        }
        for (name, value) in functions { tests.globals.define(name, value) }
        do throws(LanguageError) {
            try tests.run(Source(name: TestSession.testsName, text: exercise.tests, isFile: true))
            guard index < recorder.declared.count, recorder.declared[index].spec.name == spec.name else {
                result.message = "tests.lec declared other tests on this run than when it was loaded (its tests must not depend on the submission)"
                return result
            }
            tests.rng = RandomGenerator(seed: UInt64(spec.seed))
            recorder.running = spec
            _ = try tests.call(recorder.declared[index].body, [], [], .none)
            result.status = .passed
            result.earned = spec.points
        } catch {
            if let missing = recorder.missing {
                result.message = missing
            } else if let failure = recorder.failure {
                result.status = .failed
                result.message = failure.message
                result.check = failure.place + ": " + failure.check
            } else {
                var error = error
                // The outermost frame is this runner calling the test's body: not the student's business.
                if recorder.running != nil, !error.trace.isEmpty { error.trace.removeLast() }
                result.message = Diagnostic.render(error)
                if error.kind == .limit { result.limit = reason(error, namingFile: submission.fileCount > 1) }
            }
        }
        return result
    }

    private static func missingMessage(_ name: String, _ submission: Submission, _ defined: [String], syntaxError: Bool) -> String {
        if syntaxError { return "not run: your file has a syntax error (above), so it defines no '\(name)'" }
        if case .session = submission { return "this session has no function '\(name)': define it (or :load your file), then :check again" }
        let others = defined.isEmpty ? "" : " (it defines " + defined.joined(separator: ", ") + ")"
        return "your file does not define the function '\(name)'\(others): the tests call it by the starter's name"
    }
}
