/// The JSON gradebook:
/// ```
/// {"exercise": "01-conv-output-size", "max_score": 9, "submissions": [
///   {"student", "score", "max_score", "status", "reason", "output",
///    "tests": [{"name", "score", "max_score", "status", "visibility", "message"}]}]}
/// ```
/// `status` of a submission is `graded` or `error`; of a test `passed`, `failed` or `error`;
/// `visibility` is `visible` or `hidden`; `reason` and `message` are null when there is none.
extension Gradebook {
    public var json: String {
        JSONText.object([
            ("exercise", .string(exercise.name)),
            ("max_score", .number(exercise.points)),
            ("submissions", .array(submissions.map(Self.json))),
        ]).text
    }

    static func json(_ submission: GradedSubmission) -> JSONText {
        .object([
            ("student", .string(submission.student)),
            ("score", .number(submission.score)),
            ("max_score", .number(submission.maxScore)),
            ("status", .string(submission.status.rawValue)),
            ("reason", .optional(submission.reason)),
            ("output", .string(submission.output)),
            ("tests", .array(submission.tests.map { test in
                .object([
                    ("name", .string(test.name)),
                    ("score", .number(test.earned)),
                    ("max_score", .number(test.points)),
                    ("status", .string(test.status.rawValue)),
                    ("visibility", .string(test.hidden ? "hidden" : "visible")),
                    ("message", test.fullMessage.isEmpty ? .null : .string(test.fullMessage)),
                ])
            })),
        ])
    }
}
