#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LecternCourse

/// What `lectern grade` says on standard error when it is done: how many submissions were
/// graded and how many could not be (by reason), the mean and median score, the time and the
/// memory. Durations live here, never in the gradebook.
enum GradeSummary {
    static func text(_ results: [GradeBatch.Graded], exercise: Exercise, seconds: Double, jobs: Int, wrote path: String) -> String {
        let submissions = results.map(\.submission)
        let failed = submissions.filter { $0.status == .error }
        let scores = submissions.map(\.score).sorted()
        var lines = ["Graded \(submissions.count) submission\(submissions.count == 1 ? "" : "s") of \(exercise.name) in "
                     + fixed(seconds, 1) + " s with \(jobs) job\(jobs == 1 ? "" : "s"): \(submissions.count - failed.count) ran to the end, "
                     + "\(failed.count) failed to run" + (failed.isEmpty ? "." : " (" + counts(failed.compactMap(\.reason)) + ").")]
        let topLevel = submissions.filter { $0.status == .graded }.compactMap(\.reason)
        if !topLevel.isEmpty { lines.append("Errors at the top of a file (graded anyway): " + counts(topLevel) + ".") }
        if !scores.isEmpty {
            let median = scores.count % 2 == 1 ? scores[scores.count / 2] : (scores[scores.count / 2 - 1] + scores[scores.count / 2]) / 2
            lines.append("Score: mean \(fixed(scores.reduce(0, +) / Double(scores.count), 2)), median \(fixed(median, 2)) of \(fixed(exercise.points, 0)).")
        }
        if let largest = results.max(by: { $0.peakBytes < $1.peakBytes }), largest.peakBytes > 0 {
            lines.append("Peak memory: this process \(megabytes(parentPeak())), the largest child \(megabytes(largest.peakBytes)) (\(largest.submission.student)).")
        }
        for result in results where result.crashNote != nil && result.submission.reason?.hasPrefix("crashed") == true {
            lines.append("  \(result.submission.student): \(result.submission.reason ?? ""): \(result.crashNote ?? "")")
        }
        lines.append("Wrote \(path).")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `timeout 3, memory 1, syntax error 2`: reasons by their words before a place or a detail.
    static func counts(_ reasons: [String]) -> String {
        var tally: [String: Int] = [:], order: [String] = []
        for reason in reasons {
            var kind = reason
            for marker in [" at ", " (", ":"] { if let range = kind.range(of: marker) { kind = String(kind[..<range.lowerBound]) } }
            if tally[kind] == nil { order.append(kind) }
            tally[kind, default: 0] += 1
        }
        return order.sorted().map { "\($0) \(tally[$0]!)" }.joined(separator: ", ")
    }

    /// The peak resident memory of this process, in bytes.
    static func parentPeak() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #if os(Linux)
        return usage.ru_maxrss * 1024
        #else
        return usage.ru_maxrss
        #endif
    }

    static func megabytes(_ bytes: Int) -> String { fixed(Double(bytes) / 1_048_576, 1) + " MB" }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if digits == 0 { return String(Int(rounded)) }
        let whole = Int(rounded.magnitude), fraction = Int(((rounded.magnitude - Double(whole)) * scale).rounded())
        let digitsText = String(fraction)
        return (rounded < 0 ? "-" : "") + "\(whole)." + String(repeating: "0", count: digits - digitsText.count) + digitsText
    }
}
