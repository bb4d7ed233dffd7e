#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation
import LecternCourse
import Synchronization

/// Grades every submission of a roster, `jobs` at a time, each in a child process of this
/// binary (`GradeChildCommand`), and turns each child's end into a `GradedSubmission`: its
/// report when it finished, else a stated reason with every test at zero. The results are
/// in the roster's order whatever order the children finish in.
struct GradeBatch: Sendable {
    let exercise: Exercise
    let limits: GradeLimits
    let jobs: Int
    /// Called after each submission, with how many are done (for a progress line).
    var progress: @Sendable (Int) -> Void = { _ in }

    /// One submission's result and what its child cost.
    struct Graded {
        var submission: GradedSubmission
        var peakBytes = 0
        var seconds = 0.0
        /// The first line of the child's standard error when it died: for the summary only
        /// (it may hold addresses that change from run to run).
        var crashNote: String?
    }

    func grade(_ roster: Roster) -> [Graded] {
        let entries = roster.entries
        let next = Atomic<Int>(0)
        let results = Mutex([Graded?](repeating: nil, count: entries.count))
        let done = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, entries.count))) { _ in
            while true {
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard i < entries.count else { return }
                let graded = grade(entries[i])
                results.withLock { $0[i] = graded }
                progress(done.wrappingAdd(1, ordering: .relaxed).newValue)
            }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// All a child sees of the environment. Swift's crash backtracer is off: symbolicating a
    /// submission's crash (memory exhausted, say) took over 3 s on a busy machine, which the
    /// wall-clock limit then reported as a timeout; the reason comes from the allocator's
    /// message, printed before it would start.
    static let childEnvironment = ["LECTERN_THREADS=1", "LANG=C.UTF-8", "SWIFT_BACKTRACE=enable=no"]

    func grade(_ entry: Roster.Entry) -> Graded {
        if let problem = entry.problem { return Graded(submission: .failed(entry.student, exercise, reason: problem)) }
        let child = ChildProcess(executable: Self.executable, arguments: ["_grade-child", exercise.directory] + entry.files + limits.arguments,
                                 environment: Self.childEnvironment, timeout: limits.timeout,
                                 outputCap: GradedSubmission.outputLimit)
        let outcome: ChildProcess.Outcome
        do { outcome = try child.run() } catch {
            return Graded(submission: .failed(entry.student, exercise, reason: "not run: \(error)"))
        }
        var output = String(decoding: outcome.stdout, as: UTF8.self)
        if outcome.stdoutCut { output += "\n[output cut at \(GradedSubmission.outputLimit) bytes]\n" }
        var graded = Graded(submission: .failed(entry.student, exercise, reason: "crashed", output: output),
                            peakBytes: outcome.peakBytes, seconds: outcome.seconds)
        if let reason = Self.failure(outcome) {
            graded.submission = .failed(entry.student, exercise, reason: reason, output: output)
            graded.crashNote = String(decoding: outcome.stderr, as: UTF8.self).split(separator: "\n").first.map(String.init)
            return graded
        }
        switch try? JSONDecoder().decode(ChildMessage.self, from: Data(outcome.result)) {
        case let .report(report)?: graded.submission = GradedSubmission(student: entry.student, report: report, output: output)
        case let .unreadable(reason)?: graded.submission = .failed(entry.student, exercise, reason: reason, output: output)
        case nil: graded.submission = .failed(entry.student, exercise, reason: "crashed (no result)", output: output)
        }
        return graded
    }

    /// Why a child did not finish, in the gradebook's words; nil when it exited normally.
    /// A child that runs out of address space dies in the allocator, which says so on its
    /// standard error (Swift's "failed to allocate 80000032 bytes of memory", glibc's
    /// "Cannot allocate memory").
    static func failure(_ outcome: ChildProcess.Outcome) -> String? {
        if outcome.timedOut { return "timeout" }
        if outcome.exitCode == 0 { return nil }
        let errors = String(decoding: outcome.stderr, as: UTF8.self).lowercased()
        if errors.contains("allocate") || errors.contains("out of memory") { return "memory" }
        if let signal = outcome.signal {
            return signal == SIGXCPU || signal == SIGKILL ? "timeout" : "crashed (signal \(signal))"
        }
        return "crashed (exit status \(outcome.exitCode ?? -1))"
    }

    /// This binary, which the children run.
    static let executable: String = {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if n > 0 { return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        #endif
        return CommandLine.arguments[0]
    }()
}
