/// Gradescope's `results.json`, as its autograder specification defines it: the score, the
/// submission's output, and per test its name, number, score, max_score, status
/// (`passed`/`failed`), output and visibility. Hidden tests are `after_published` and their
/// output says only whether they passed, with the hint: their messages may quote the hidden
/// test's code. `stdout_visibility` is `hidden`: what `run_autograder` itself prints is for
/// the instructor.
extension Gradebook {
    /// `lectern grade --format gradescope`: one `results.json` per student,
    /// `{"exercise": ..., "submissions": [{"student": ..., "results": {...}}]}`, without
    /// `execution_time` (a gradebook holds no durations; `lectern gradescope` writes it).
    public var gradescope: String {
        JSONText.object([
            ("exercise", .string(exercise.name)),
            ("submissions", .array(submissions.map { submission in
                .object([("student", .string(submission.student)), ("results", Self.gradescopeResults(submission, seconds: nil))])
            })),
        ]).text
    }

    /// The `results.json` of one submission; `seconds` is its `execution_time`, when given.
    public static func gradescopeResults(_ submission: GradedSubmission, seconds: Int?) -> String {
        gradescopeResults(submission, seconds: seconds).text
    }

    static func gradescopeResults(_ submission: GradedSubmission, seconds: Int?) -> JSONText {
        var output = submission.output
        if let reason = submission.reason { output = "Grading note: " + reason + (output.isEmpty ? "" : "\n\n" + output) }
        var fields: [(String, JSONText)] = [("score", .number(submission.score))]
        if let seconds { fields.append(("execution_time", .number(Double(seconds)))) }
        fields += [
            ("output", .string(output)),
            ("stdout_visibility", .string("hidden")),
            ("tests", .array(submission.tests.enumerated().map { index, test in
                .object([
                    ("name", .string(test.name)),
                    ("number", .string(String(index + 1))),
                    ("score", .number(test.earned)),
                    ("max_score", .number(test.points)),
                    ("status", .string(test.status == .passed ? "passed" : "failed")),
                    ("output", .string(gradescopeOutput(test))),
                    ("visibility", .string(test.hidden ? "after_published" : "visible")),
                ])
            })),
        ]
        return .object(fields)
    }

    private static func gradescopeOutput(_ test: TestResult) -> String {
        guard test.hidden else { return test.fullMessage }
        if test.status == .passed { return "passed" }
        return "failed (a hidden test: its inputs are not shown)" + (test.hint.map { "\nhint: " + $0 } ?? "")
    }
}
