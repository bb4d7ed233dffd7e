import LecternRender
/// What a student reads after `lectern check` or `:check`: an error at the top of their file
/// with its caret, then each visible test with its points, and for a failure what differs
/// (expected against got, shapes, the first differing element), the check that found it,
/// the hint and what the test printed; then the score, and how many hidden tests grading
/// adds (never what they are).
///
///     ✓ a 7x7 input and a 3x3 filter (1 point)
///     ✗ stride 2 on a 7x7 input (1 point)
///         expected 3, got 2.5
///         check: tests.lec:9: expect_equal(conv_output_size(7, 3, stride=2), 3)
///         hint: the formula counts the filter's positions: (N - F + 2P) / S + 1
///
///     Score: 1 of 2 points (1 of 2 visible tests pass).
public enum ExerciseFeedback {
    /// - Parameter width: a terminal's width: the lines of prose (a test's name, its hint, the
    ///   score) are wrapped at spaces to it; nil leaves every line whole (a file, a pipe).
    public static func text(_ report: ExerciseReport, checking what: String, color: Bool, width: Int? = nil) -> String {
        func paint(_ style: TextStyle, _ text: String) -> String { style.apply(text, enabled: color) }
        let wrapper = width.map { ProseRenderer(width: $0, color: color) }
        /// `text` after `prefix`, its later lines after `hanging`: one line without a width.
        func wrapped(_ prefix: String, _ text: String, hanging: String) -> [String] {
            guard let wrapper else { return [prefix + text] }
            return wrapper.wrap(text, prefix, hanging)
        }
        let hiddenRun = report.results.contains(where: \.hidden)
        let kind = hiddenRun ? "test" : "visible test"
        var lines = wrapped("", "Checking \(what) against \(report.exercise) (\(plural(report.results.count, kind))).", hanging: "")
        if let error = report.submissionError {
            let headline = error.hasPrefix("syntax error") ? "your file has a syntax error, so none of it ran:"
                : "your file stops with an error (the tests run with what it defined before it):"
            lines += ["", paint(.boldRed, "✗") + " " + headline]
            lines += indent(error, 4)
        }
        lines.append("")
        var previousError: [String]?
        for result in report.results {
            let mark = result.status == .passed ? paint(.green, "✓") : paint(.boldRed, "✗")
            let stopped = result.status == .error ? ": an error stopped the test" : ""
            lines += wrapped(mark + " ", "\(result.name) (\(plural(result.points, "point"))\(result.hidden ? ", hidden" : ""))\(stopped)",
                             hanging: "  ")
            guard result.status != .passed else { continue }
            if let message = result.message {
                // The same error in test after test (a bug in the function) is shown once;
                // the later ones say where they called it from.
                let (error, calls) = splitTrace(OutputComparison.lines(message))
                lines += result.status == .error && error == previousError ? ["    the same error as above" + (calls.isEmpty ? "" : ",")] + calls
                    : indent(message, 4)
                previousError = result.status == .error ? error : nil
            }
            if let check = result.check { lines += wrapped("    check: ", check, hanging: "           ") }
            if let hint = result.hint { lines += wrapped("    " + paint(.bold, "hint:") + " ", hint, hanging: "          ") }
            if !result.output.isEmpty { lines += ["    printed:"] + indent(result.output, 6) }
        }
        lines.append("")
        let passed = "\(report.passedCount) of \(plural(report.results.count, kind)) pass"
        lines += wrapped("", report.allPassed
            ? paint(.green, "All \(kind)s pass:") + " \(formatPoints(report.earned)) of \(plural(report.possible, "point"))."
            : "Score: \(formatPoints(report.earned)) of \(plural(report.possible, "point")) (\(passed)).", hanging: "")
        if report.hiddenTests > 0, !hiddenRun {
            lines += wrapped("", "Grading also runs \(plural(report.hiddenTests, "hidden test")) (\(plural(report.hiddenPoints, "point")))"
                + ", on inputs not shown here: make your function right for every input, not just these.", hanging: "")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A diagnostic's lines, and its call-chain lines (`= in 'f', called at ...`) indented.
    private static func splitTrace(_ lines: [String]) -> ([String], [String]) {
        let isCall = { (line: String) in line.hasPrefix("   = in ") }
        return (lines.filter { !isCall($0) }, lines.filter(isCall).map { "    " + $0 })
    }

    private static func indent(_ text: String, _ count: Int) -> [String] {
        OutputComparison.lines(text).map { String(repeating: " ", count: count) + $0 }
    }

    private static func plural(_ count: Int, _ noun: String) -> String { plural(Double(count), noun) }

    private static func plural(_ count: Double, _ noun: String) -> String {
        "\(formatPoints(count)) \(noun)" + (count == 1 ? "" : "s")
    }
}
