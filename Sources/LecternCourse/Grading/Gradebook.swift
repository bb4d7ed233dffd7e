/// A class's results for one exercise, in the formats grading platforms read: CSV for a
/// spreadsheet, JSON for scripts, JUnit XML for GitHub Classroom and CI, Gradescope's
/// `results.json`. Every format is a function of the submissions alone (no time, no path, no
/// machine), so a rerun, or a run with another number of jobs, writes the same bytes.
public struct Gradebook: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case csv, json, junit, gradescope
    }

    public let exercise: Exercise
    /// Sorted by student (then by nothing else: the grader keeps names unique).
    public let submissions: [GradedSubmission]

    public init(exercise: Exercise, submissions: [GradedSubmission]) {
        self.exercise = exercise
        self.submissions = submissions.sorted { $0.student < $1.student }
    }

    public func text(_ format: Format) -> String {
        switch format {
        case .csv: csv
        case .json: json
        case .junit: junit
        case .gradescope: gradescope
        }
    }
}
