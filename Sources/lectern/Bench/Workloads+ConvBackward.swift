import TensorEngine

extension Workload {
    /// W3: the W2 convolutions forward and backward through autograd. x and w as in W2, then
    /// a fixed upstream gradient dy (standard normal, the shape of y) from the same generator.
    /// Each call builds y = conv2d(x, w, pad) and fills dx and dw, as a training step does.
    /// gflops = 3 x the forward FLOPs / sec.
    static func convBackward(_ output: BenchOutput) throws {
        for (name, s) in convCases {
            var rng = RandomGenerator(seed: 0)
            let x = Tensor(try Tensor.randn([s[0], s[1], s[2], s[3]], using: &rng), requiresGrad: true)
            let w = Tensor(try Tensor.randn([s[4], s[1], s[5], s[6]], using: &rng) * 0.1, requiresGrad: true)
            let (oh, ow) = (s[2] + 2 * s[7] - s[5] + 1, s[3] + 2 * s[7] - s[6] + 1)
            let dy = try Tensor.randn([s[0], s[4], oh, ow], using: &rng)
            let m = try Measurement(warmup: 2) {
                try Tensor.conv2d(x, w, padding: s[7]).backward(seed: dy)
            }
            let flops = 2.0 * Double(s[0] * s[4] * s[1] * s[5] * s[6] * oh * ow)
            output.result("W3", name, m, extra: [("gflops", 3 * flops / m.seconds / 1e9)])
        }
    }
}
