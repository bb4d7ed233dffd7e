#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import TensorEngine

extension Workload {
    /// W4 `swift-api`: CS231n's spiral (3 classes x 100 points), a 2 -> 100 -> 3 ReLU network
    /// with 0.01·randn weights and zero biases, mean softmax cross-entropy, full-batch SGD with
    /// learning rate 1.0 for 1000 steps, through `fit`. Timed: building the model from a fixed
    /// generator state, then the training; the data is made once, outside. `acc` is the
    /// training accuracy after the last step; `rss_mb` the process's peak resident memory.
    static func spiralMLP(_ output: BenchOutput) throws {
        var rng = RandomGenerator(seed: 0)
        let data = try Dataset.spiral(pointsPerClass: 100, classes: 3, using: &rng)
        let weightsStart = rng  // every call draws the same weights
        var model: Sequential?
        let m = try Measurement(warmup: 1) {
            var rng = weightsStart
            let net = Sequential([try Linear(2, 100, initializer: .small, using: &rng), ReLU(),
                                  try Linear(100, 3, initializer: .small, using: &rng)])
            try fit(net, data, epochs: 1000, optimizer: SGD(net.parameters, learningRate: 1.0), using: &rng)
            model = net
        }
        let acc = try evaluate(model!, on: data).accuracy ?? 0
        output.result("W4", "swift-api", m, extra: [("acc", acc), ("rss_mb", peakResidentMegabytes())])
    }
}

/// The peak resident set size of this process so far, in MB (10^6 bytes), from getrusage.
func peakResidentMegabytes() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
    let who = RUSAGE_SELF.rawValue  // glibc declares it in an enum; getrusage takes the Int32
    #else
    let who = RUSAGE_SELF
    #endif
    guard getrusage(who, &usage) == 0 else { return .nan }
    #if canImport(Darwin)
    return Double(usage.ru_maxrss) / 1e6           // bytes on macOS
    #else
    return Double(usage.ru_maxrss) * 1024 / 1e6    // kilobytes on Linux
    #endif
}
