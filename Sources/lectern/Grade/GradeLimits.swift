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

    @Option(name: .customLong("file-size"), help: ArgumentHelp("Kilobytes of source for one submission, all its files together.", valueName: "KB"))
    var fileSize: Int = 1024

    @Option(help: ArgumentHelp("Steps of the language (statements, loop turns, calls) for the file's top level, and for each test.", valueName: "N"))
    var steps: Int = ExerciseRunner.limits.maxSteps

    func validate() throws {
        guard timeout > 0, timeout <= 3600 else { throw ValidationError("--timeout must be between 0 and 3600 seconds, not \(timeout)") }
        guard fileSize >= 1 else { throw ValidationError("--file-size must be at least 1 KB, not \(fileSize)") }
        guard steps >= 1000 else { throw ValidationError("--steps must be at least 1000, not \(steps)") }
        guard memory >= 64, memory <= 1 << 20 else { throw ValidationError("--memory must be between 64 and 1048576 MB, not \(memory)") }
    }

    /// The options for the child's command line.
    var arguments: [String] { ["--timeout", String(timeout), "--memory", String(memory), "--steps", String(steps), "--file-size", String(fileSize)] }

    /// The language's limits inside the child: those of `lectern check` (100 kB of output per
    /// run, 200 nested calls), with `steps`, and the wall clock as the time limit.
    var language: Limits {
        var limits = ExerciseRunner.limits
        limits.maxSteps = steps
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
        dieWithParent()
    }

    /// Linux: the child is killed when the grader dies (a grader killed midway leaves no
    /// submission running). `prctl` is variadic in C, so Swift calls it through its address.
    private func dieWithParent() {
        #if os(Linux)
        typealias Prctl = @convention(c) (Int32, UInt, UInt, UInt, UInt) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "prctl") else { return }
        let prSetPdeathsig: Int32 = 1
        _ = unsafeBitCast(symbol, to: Prctl.self)(prSetPdeathsig, UInt(SIGKILL), 0, 0, 0)
        if getppid() == 1 { Glibc.exit(70) }  // the parent died before the call
        #endif
    }

    private func set(_ resource: __rlimit_resource, _ soft: rlim_t, hard: rlim_t? = nil) {
        var limit = rlimit(rlim_cur: soft, rlim_max: hard ?? soft)
        if setrlimit(__rlimit_resource_t(resource.rawValue), &limit) != 0 {
            StandardError.write("lectern: cannot set a limit (resource \(resource.rawValue)): \(String(cString: strerror(errno)))\n")
            Glibc.exit(70)
        }
    }
}
