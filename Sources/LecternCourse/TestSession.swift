import LecternLanguage
import LecternRender
import TensorEngine

/// The interpreters an exercise's code runs in. A student's file runs in one of its own (no
/// file access, its output dropped); `tests.lec` runs in another, the only one with the test
/// builtins, into which just the functions the starter defines are copied from the
/// student's. A submission therefore cannot redefine `expect_close` or `abs` for the tests,
/// nor reach the tests' variables: its functions see their own file's globals only.
enum TestSession {
    /// The name the tests' source goes by in messages (`tests.lec:12:5`).
    static let testsName = "tests.lec"

    /// A fresh interpreter for `tests.lec`: the test builtins, the pictures (a student's
    /// function may draw), and for each function the student's file lacks, a builtin of that
    /// name that stops the test with `missing[name]`.
    static func testsInterpreter(_ recorder: TestRecorder, missing: [String: String], limits: Limits,
                                 cancelledWith: ComputeGuard? = nil, output: @escaping (String) -> Void) -> Interpreter {
        let stubs = missing.keys.sorted().map { name in
            Builtin(name, [.init("arguments", variadic: true), .init("options", keywords: true)], category: .tests,
                    summary: "A function the student's file does not define.", example: name + "()") { args, _ in
                recorder.missing = missing[name]
                throw LanguageError(.runtime, missing[name] ?? "", args.callRange)
            }
        }
        return Interpreter(limits: limits, capabilities: [], extraBuiltins: TestBuiltins.make(recorder) + Pictures.builtins + stubs,
                           cancelledWith: cancelledWith, output: output)
    }

    /// Runs a student's files, in order, in a fresh interpreter: the functions `names` they
    /// defined (before any error), the names of all the functions they defined, and the error
    /// (which stops the files after it). What they print goes to `output` (by default nowhere).
    static func load(_ sources: [Source], names: [String], limits: Limits, output: @escaping (String) -> Void = { _ in })
        -> (functions: [String: Value], defined: [String], error: LanguageError?) {
        let interpreter = Interpreter(limits: limits, capabilities: [], extraBuiltins: Pictures.builtins, output: output)
        var failure: LanguageError?
        for source in sources where failure == nil {
            do throws(LanguageError) { try interpreter.run(source) } catch { failure = error }
        }
        return (definitions(names, in: interpreter), functionNames(interpreter), failure)
    }

    /// The globals of a session that hold functions, sorted.
    static func functionNames(_ interpreter: Interpreter) -> [String] {
        interpreter.globals.names.filter { if case .function? = interpreter.globals.lookup($0) { true } else { false } }
    }

    /// The values of `names` in a session's globals (those it has).
    static func definitions(_ names: [String], in interpreter: Interpreter) -> [String: Value] {
        var found: [String: Value] = [:]
        for name in names { found[name] = interpreter.globals.lookup(name) }
        return found
    }

    /// The functions a starter defines, in order of name: what a student must provide.
    static func functions(definedBy starter: String, path: String) throws(LessonError) -> [String] {
        let interpreter = Interpreter(capabilities: [], output: { _ in })
        do throws(LanguageError) { try interpreter.run(Source(name: path, text: starter, isFile: true)) } catch {
            throw lessonError(error, path, "the starter fails")
        }
        let names = functionNames(interpreter)
        guard !names.isEmpty else { throw LessonError(path, line: nil, "the starter defines no function (the tests call the functions it defines)") }
        return names
    }

    /// Runs `tests.lec` once, without a submission, for the tests it declares.
    static func declaredCases(_ tests: String, path: String, functions: [String]) throws(LessonError) -> [TestCase] {
        let recorder = TestRecorder()
        var missing: [String: String] = [:]
        for name in functions {
            missing[name] = "tests.lec calls '\(name)' outside a test: the student's functions exist only inside a test's body"
        }
        let interpreter = testsInterpreter(recorder, missing: missing, limits: .laptop, output: { _ in })
        do throws(LanguageError) { try interpreter.run(Source(name: path, text: tests, isFile: true)) } catch {
            throw lessonError(error, path, "tests.lec fails")
        }
        if let taken = functions.first(where: { interpreter.globals.lookup($0) != nil }) {
            throw LessonError(path, line: nil, "tests.lec defines '\(taken)', the name of the student's function: give the tests' own version another name")
        }
        guard !recorder.declared.isEmpty else { throw LessonError(path, line: nil, "tests.lec declares no test (test(\"name\", fn() { ... }))") }
        return recorder.declared.map(\.spec)
    }

    private static func lessonError(_ error: LanguageError, _ path: String, _ what: String) -> LessonError {
        let line = error.source.map { $0.location(of: error.range.start).line }
        return LessonError(path, line: line, what + ":\n" + Diagnostic.render(error))
    }
}
