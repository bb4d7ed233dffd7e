#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import LecternCourse
import LecternLanguage

/// The limits of one graded submission: the wall clock (the parent kills the child's process
/// group when it runs out) and the memory of the child's address space; the CPU time is the
/// wall clock plus one second, so a child the parent cannot stop still stops.
struct GradeLimits: ParsableArguments, Sendable {
    @Option(help: ArgumentHelp("Seconds of wall clock for one submission, all its tests included.", valueName: "SECONDS"))
    var timeout: Double = 10

    @Option(help: ArgumentHelp("Megabytes of memory (address space) for one submission.", valueName: "MB"))
    var memory: Int = 1024

    func validate() throws {
        guard timeout > 0, timeout <= 3600 else { throw ValidationError("--timeout must be between 0 and 3600 seconds, not \(timeout)") }
        guard memory >= 64, memory <= 1 << 20 else { throw ValidationError("--memory must be between 64 and 1048576 MB, not \(memory)") }
    }

    /// The options for the child's command line.
    var arguments: [String] { ["--timeout", String(timeout), "--memory", String(memory)] }

    /// The language's limits inside the child: those of `lectern check` (steps per test, 100
    /// kB of output per run), with the wall clock as the time limit.
    var language: Limits {
        var limits = ExerciseRunner.limits
        limits.maxSeconds = timeout
        return limits
    }

    /// Sets the child's operating-system limits: its address space, CPU seconds, no file
    /// written (pipes are not files), a few descriptors, no core dump. Called first thing
    /// in the child, before the exercise or the submission is read.
    func applyToThisProcess() {
        let cpu = rlim_t(timeout.rounded(.up)) + 1
        set(RLIMIT_AS, rlim_t(memory) << 20)
        set(RLIMIT_CPU, cpu, hard: cpu + 1)
        set(RLIMIT_FSIZE, 0)
        set(RLIMIT_NOFILE, 64)
        set(RLIMIT_CORE, 0)
    }

    private func set(_ resource: __rlimit_resource, _ soft: rlim_t, hard: rlim_t? = nil) {
        var limit = rlimit(rlim_cur: soft, rlim_max: hard ?? soft)
        if setrlimit(__rlimit_resource_t(resource.rawValue), &limit) != 0 {
            StandardError.write("lectern: cannot set a limit (resource \(resource.rawValue)): \(String(cString: strerror(errno)))\n")
            Glibc.exit(70)
        }
    }
}
