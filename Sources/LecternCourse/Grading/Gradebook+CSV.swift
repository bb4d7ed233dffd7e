/// The CSV gradebook (RFC 4180): a header row, then one row per submission —
/// `student`, one column per test (the points it earned), `total`, `max`, `status`, `reason`.
/// ```
/// student,a 7x7 input and a 3x3 filter,...,total,max,status,reason
/// alice,1,...,9,9,graded,
/// bob,0,...,0,9,error,timeout
/// ```
extension Gradebook {
    public var csv: String {
        let header = ["student"] + exercise.cases.map(\.name) + ["total", "max", "status", "reason"]
        var lines = [Self.csvRow(header)]
        for submission in submissions {
            let points = submission.tests.map { Points.text($0.earned) }
            lines.append(Self.csvRow([submission.student] + points + [Points.text(submission.score), Points.text(submission.maxScore),
                                                                     submission.status.rawValue, submission.reason ?? ""]))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Fields joined by commas; a field with a comma, a quote or a line break is quoted, its
    /// quotes doubled.
    static func csvRow(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingAll("\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",")
    }
}

extension String {
    /// Every occurrence of `target` replaced (without Foundation).
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
