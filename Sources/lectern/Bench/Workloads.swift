import TensorEngine

/// One workload of WORKLOADS.md: an id, a title and the code that measures its cases.
struct Workload: Sendable {
    let id: String
    let title: String
    let run: @Sendable (BenchOutput) throws -> Void

    static let all: [Workload] = [
        Workload(id: "W1", title: "GEMM", run: gemm),
        Workload(id: "W2", title: "conv2d forward", run: convForward),
        Workload(id: "W3", title: "conv2d forward + backward", run: convBackward),
        Workload(id: "W4", title: "spiral MLP", run: { try spiralMLP($0); try spiralMLPLanguage($0) }),
        Workload(id: "W5", title: "batch norm forward + backward", run: batchNorm),
        Workload(id: "W6", title: "per-op overhead", run: perOpOverhead),
        Workload(id: "W8", title: "LeNet-5 on MNIST, one epoch", run: { try lenetSwiftAPI($0); try lenetLanguage($0) }),
    ]

    /// Workloads of WORKLOADS.md that later issues add; asking for one prints a note.
    static let planned: Set<String> = []

    /// W1: C = A @ B for n x n standard normal A and B; a new C each call.
    static func gemm(_ output: BenchOutput) throws {
        var rng = RandomGenerator(seed: 0)
        for n in [128, 256, 512, 1024] {
            let a = try Tensor.randn([n, n], using: &rng), b = try Tensor.randn([n, n], using: &rng)
            let m = try Measurement(warmup: 2) { _ = try Tensor.matmul(a, b) }
            output.result("W1", "n=\(n)", m, extra: [("gflops", 2 * Double(n * n * n) / m.seconds / 1e9)])
        }
    }

    /// The two convolution cases: (N, C, H, W, K, KH, KW, pad), stride 1, no bias.
    static let convCases: [(name: String, shape: [Int])] = [
        ("c3x32_k6x5_p0", [64, 3, 32, 32, 6, 5, 5, 0]),
        ("c16x16_k32x3_p1", [64, 16, 16, 16, 32, 3, 3, 1]),
    ]

    /// W2: y = conv2d(x, w, pad) with x standard normal and w = 0.1 x standard normal.
    static func convForward(_ output: BenchOutput) throws {
        for (name, s) in convCases {
            var rng = RandomGenerator(seed: 0)
            let x = try Tensor.randn([s[0], s[1], s[2], s[3]], using: &rng)
            let w = try Tensor.randn([s[4], s[1], s[5], s[6]], using: &rng) * 0.1
            let m = try Measurement(warmup: 2) { _ = try Tensor.conv2d(x, w, padding: s[7]) }
            let (oh, ow) = (s[2] + 2 * s[7] - s[5] + 1, s[3] + 2 * s[7] - s[6] + 1)
            let flops = 2.0 * Double(s[0] * s[4] * s[1] * s[5] * s[6] * oh * ow)
            output.result("W2", name, m, extra: [("gflops", flops / m.seconds / 1e9)])
        }
    }
}
