#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a student is with an exercise, as `lectern exercise` lists it.
public enum ExerciseStatus: String, Sendable, Equatable {
    case notStarted = "not started"
    /// Checked at least once, not every visible test passing at the last check.
    case attempted
    /// Every visible test passed at the last check (the hidden ones run at grading).
    case passing = "passing visible tests"
}

/// Where exercise statuses are kept, for one course: `$XDG_STATE_HOME/lectern/exercises/<course
/// id>/<exercise>` (by default under `~/.local/state`), as lesson progress is, with two lines:
/// `status: passing` and `score: 3 of 4` (the visible points at the last check).
public struct ExerciseStatusStore: Sendable {
    /// nil without XDG_STATE_HOME or HOME.
    public let directory: String?

    public init(course: Course, environment: (String) -> String? = { getenv($0).map { String(cString: $0) } }) {
        let progress = ProgressStore(course: course, environment: environment).directory
        directory = progress.map { String($0.dropLast(("progress/" + course.id).count)) + "exercises/" + course.id }
    }

    public func load(_ exercise: String) -> ExerciseStatus {
        guard let directory, let text = Files.read(directory + "/" + exercise) else { return .notStarted }
        for line in text.split(separator: "\n") where line.hasPrefix("status: ") {
            switch line.dropFirst("status: ".count) {
            case "passing": return .passing
            case "attempted": return .attempted
            default: continue
            }
        }
        return .notStarted
    }

    /// Records a check of the visible tests; false when the file could not be written.
    @discardableResult
    public func record(_ report: ExerciseReport) -> Bool {
        guard let directory else { return false }
        let status = report.allPassed ? "passing" : "attempted"
        let score = "\(formatPoints(report.earned)) of \(formatPoints(report.possible))"
        return Files.write(directory + "/" + report.exercise, "status: \(status)\nscore: \(score)\n")
    }
}

/// Points as written: `2`, `1.5`.
func formatPoints(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
}
