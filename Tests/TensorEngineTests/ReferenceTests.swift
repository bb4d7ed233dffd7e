import Testing
@testable import TensorEngine

/// One shape to draw for a sliding-window op: x (N, C, H, W) and, for conv2d, w (K, C, KH, KW)
/// (a pooling case uses KH = KW = the window size and ignores K and the dilation).
struct WindowCase: CustomTestStringConvertible, Sendable {
    var x: [Int], w: [Int], stride: Int, padding: Int, dilation: Int
    var testDescription: String { "x \(x) w \(w) s\(stride) p\(padding) d\(dilation)" }
}

/// Random shapes from a fixed seed: the same cases on every run.
struct CaseGenerator {
    var rng: RandomGenerator

    init(seed: UInt64) { rng = RandomGenerator(seed: seed) }

    mutating func draw(_ range: ClosedRange<Int>) -> Int { range.lowerBound + rng.integer(below: range.count) }

    /// A length the window fits once padded: at least span − 2p (and 1), plus up to 6 more.
    mutating func length(span: Int, padding: Int) -> Int { Swift.max(1, span - 2 * padding) + draw(0...6) }

    mutating func convolution() -> WindowCase {
        let (batch, channels, filters) = (draw(1...3), draw(1...4), draw(1...4))
        let (kernelHeight, kernelWidth) = (draw(1...4), draw(1...4))
        let (stride, padding, dilation) = (draw(1...3), draw(0...2), draw(1...2))
        let height = length(span: dilation * (kernelHeight - 1) + 1, padding: padding)
        let width = length(span: dilation * (kernelWidth - 1) + 1, padding: padding)
        return WindowCase(x: [batch, channels, height, width], w: [filters, channels, kernelHeight, kernelWidth],
                          stride: stride, padding: padding, dilation: dilation)
    }

    /// A pooling window: padding at most half the size, as the fast kernels require.
    mutating func pooling() -> WindowCase {
        let (batch, channels, size) = (draw(1...3), draw(1...4), draw(1...4))
        let (stride, padding) = (draw(1...3), draw(0...(size / 2)))
        let (height, width) = (length(span: size, padding: padding), length(span: size, padding: padding))
        return WindowCase(x: [batch, channels, height, width], w: [1, channels, size, size], stride: stride,
                          padding: padding, dilation: 1)
    }
}

/// Each loop of `ReferenceKernels` against the fast kernel that is tested against it, on
/// random shapes (strides, padding, dilation, non-square filters and images, batches and
/// channels), to 1e-12: the two sum the same terms, in different orders.
@Suite("the reference loops against the fast kernels")
struct ReferenceTests {
    static let convolutions: [WindowCase] = {
        var generator = CaseGenerator(seed: 314)
        return (0..<12).map { _ in generator.convolution() }
    }()
    static let poolings: [WindowCase] = {
        var generator = CaseGenerator(seed: 271)
        return (0..<12).map { _ in generator.pooling() }
    }()
    static let products: [[Int]] = {
        var generator = CaseGenerator(seed: 161)
        return (0..<8).map { _ in [generator.draw(1...70), generator.draw(1...300), generator.draw(1...70)] }
    }()
    static let normalisations: [[Int]] = {
        var generator = CaseGenerator(seed: 141)
        return (0..<9).map { i in
            let batch = generator.draw(1...8), features = generator.draw(1...6)
            let positions = (0..<(i % 3)).map { _ in generator.draw(1...5) }   // (N, F), (N, C, L), (N, C, H, W)
            return [batch, features] + positions
        }
    }()

    @Test("the random shapes cover strides, padding, dilation, non-square windows, batches and channels")
    func coverage() {
        for cases in [Self.convolutions, Self.poolings] {
            #expect(cases.contains { $0.stride > 1 } && cases.contains { $0.stride == 1 })
            #expect(cases.contains { $0.padding > 0 } && cases.contains { $0.padding == 0 })
            #expect(cases.contains { $0.x[0] > 1 } && cases.contains { $0.x[1] > 1 })
            #expect(cases.contains { $0.x[2] != $0.x[3] })
        }
        #expect(Self.convolutions.contains { $0.dilation > 1 } && Self.convolutions.contains { $0.w[0] > 1 })
        #expect(Self.convolutions.contains { $0.w[2] != $0.w[3] })
        #expect(Set(Self.normalisations.map(\.count)) == [2, 3, 4])
        #expect(Self.products.contains { $0[0] * $0[1] * $0[2] >= 4096 })     // GEMM's packed path
    }

    @Test("conv2d", arguments: convolutions)
    func conv2d(c: WindowCase) throws {
        let x = randomTensor(c.x, seed: 1), w = randomTensor(c.w, seed: 2), bias = randomTensor([c.w[0]], seed: 3)
        let fast = try Tensor.conv2d(x, w, bias: bias, stride: c.stride, padding: c.padding, dilation: c.dilation,
                                     floorMode: true)
        let reference = ReferenceKernels.conv2d(x, w, bias: bias, stride: c.stride, padding: c.padding,
                                                dilation: c.dilation)
        expectClose(fast, reference, .tight)
        let withoutBias = ReferenceKernels.conv2d(x, w, stride: c.stride, padding: c.padding, dilation: c.dilation)
        expectClose(try Tensor.conv2d(x, w, stride: c.stride, padding: c.padding, dilation: c.dilation, floorMode: true),
                    withoutBias, .tight)
    }

    @Test("conv2dBackward: dx, dw and db", arguments: convolutions)
    func conv2dBackward(c: WindowCase) throws {
        let x = randomTensor(c.x, seed: 4), w = randomTensor(c.w, seed: 5)
        let y = ReferenceKernels.conv2d(x, w, stride: c.stride, padding: c.padding, dilation: c.dilation)
        let dy = randomTensor(y.shape, seed: 6)
        let fast = try Tensor.conv2dBackward(dy, x: x, w: w, stride: c.stride, padding: c.padding, dilation: c.dilation,
                                             floorMode: true)
        let reference = ReferenceKernels.conv2dBackward(dy, x: x, w: w, stride: c.stride, padding: c.padding,
                                                        dilation: c.dilation)
        expectClose(fast.dx, reference.dx, .tight)
        expectClose(fast.dw, reference.dw, .tight)
        expectClose(fast.db, reference.db, .tight)
    }

    @Test("im2col, element for element", arguments: convolutions)
    func im2col(c: WindowCase) throws {
        let x = randomTensor(c.x, seed: 7)
        let fast = try Tensor.im2col(x, kernelHeight: c.w[2], kernelWidth: c.w[3], stride: c.stride,
                                     padding: c.padding, dilation: c.dilation, floorMode: true)
        let reference = ReferenceKernels.im2col(x, kernelHeight: c.w[2], kernelWidth: c.w[3], stride: c.stride,
                                                padding: c.padding, dilation: c.dilation)
        #expect(fast == reference)
    }

    @Test("max and average pooling, forward and backward", arguments: poolings)
    func pooling(c: WindowCase) throws {
        let x = randomTensor(c.x, seed: 8), size = c.w[2]
        let maxPooled = try Tensor.maxPool2d(x, size: size, stride: c.stride, padding: c.padding, floorMode: true)
        let averaged = try Tensor.avgPool2d(x, size: size, stride: c.stride, padding: c.padding, floorMode: true)
        expectClose(maxPooled, ReferenceKernels.maxPool2d(x, size: size, stride: c.stride, padding: c.padding), .tight)
        expectClose(averaged, ReferenceKernels.avgPool2d(x, size: size, stride: c.stride, padding: c.padding), .tight)

        let dy = randomTensor(maxPooled.shape, seed: 9)
        expectClose(try Tensor.maxPool2dBackward(dy, x: x, size: size, stride: c.stride, padding: c.padding,
                                                 floorMode: true),
                    ReferenceKernels.maxPool2dBackward(dy, x: x, size: size, stride: c.stride, padding: c.padding),
                    .tight)
        expectClose(try Tensor.avgPool2dBackward(dy, inputShape: c.x, size: size, stride: c.stride,
                                                 padding: c.padding, floorMode: true),
                    ReferenceKernels.avgPool2dBackward(dy, inputShape: c.x, size: size, stride: c.stride,
                                                       padding: c.padding),
                    .tight)
    }

    @Test("max pooling picks the same pixel as the fast kernel on ties and NaN")
    func maxPoolTiesAndNaN() throws {
        // All ones: every window is a tie, won by its first pixel row by row.
        let ones = try Tensor(shape: [1, 2, 5, 4], repeating: 1), dy = randomTensor([1, 2, 5, 4], seed: 10)
        #expect(try Tensor.maxPool2dBackward(dy, x: ones, size: 3, stride: 1, padding: 1)
                == ReferenceKernels.maxPool2dBackward(dy, x: ones, size: 3, stride: 1, padding: 1))
        // A NaN wins its window, wherever it is; the last of two NaNs takes the gradient.
        let x = try Tensor(shape: [1, 1, 2, 4], scalars: [.nan, 1, 1, 2, 3, 4, .nan, .nan])
        let y = ReferenceKernels.maxPool2d(x, size: 2)
        #expect(y[0, 0, 0, 0].isNaN && y[0, 0, 0, 1].isNaN)
        let g = try Tensor(shape: [1, 1, 1, 2], scalars: [1, 2])
        #expect(try Tensor.maxPool2dBackward(g, x: x, size: 2) == ReferenceKernels.maxPool2dBackward(g, x: x, size: 2))
    }

    @Test("matmul", arguments: products)
    func matmul(mkn: [Int]) throws {
        let a = randomTensor([mkn[0], mkn[1]], seed: 11), b = randomTensor([mkn[1], mkn[2]], seed: 12)
        expectClose(try Tensor.matmul(a, b), ReferenceKernels.matmul(a, b), .tight)
    }

    @Test("batchNorm in training mode: y, the batch mean and the biased variance", arguments: normalisations)
    func batchNorm(shape: [Int]) throws {
        // Inputs away from mean 0 and variance 1, so that normalising has work to do.
        let x = randomTensor(shape, seed: 13) * 3 + 2
        let gamma = randomTensor([shape[1]], seed: 14), beta = randomTensor([shape[1]], seed: 15)
        for eps in [1e-5, 0.1] {
            let fast = try Tensor.batchNormWithStatistics(x, gamma: gamma, beta: beta,
                                                            eps: eps)
            let reference = ReferenceKernels.batchNorm(x, gamma: gamma, beta: beta, eps: eps)
            expectClose(fast.output.detached(), reference.y, .tight)
            expectClose(fast.mean, reference.mean, .tight)
            expectClose(fast.variance, reference.variance, .tight)
        }
    }

    @Test("the reference loops by hand")
    func byHand() throws {
        // conv2d: y[i, j] = x[i, j] + 2·x[i, j+1] + 3·x[i+1, j] + 4·x[i+1, j+1] on 1...16.
        let x = try Tensor(shape: [1, 1, 4, 4], scalars: (1...16).map(Double.init))
        let w = try Tensor(shape: [1, 1, 2, 2], scalars: [1, 2, 3, 4])
        expectClose(ReferenceKernels.conv2d(x, w), shape: [1, 1, 3, 3], [44, 54, 64, 84, 94, 104, 124, 134, 144])
        expectClose(ReferenceKernels.conv2d(x, w, bias: Tensor([0.5]), stride: 2), shape: [1, 1, 2, 2],
                    [44.5, 64.5, 124.5, 144.5])
        expectClose(ReferenceKernels.maxPool2d(x, size: 2), shape: [1, 1, 2, 2], [6, 8, 14, 16])
        expectClose(ReferenceKernels.avgPool2d(x, size: 2), shape: [1, 1, 2, 2], [3.5, 5.5, 11.5, 13.5])
        // Padding 1 around a 2x2 average: the corner window holds one pixel, divided by 4.
        #expect(ReferenceKernels.avgPool2d(x, size: 2, padding: 1)[0, 0, 0, 0] == 1.0 / 4)
        let a = try Tensor([[1, 2, 3], [4, 5, 6]]), b = try Tensor([[7, 8], [9, 10], [11, 12]])
        expectClose(ReferenceKernels.matmul(a, b), shape: [2, 2], [58, 64, 139, 154])
        // One feature of 1, 2, 3, 4: μ = 2.5, σ² = 1.25 (biased), x̂ = (x − 2.5)/√1.25.
        let column = try Tensor(shape: [4, 1], scalars: [1, 2, 3, 4])
        let bn = ReferenceKernels.batchNorm(column, gamma: Tensor([2]), beta: Tensor([1]), eps: 0)
        #expect(bn.mean == Tensor([2.5]) && bn.variance == Tensor([1.25]))
        expectClose(bn.y, shape: [4, 1], [-1.5, -0.5, 0.5, 1.5].map { 2 * $0 / 1.25.squareRoot() + 1 })
        #expect(ReferenceKernels.outputSize(7, window: 3, stride: 3, padding: 0) == 2)
        #expect(ReferenceKernels.outputSize(28, window: 5, stride: 1, padding: 2) == 28)
        #expect(ReferenceKernels.outputSize(9, window: 3, stride: 1, padding: 0, dilation: 2) == 5)
    }
}
