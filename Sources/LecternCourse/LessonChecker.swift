/// `lectern lesson --check`: runs a lesson from a fresh session without a terminal and
/// reports every way it does not do what it says: a step whose output differs from its
/// output fence (with a diff), a step that fails without `output error` (or succeeds with
/// it), a check that passes before its solution ran, a solution that fails, a check the
/// solution does not pass.
public enum LessonChecker {
    /// One thing wrong, at a line of the lesson file.
    public struct Failure: Sendable, CustomStringConvertible {
        public let path: String
        public let line: Int
        public let step: Int
        public let message: String

        public var description: String { "\(path):\(line): step \(step): \(message)" }
    }

    public static func check(_ lesson: Lesson) -> [Failure] {
        let runner = StepRunner()
        var failures: [Failure] = []
        for (index, step) in lesson.steps.enumerated() {
            let number = index + 1
            func fail(_ line: Int, _ message: String) {
                failures.append(Failure(path: lesson.path, line: line, step: number, message: message))
            }
            if let turn = step.yourTurn {
                if runner.check(turn, step: number) == .passed {
                    fail(turn.conditionLine, "the check is true before the solution ran: it checks nothing the student does")
                }
                let solution = runner.run(turn.solution, name: "solution of step \(number)")
                if solution.failed {
                    fail(turn.solutionLine, "the solution fails:\n" + indent(solution.text))
                    continue
                }
                switch runner.check(turn, step: number) {
                case .passed: break
                case let .failed(message): fail(turn.conditionLine, "the solution does not pass the check (\(message))")
                case let .error(_, diagnostic): fail(turn.conditionLine, "the check fails with an error after the solution:\n" + indent(diagnostic))
                }
                continue
            }
            let output = runner.run(step.code, name: "step \(number)")
            guard let expected = step.expected else {
                if output.failed { fail(step.line + 1, "the step fails (an 'output error' fence would expect it):\n" + indent(output.text)) }
                continue
            }
            if output.failed != expected.isError {
                fail(expected.line - 1, output.failed
                    ? "the step fails, but its output fence does not say 'error':\n" + indent(output.text)
                    : "the output fence says 'error', but the step succeeds, printing:\n" + indent(output.text))
                continue
            }
            if let difference = OutputComparison.firstDifference(expected: expected.text, actual: output.text, tolerance: expected.tolerance) {
                let within = expected.tolerance.map { " (within atol=\($0.absolute), rtol=\($0.relative))" } ?? ""
                fail(expected.line + difference.line, "the output differs from its fence at line \(difference.line + 1) of it\(within) "
                    + "(- expected, + printed):\n" + OutputComparison.diff(expected: expected.text, actual: output.text, tolerance: expected.tolerance))
            }
        }
        return failures
    }

    private static func indent(_ text: String) -> String {
        OutputComparison.lines(text).map { "    " + $0 }.joined(separator: "\n")
    }
}
