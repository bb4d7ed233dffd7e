import LecternLanguage
import TensorEngine

/// The builtins of `tests.lec`: `test` declares a test, the `expect_*` builtins check values
/// inside one. They exist only in the interpreter that runs an exercise's tests, never in a
/// student's session. A failed expectation records what differs (see `ValueComparison`) and
/// stops the test, as an assertion does.
public enum TestBuiltins {
    /// `expect_close`'s tolerance when neither the test nor the call gives one.
    static let defaultRtol = 1e-6, defaultAtol = 1e-9

    /// The builtins, bound to one recorder.
    static func make(_ recorder: TestRecorder) -> [Builtin] {
        [declare(recorder), equal(recorder), close(recorder), shape(recorder), truth(recorder), error(recorder)]
    }

    /// For the reference in docs/exercises.md (`lectern reference --tests`).
    public static var reference: [Builtin] { make(TestRecorder()) }

    private static func declare(_ recorder: TestRecorder) -> Builtin {
        Builtin("test", [.init("name"), .init("body"), .init("points", .number(1)), .init("hidden", .bool(false)),
                         .init("hint", .null), .init("rtol", .number(defaultRtol)), .init("atol", .number(defaultAtol)), .init("seed", .number(0))],
                category: .tests,
                summary: "Declares a test: body (a function of no arguments) runs in a fresh scope, the generator seeded with seed;"
                    + " it passes when it ends without a failed expect_* or an error, and earns its points.",
                example: "test(\"a 7x7 input\", fn() { expect_equal(7 - 3 + 1, 5) }, points=2, hint=\"N - F + 1\")") { args, _ in
            let name = try args.string("name")
            guard !name.trimmingBlanks.isEmpty else { throw LanguageError(.runtime, "test: the name must not be empty", args.range("name")) }
            guard case .function = args.value("body") else { throw args.wrongType("body", expected: "a function of no arguments, fn() { ... }") }
            guard recorder.running == nil else {
                throw LanguageError(.runtime, "test: tests are declared at the top of tests.lec, not inside a test", args.callRange)
            }
            let points = try args.number("points"), seed = try args.integer("seed")
            guard points >= 0, points.isFinite else { throw LanguageError(.runtime, "test: points must be 0 or more", args.range("points")) }
            guard seed >= 0 else { throw LanguageError(.runtime, "test: seed must not be negative", args.range("seed")) }
            let hint = args.isNone("hint") ? nil : try args.string("hint")
            let spec = TestCase(name: name, points: points, hidden: try args.bool("hidden"), hint: hint,
                                rtol: try args.number("rtol"), atol: try args.number("atol"), seed: seed)
            guard recorder.declare(spec, body: args.value("body")) else {
                throw LanguageError(.runtime, "test: there is a test called \"\(name)\" already (names must differ)", args.range("name"))
            }
            return .none
        }
    }

    private static func equal(_ recorder: TestRecorder) -> Builtin {
        Builtin("expect_equal", [.init("got"), .init("want"), .init("what", .null)], category: .tests,
                summary: "Fails the test unless got equals want exactly (numbers, tensors of the same shape, lists, records, none).",
                example: "expect_equal(7 // 2, 3, what=\"the whole part of 7 / 2\")") { args, interpreter in
            try check(ValueComparison.difference(args.value("got"), args.value("want"), nil), args, interpreter, recorder)
        }
    }

    private static func close(_ recorder: TestRecorder) -> Builtin {
        Builtin("expect_close", [.init("got"), .init("want"), .init("rtol", .null), .init("atol", .null), .init("what", .null)],
                category: .tests,
                summary: "Fails the test unless every number of got is within atol + rtol·|want| of want's (default: the test's"
                    + " rtol and atol); shapes must match.",
                example: "expect_close(softmax([0, 0]), [0.5, 0.5], rtol=1e-9)") { args, interpreter in
            var tolerance = recorder.tolerance
            if let rtol = try args.optionalNumber("rtol") { tolerance.relative = rtol }
            if let atol = try args.optionalNumber("atol") { tolerance.absolute = atol }
            return try check(ValueComparison.difference(args.value("got"), args.value("want"), tolerance), args, interpreter, recorder)
        }
    }

    private static func shape(_ recorder: TestRecorder) -> Builtin {
        Builtin("expect_shape", [.init("x"), .init("shape"), .init("what", .null)], category: .tests,
                summary: "Fails the test unless x is a tensor of the given shape.",
                example: "expect_shape(zeros(2, 3), [2, 3])") { args, interpreter in
            let want = try args.integers("shape")
            let difference: String?
            switch args.value("x") {
            case .tensor, .number:
                let got = args.value("x").tensorValue!.shape
                difference = got == want ? nil : "expected shape \(want), got \(got)"
            case let other:
                difference = "expected a tensor of shape \(want), got \(ValueComparison.describe(other))"
            }
            return try check(difference, args, interpreter, recorder)
        }
    }

    private static func truth(_ recorder: TestRecorder) -> Builtin {
        Builtin("expect_true", [.init("condition"), .init("message")], category: .tests,
                summary: "Fails the test with message unless condition is true.",
                example: "expect_true(1 < 2, \"one should be less than two\")") { args, interpreter in
            let message = try args.string("message")
            guard case let .bool(value) = args.value("condition") else { throw args.wrongType("condition", expected: "true or false") }
            return try check(value ? nil : message, args, interpreter, recorder, labelled: false)
        }
    }

    private static func error(_ recorder: TestRecorder) -> Builtin {
        Builtin("expect_error", [.init("f"), .init("contains", .null), .init("what", .null)], category: .tests,
                summary: "Calls f() and fails the test unless it stops with an error (whose message holds contains, if given).",
                example: "expect_error(fn() = zeros(2) @ zeros(3), contains=\"cannot be multiplied\")") { args, interpreter in
            let contains = args.isNone("contains") ? nil : try args.string("contains")
            let outcome = Result { () throws(LanguageError) in try interpreter.call(args.value("f"), [], [], args.callRange) }
            let difference: String?
            switch outcome {
            case let .success(value):
                difference = "expected an error, but it returned \(ValueComparison.describe(value))"
            case let .failure(error):
                // A failed expectation inside f, a limit or Ctrl-C is not the error expected.
                if recorder.failure != nil || error.kind != .runtime { throw error }
                let wrong = contains.map { !error.message.contains($0) } ?? false
                difference = wrong ? "expected an error saying \"\(contains!)\", got: \(error.message)" : nil
            }
            return try check(difference, args, interpreter, recorder)
        }
    }

    /// Passes (none) when `difference` is nil; otherwise records the failure, with the
    /// `what=` label and the call's line, and stops the test.
    private static func check(_ difference: String?, _ args: Arguments, _ interpreter: Interpreter, _ recorder: TestRecorder,
                              labelled: Bool = true) throws(LanguageError) -> Value {
        guard let difference else { return .none }
        let label = labelled && !args.isNone("what") ? try args.string("what") + ": " : ""
        let source = interpreter.runningSource
        let call = source.text(of: args.callRange).split(separator: "\n").first.map(String.init) ?? ""
        let line = source.location(of: args.callRange.start).line
        recorder.fail(TestFailure(message: label + difference, check: call, place: "\(source.name):\(line)"))
        throw LanguageError(.runtime, "expectation failed: " + label + difference, args.callRange)
    }
}

/// A failed expectation: what differs, the call that checked it, and where that call is.
struct TestFailure: Sendable {
    var message: String
    /// `expect_equal(conv_output_size(7, 3, stride=2), 3)` (its first line).
    var check: String
    /// `tests.lec:12`.
    var place: String
}
