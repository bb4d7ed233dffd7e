import Foundation
import Testing
@testable import TensorEngine

/// Nanoseconds per call of each vector kernel, every variant the CPU has, on W4's and W8's
/// sizes (a 100 x 128 hidden layer; LeNet's 50 x 6 x 28 x 28 first activation). Not a check:
/// it prints a table, and only when asked, in a release build:
/// `swift build -c release --build-tests` then
/// `LECTERN_KERNEL_TIMINGS=1 .build/release/LecternPackageTests.xctest --testing-library swift-testing --filter VectorKernelTimings`.
@Suite("vector kernel timings", .enabled(if: ProcessInfo.processInfo.environment["LECTERN_KERNEL_TIMINGS"] != nil))
struct VectorKernelTimings {
    @Test("ns per call, each variant")
    func table() {
        let (rows, width) = (100, 128), n = rows * width
        let (h, w, planes) = (28, 28, 50 * 6), pixels = planes * h * w
        let x = buffer(randomTensor([n], seed: 1).scalars), y = buffer(randomTensor([n], seed: 2).scalars)
        let b = buffer(randomTensor([width], seed: 3).scalars), half = buffer([0.5])
        let o = buffer(Array(repeating: 0, count: n)), s = buffer(Array(repeating: 0.1, count: n))
        let s2 = buffer(Array(repeating: 0.1, count: n))
        let image = buffer(randomTensor([pixels], seed: 4).scalars), dy = buffer(randomTensor([pixels / 4], seed: 5).scalars)
        let dx = buffer(Array(repeating: 0, count: pixels))
        let adam = buffer([0.01, 0.9, 0.999, 1e-8, 0, 0.19, 0.002])
        for (name, k) in VectorKernels.available.map({ ("\($0)", VectorKernels($0)) }) {
            let cases: [(String, () -> Void)] = [
                ("add 100x128", { k.add(n, o, x, 1, y, 1) }),
                ("bias add (100 rows of 128)", { for r in 0..<rows { k.add(width, o + r * width, x + r * width, 1, b, 1) } }),
                ("x * 0.5", { k.multiply(n, o, x, 1, half, 0) }),
                ("relu", { k.relu(n, o, x) }),
                ("relu backward", { k.passWherePositive(n, o, x, 1, y, 1) }),
                ("column sums 100x128", { k.addRows(rows, width, x, o) }),
                ("sgd", { k.sgd(n, o, x, y, 0.1, 0) }),
                ("momentum", { k.momentum(n, o, x, y, s, 0.1, 0.9, 0) }),
                ("adam", { k.adam(n, o, x, y, s, s2, adam) }),
                ("batch norm sum 100x128", { k.batchNormAddValues(x, rows, width, width, o) }),
                ("batch norm y 100x128", { k.batchNormNormalize(x, rows, width, width, y, y, b, y, s) }),
                ("batch norm dx 100x128", { k.batchNormInputGradient(y, x, rows, width, width, y, y, b, b, b, s) }),
                ("max pool 2x2 fwd 300x28x28", {
                    for p in 0..<planes { k.maxPoolForward(image + p * h * w, w, h / 2, w / 2, dx + p * h * w / 4) }
                }),
                ("max pool 2x2 bwd 300x28x28", {
                    for p in 0..<planes { k.maxPoolBackward(image + p * h * w, h, w, h / 2, w / 2, dy + p * h * w / 4, dx + p * h * w) }
                }),
            ]
            for (label, body) in cases { report(name, label, time(body)) }
        }
    }

    func buffer(_ values: [Double]) -> UnsafeMutablePointer<Double> {
        let p = UnsafeMutablePointer<Double>.allocate(capacity: values.count)
        p.initialize(from: values, count: values.count)
        return p  // the test's few buffers live until the process ends
    }

    /// The best of 7 rounds of 100 calls, in ns per call.
    func time(_ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<7 {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<100 { body() }
            best = Swift.min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 100)
        }
        return best
    }

    func report(_ variant: String, _ label: String, _ ns: Double) {
        print("timing \(variant.padding(toLength: 8, withPad: " ", startingAt: 0)) \(label.padding(toLength: 30, withPad: " ", startingAt: 0)) \(Int(ns)) ns")
    }
}
