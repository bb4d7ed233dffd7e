import Foundation
@testable import LecternCourse
import LecternLanguage
import Testing

/// The exercises shipped in exercises/ (their solutions, starters and a hard-coded answer
/// each), the feedback `lectern check` prints (golden text), and the isolation of a
/// submission from its tests (on the fixture course's exercise, `01-scale`).
@Suite("exercises")
struct ExerciseTests {
    static let shipped = Course(directory: Places.root)

    static func run(_ exercise: Exercise, _ text: String, name: String = "answer.lec", _ visibility: Visibility = .all,
                    limits: Limits = ExerciseRunner.limits) -> ExerciseReport {
        ExerciseRunner.run(exercise, .file(Source(name: name, text: text, isFile: true)), visibility: visibility, limits: limits)
    }

    static func summary(_ report: ExerciseReport) -> String {
        report.results.map { "\($0.name): \($0.status) \($0.message ?? "")" }.joined(separator: "\n")
    }

    @Test("every shipped exercise: the solution scores full marks, the starter does not, a hard-coded answer fails a hidden test")
    func everyExercise() throws {
        let names = try Self.shipped.exerciseNames()
        #expect(names.count >= 2)
        for name in names {
            let exercise = try Self.shipped.exercise(name)
            #expect(!exercise.hiddenCases.isEmpty, "\(name) has no hidden test")
            #expect(exercise.cases.count >= 2, "\(name) gives no partial credit (one test)")
            let solution = Self.run(exercise, exercise.solution, name: "solution.lec")
            #expect(solution.earned == exercise.points, "\(name): solution.lec scores \(solution.earned) of \(exercise.points)\n\(Self.summary(solution))")
            #expect(solution.submissionError == nil)
            let starter = Self.run(exercise, exercise.starter, name: "starter.lec")
            #expect(starter.earned < exercise.points, "\(name): starter.lec scores full marks")
            let path = Places.tests + "/Fixtures/hardcoded/\(name).lec"
            let hardcoded = try #require(try? String(contentsOfFile: path, encoding: .utf8), "no hard-coded answer \(path) for \(name)")
            let report = Self.run(exercise, hardcoded, name: "hardcoded.lec")
            let visible = report.results.filter { !$0.hidden }, hidden = report.results.filter(\.hidden)
            #expect(visible.allSatisfy { $0.status == .passed }, "\(name): the hard-coded answer fails a visible test\n\(Self.summary(report))")
            #expect(hidden.contains { $0.status != .passed }, "\(name): the hard-coded answer passes every hidden test")
        }
    }

    /// Feedback of `lectern check` (the text it prints, without colour) for six mistakes.
    @Test("feedback for a wrong value (a number, a tensor), a wrong shape, an error in the function, a missing function, a syntax error",
          arguments: [("wrong-value", "01-conv-output-size"), ("wrong-gradient", "08-softmax-loss"), ("wrong-shape", "08-softmax-loss"),
                      ("error-in-function", "01-conv-output-size"), ("missing-function", "01-conv-output-size"),
                      ("syntax-error", "01-conv-output-size")])
    func feedback(_ fixture: String, _ exercise: String) throws {
        let path = Places.tests + "/Fixtures/feedback/" + fixture
        let report = Self.run(try Self.shipped.exercise(exercise), try String(contentsOfFile: path + ".lec", encoding: .utf8), .visibleOnly)
        let text = ExerciseFeedback.text(report, checking: "answer.lec", color: false)
        #expect(!report.allPassed)
        if ProcessInfo.processInfo.environment["LECTERN_UPDATE_GOLDEN"] == "1" {
            try text.write(toFile: path + ".txt", atomically: true, encoding: .utf8)
        }
        let golden = try #require(try? String(contentsOfFile: path + ".txt", encoding: .utf8),
                                  "no golden file \(fixture).txt: run with LECTERN_UPDATE_GOLDEN=1 and review it\n\(text)")
        #expect(text == golden, "feedback for \(fixture) differs from its golden file:\n\(text)")
    }

    @Test("a check hides the hidden tests: only visible ones run, and the report counts the hidden ones")
    func visibleOnly() throws {
        let exercise = try Course(directory: Places.fixtureCourse).exercise("scale")
        let report = Self.run(exercise, exercise.solution, .visibleOnly)
        #expect(report.results.map(\.name) == ["a number", "a tensor"])
        #expect(report.hiddenTests == 1 && report.hiddenPoints == 1)
        #expect(report.earned == 3 && report.allPassed)
        let text = ExerciseFeedback.text(report, checking: "answer.lec", color: false)
        #expect(text.contains("Grading also runs 1 hidden test (1 point)"))
        #expect(!text.contains("another k"))
    }

    @Test("a submission cannot redefine the test builtins or the tests' builtins")
    func cannotRedefineChecks() throws {
        let exercise = try Course(directory: Places.fixtureCourse).exercise("scale")
        let report = Self.run(exercise, """
            fn expect_equal(got, want, what=none) = none
            fn expect_close(got, want, rtol=none, atol=none, what=none) = none
            fn scale(x, k=2) = x * k + 1
            """)
        #expect(report.results.allSatisfy { $0.status == .failed }, "\(Self.summary(report))")
        #expect(report.results.first?.message == "expected 6, got 7")
    }

    @Test("each test gets a fresh run of the submission: state a function keeps does not reach the next test")
    func freshPerTest() throws {
        let exercise = try Course(directory: Places.fixtureCourse).exercise("scale")
        let report = Self.run(exercise, """
            calls = []
            fn scale(x, k=2) {
              calls.append(1)
              if len(calls) > 1 { return 0 }
              return x * k
            }
            """)
        #expect(report.allPassed, "\(Self.summary(report))")
    }

    @Test("an endless loop stops at the limit and fails its test; an error at the top of the file still lets the tests run")
    func limitsAndTopLevelErrors() throws {
        let exercise = try Course(directory: Places.fixtureCourse).exercise("scale")
        let looping = Self.run(exercise, "fn scale(x, k=2) {\n  while true { x = x }\n}", limits: Limits(maxSteps: 100_000, maxSeconds: 10))
        #expect(looping.results.allSatisfy { $0.status == .error && $0.message?.contains("step limit") == true }, "\(Self.summary(looping))")
        // A file stuck at its top level runs once, not once more for each of the 3 tests:
        // the whole run takes about as long as one run of the file (4 runs would take 4 times).
        let stuckFile = "fn scale(x, k=2) = x * k\nwhile true { }\n", stuckLimits = Limits(maxSteps: 3_000_000, maxSeconds: 30)
        let once = ContinuousClock.now
        _ = TestSession.load([Source(name: "answer.lec", text: stuckFile)], names: ["scale"], limits: stuckLimits)
        let oneRun = once.duration(to: .now)
        let start = ContinuousClock.now
        let stuck = Self.run(exercise, stuckFile, limits: stuckLimits)
        let whole = start.duration(to: .now)
        #expect(stuck.allPassed && stuck.submissionError?.contains("step limit") == true, "\(Self.summary(stuck))")
        #expect(whole < oneRun * 2.5, "the file ran again for every test: \(whole) against \(oneRun) for one run")
        let broken = Self.run(exercise, "fn scale(x, k=2) = x * k\ny = undefined_name\n")
        #expect(broken.allPassed)
        #expect(broken.submissionError?.contains("'undefined_name' is not defined") == true)
        #expect(broken.submissionError?.contains("answer.lec:2:5") == true)
    }

    @Test("the REPL's session can be checked: its current definitions are the submission")
    func session() throws {
        let exercise = try Course(directory: Places.fixtureCourse).exercise("scale")
        let interpreter = Interpreter(output: { _ in })
        try interpreter.run(Source(name: "cell 1", text: "fn scale(x, k=2) = x * k"))
        #expect(ExerciseRunner.run(exercise, .session(interpreter), visibility: .all).allPassed)
        let empty = ExerciseRunner.run(exercise, .session(Interpreter(output: { _ in })), visibility: .visibleOnly)
        #expect(empty.results.first?.message?.contains("this session has no function 'scale'") == true)
    }

    @Test("mistakes in an exercise's files are reported at load: a test calling the student's function outside a test, twice the same name, no test")
    func loadErrors() throws {
        let directory = NSTemporaryDirectory() + "lectern-exercise-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        func load(_ tests: String) -> String? {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for (file, text) in [("README.md", "# X\n"), ("starter.lec", "fn f(x) = 0\n"), ("solution.lec", "fn f(x) = x\n"), ("tests.lec", tests)] {
                try? text.write(toFile: directory + "/" + file, atomically: true, encoding: .utf8)
            }
            do { _ = try Exercise.load(name: "99-x", directory: directory); return nil } catch { return error.description }
        }
        #expect(load("test(\"a\", fn() { expect_equal(f(1), 1) })\n") == nil)
        #expect(load("y = f(1)\n")?.contains("tests.lec calls 'f' outside a test") == true)
        #expect(load("test(\"a\", fn() { })\ntest(\"a\", fn() { })\n")?.contains("there is a test called \"a\" already") == true)
        #expect(load("x = 1\n")?.contains("declares no test") == true)
        #expect(load("fn f(x) = x\ntest(\"a\", fn() { })\n")?.contains("defines 'f', the name of the student's function") == true)
    }

    @Test("a status is kept per course: not started, attempted, passing visible tests")
    func status() throws {
        let state = NSTemporaryDirectory() + "lectern-state-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: state) }
        let course = Course(directory: Places.fixtureCourse)
        let store = ExerciseStatusStore(course: course, environment: { $0 == "XDG_STATE_HOME" ? state : nil })
        let exercise = try course.exercise("01")
        #expect(store.load(exercise.name) == .notStarted)
        store.record(Self.run(exercise, exercise.starter, .visibleOnly))
        #expect(store.load(exercise.name) == .attempted)
        store.record(Self.run(exercise, exercise.solution, .visibleOnly))
        #expect(store.load(exercise.name) == .passing)
        #expect(store.directory?.hasPrefix(state + "/lectern/exercises/") == true)
    }

    @Test("every test builtin's example runs as written in a tests interpreter, and passes")
    func examples() throws {
        for builtin in TestBuiltins.reference {
            let recorder = TestRecorder()
            let interpreter = TestSession.testsInterpreter(recorder, missing: [:], limits: .laptop, output: { _ in })
            if builtin.name != "test" { recorder.running = TestCase(name: "x", points: 1, hidden: false, hint: nil, rtol: 1e-6, atol: 1e-9, seed: 0) }
            #expect(throws: Never.self, "\(builtin.example)") { try interpreter.run(Source(name: "example", text: builtin.example)) }
            #expect(recorder.failure == nil, "\(builtin.example)")
        }
    }

    @Test("docs/exercises.md holds the test builtins' reference generated from the registry (run `make docs` after changing them)")
    func referenceIsCurrent() throws {
        let text = try String(contentsOfFile: Places.root + "/docs/exercises.md", encoding: .utf8)
        var generated = Reference.markdown(TestBuiltins.reference)
        while generated.hasSuffix("\n") { generated.removeLast() }  // as the shell's $(...) in scripts/update-reference.sh
        #expect(text.contains("<!-- BEGIN REFERENCE -->\n\n" + generated + "\n<!-- END REFERENCE -->"))
    }
}
