import TensorEngine

/// The timing rule of WORKLOADS.md: warm up, calibrate an inner loop of `k` calls so one
/// sample takes at least 50 ms, take 5 samples, report the median of `sample / k`.
struct Measurement {
    var seconds: Double
    var samples: [Double]
    var inner: Int

    static let minimumSample = 0.05
    static let sampleCount = 5

    init(warmup: Int = 1, _ call: () throws -> Void) throws {
        for _ in 0..<warmup { try call() }
        var inner = 1
        while true {
            let t = try Self.time(inner, call)
            if t >= Self.minimumSample { break }
            inner = max(2 * inner, Int(Double(inner) * 1.2 * Self.minimumSample / max(t, 1e-9)))
        }
        samples = try (0..<Self.sampleCount).map { _ in try Self.time(inner, call) / Double(inner) }
        seconds = samples.sorted()[samples.count / 2]
        self.inner = inner
    }

    /// Per-call times divided by `factor`: for workloads whose call runs many operations.
    mutating func scale(by factor: Double) {
        seconds *= factor
        samples = samples.map { $0 * factor }
    }

    /// Wall time of `inner` back-to-back calls, in seconds.
    static func time(_ inner: Int, _ call: () throws -> Void) throws -> Double {
        let clock = ContinuousClock()
        let start = clock.now
        for _ in 0..<inner { try call() }
        let elapsed = start.duration(to: clock.now).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18
    }
}

/// Writes results as JSON lines (stdout) or as a readable table, and progress to stderr.
struct BenchOutput {
    let json: Bool

    func note(_ text: String) {
        if json { print("{\"peer\": \"lectern\", \"note\": \(quoted(text))}") } else { print("note: \(text)") }
    }

    /// One result line; `extra` holds optional numbers such as `gflops` or `acc`.
    func result(_ workload: String, _ case_: String, _ m: Measurement, extra: [(String, Double)] = []) {
        let threads = KernelThreads.count
        if json {
            var fields = ["\"peer\": \"lectern\"", "\"workload\": \"\(workload)\"", "\"case\": \(quoted(case_))",
                          "\"threads\": \(threads)", "\"sec\": \(m.seconds)"]
            fields += extra.map { "\"\($0.0)\": \($0.1)" }
            fields.append("\"samples\": [\(m.samples.map { "\($0)" }.joined(separator: ", "))]")
            fields.append("\"inner\": \(m.inner)")
            print("{" + fields.joined(separator: ", ") + "}")
        } else {
            let extras = extra.map { "\($0.0) \(formatted($0.1))" }.joined(separator: "  ")
            print("\(workload)  \(case_.padding(18))  T=\(threads)  \(formatted(m.seconds * 1e3)) ms  \(extras)")
        }
    }

    private func quoted(_ text: String) -> String {
        var out = "\""
        for ch in text.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }

    private func formatted(_ x: Double) -> String {
        let rounded = (x * 1000).rounded() / 1000
        return "\(rounded)"
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
