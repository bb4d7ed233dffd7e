import LecternLanguage
import TensorEngine

extension Workload {
    /// W4 `language`: the W4 training written in Lectern's language by hand, as NumPy's peer
    /// is: forward, cross-entropy, backward and four in-place updates per step. The data and
    /// the initial weights are made once, outside the timed region; each timed call builds
    /// the params from them and trains 1000 steps.
    static func spiralMLPLanguage(_ output: BenchOutput) throws {
        let interpreter = Interpreter(output: { _ in })
        try interpreter.run(Source(name: "W4 setup", text: """
            seed(0)
            d = spiral()
            w1_start = randn(2, 100) * 0.01
            w2_start = randn(100, 3) * 0.01
            """))
        let training = Source(name: "W4", text: """
            w1 = param(w1_start)
            b1 = param(zeros(100))
            w2 = param(w2_start)
            b2 = param(zeros(3))
            for i in range(1000) {
              scores = relu(d.x @ w1 + b1) @ w2 + b2
              loss = cross_entropy(scores, d.y)
              backward(loss)
              w1 -= 1.0 * w1.grad
              b1 -= 1.0 * b1.grad
              w2 -= 1.0 * w2.grad
              b2 -= 1.0 * b2.grad
            }
            """)
        let m = try Measurement(warmup: 1) { try interpreter.run(training) }
        let acc = try interpreter.run(Source(name: "W4 accuracy", text: "accuracy(relu(d.x @ w1 + b1) @ w2 + b2, d.y)"))
        guard case let .number(accuracy)? = acc else { throw BenchError(description: "W4 language: no accuracy") }
        output.result("W4", "language", m, extra: [("acc", accuracy), ("rss_mb", peakResidentMegabytes())])
    }

    /// W6: the time per iteration of `c = a + b` on 2x2 tensors in a loop written in the
    /// language, the loop's own overhead included.
    static func perOpOverhead(_ output: BenchOutput) throws {
        let iterations = 100_000
        let interpreter = Interpreter(output: { _ in })
        try interpreter.run(Source(name: "W6 setup", text: "a = ones(2, 2)\nb = ones(2, 2)"))
        let loop = Source(name: "W6", text: "for i in range(\(iterations)) { c = a + b }")
        var m = try Measurement(warmup: 1) { try interpreter.run(loop) }
        m.scale(by: 1 / Double(iterations))
        output.result("W6", "add2x2", m)
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
}
