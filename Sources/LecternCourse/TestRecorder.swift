import LecternLanguage

/// What the test builtins of one tests interpreter share: the tests `test(...)` declared,
/// the test running now (its tolerance), and the first expectation that failed in it.
///
/// Only the host reads it. A student's function runs in the tests interpreter and can call
/// the `expect_*` builtins, but that can only record a failure, never clear one: no builtin
/// resets `failure`, and a test passes only when its body ends with no failure and no error.
final class TestRecorder: @unchecked Sendable {
    /// A declared test and its body (a function of no arguments).
    struct Declared {
        var spec: TestCase
        var body: Value
    }

    private(set) var declared: [Declared] = []
    /// The test whose body runs now (nil while `tests.lec`'s top level runs).
    var running: TestCase?
    /// The first failed expectation of the running test: the text the student reads.
    private(set) var failure: TestFailure?

    /// Adds a test; false when its name is taken.
    func declare(_ spec: TestCase, body: Value) -> Bool {
        guard !declared.contains(where: { $0.spec.name == spec.name }) else { return false }
        declared.append(Declared(spec: spec, body: body))
        return true
    }

    /// Set when the running test called a function the student's file lacks: why it is missing.
    var missing: String?

    /// Records the first failure (later ones cannot happen: a failure stops the test).
    func fail(_ failure: TestFailure) {
        if self.failure == nil { self.failure = failure }
    }

    /// The tolerance `expect_close` uses when its call gives none.
    var tolerance: Tolerance {
        Tolerance(absolute: running?.atol ?? TestBuiltins.defaultAtol, relative: running?.rtol ?? TestBuiltins.defaultRtol)
    }
}
