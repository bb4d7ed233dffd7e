import TensorEngine

extension Workload {
    /// W5: batch norm in training mode on x (256, 512), forward and backward through the
    /// autograd path. x and dy standard normal, γ = 1, β = 0, eps = 1e-5. The timed call
    /// builds y = batchNorm(x, γ, β) and runs `backward(seed: dy)`, which fills dx, dγ, dβ
    /// (new tensors every call). Running statistics are not updated (the peers do not).
    static func batchNorm(_ output: BenchOutput) throws {
        var rng = RandomGenerator(seed: 0)
        let x = Tensor(try Tensor.randn([256, 512], using: &rng), requiresGrad: true)
        let dy = try Tensor.randn([256, 512], using: &rng)
        let gamma = Tensor(try Tensor.ones([512]), requiresGrad: true)
        let beta = Tensor(try Tensor.zeros([512]), requiresGrad: true)
        let m = try Measurement(warmup: 2) {
            try Tensor.batchNorm(x, gamma: gamma, beta: beta, eps: 1e-5).backward(seed: dy)
        }
        output.result("W5", "bn256x512", m)
    }
}
