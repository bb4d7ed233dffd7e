import ArgumentParser
import TensorEngine

/// `lectern bench [--json] [WORKLOAD...]`: the workloads of docs/workloads.md.
/// With `--json`, stdout carries one JSON object per line and nothing else (the contract
/// the peer harness `compare` reads); without, a readable table. Progress goes to stderr.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the benchmark workloads (GEMM, convolution, ...) in this build.",
        discussion: """
            Workloads: \(Workload.all.map { "\($0.id) \($0.title)" }.joined(separator: "; ")).
            LECTERN_THREADS sets the number of kernel threads. Compare with NumPy and PyTorch \
            side by side with the peers' harness (compare).
            """)

    @Flag(help: "Print one JSON object per measurement (the format of WORKLOADS.md).")
    var json = false

    @Argument(help: "Workload ids such as W1 W2 (default: all that exist).")
    var workloads: [String] = []

    func validate() throws {
        let known = Set(Workload.all.map(\.id))
        for id in workloads where !known.contains(id) && !Workload.planned.contains(id) {
            throw ValidationError("unknown workload '\(id)'; choose from \(Workload.all.map(\.id).joined(separator: ", "))")
        }
    }

    func run() throws {
        Kernels.keepFreedMemory()
        let output = BenchOutput(json: json)
        output.note("lectern \(Lectern.version), \(Build.configuration) build, \(KernelThreads.count) kernel thread"
                    + (KernelThreads.count == 1 ? "" : "s") + ", GEMM kernel \(Kernels.gemmVariant)")
        var missing: [String] = []
        let requested = workloads.isEmpty ? Workload.all.map(\.id) : workloads
        for id in requested {
            guard let workload = Workload.all.first(where: { $0.id == id }) else {
                output.note("\(id) is not implemented yet")
                missing.append(id)
                continue
            }
            try workload.run(output)
        }
        if !missing.isEmpty { throw ExitCode(2) }
    }
}

/// Debug or release, for the note line: a debug build is 10-100x slower.
enum Build {
    #if DEBUG
    static let configuration = "debug"
    #else
    static let configuration = "release"
    #endif
}
