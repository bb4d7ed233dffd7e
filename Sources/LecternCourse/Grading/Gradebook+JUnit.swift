/// The JUnit XML gradebook, for GitHub Classroom and CI: one `testsuite` per submission (named
/// for the student), one `testcase` per test, a `failure` for a failed expectation and an
/// `error` for an error (or a submission that could not be graded), the submission's output in
/// `system-out`. No `time` or `timestamp` attributes: the file must not change between runs.
/// `Tests/LecternGradeTests/Fixtures/junit.xsd` is the schema it is checked against.
/// ```
/// <testsuites name="01-conv-output-size" tests="16" failures="3" errors="8">
///   <testsuite name="alice" tests="8" failures="3" errors="0" skipped="0">
///     <testcase name="stride 2 on a 7x7 input" classname="01-conv-output-size.alice">
///       <failure message="expected 3, got 5" type="failed">expected 3, got 5&#10;check: ...</failure>
/// ```
extension Gradebook {
    public var junit: String {
        let all = submissions.flatMap(\.tests)
        var lines = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                     "<testsuites name=\(Self.attribute(exercise.name)) tests=\"\(all.count)\" failures=\"\(Self.count(all, .failed))\" errors=\"\(Self.count(all, .error))\">"]
        for submission in submissions {
            lines += junitSuite(submission)
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    private func junitSuite(_ submission: GradedSubmission) -> [String] {
        let tests = submission.tests
        var lines = ["  <testsuite name=\(Self.attribute(submission.student)) tests=\"\(tests.count)\" failures=\"\(Self.count(tests, .failed))\" errors=\"\(Self.count(tests, .error))\" skipped=\"0\">"]
        if let reason = submission.reason {
            lines += ["    <properties>", "      <property name=\"reason\" value=\(Self.attribute(reason))/>", "    </properties>"]
        }
        for test in tests {
            let open = "    <testcase name=\(Self.attribute(test.name)) classname=\(Self.attribute(exercise.name + "." + submission.student))"
            let element = test.status == .failed ? "failure" : "error"
            guard test.status != .passed else { lines.append(open + "/>"); continue }
            let summary = String((test.message ?? test.status.rawValue).split(separator: "\n").first ?? "")
            lines.append(open + ">")
            lines.append("      <\(element) message=\(Self.attribute(summary)) type=\"\(test.status.rawValue)\">\(Self.escape(test.fullMessage))</\(element)>")
            lines.append("    </testcase>")
        }
        if !submission.output.isEmpty { lines.append("    <system-out>\(Self.escape(submission.output))</system-out>") }
        lines.append("  </testsuite>")
        return lines
    }

    private static func count(_ tests: [TestResult], _ status: TestResult.Status) -> Int {
        tests.filter { $0.status == status }.count
    }

    /// A quoted attribute value; line breaks kept as character references.
    static func attribute(_ text: String) -> String {
        "\"" + escape(text).replacingAll("\"", with: "&quot;").replacingAll("\n", with: "&#10;").replacingAll("\r", with: "&#13;") + "\""
    }

    /// Text for XML 1.0: `&`, `<`, `>` escaped, and every character XML cannot hold (control
    /// characters but tab and line breaks, lone surrogates' replacement, U+FFFE, U+FFFF)
    /// replaced by U+FFFD, so that a submission printing binary garbage still gives valid XML.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
