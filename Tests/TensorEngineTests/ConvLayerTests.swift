import Testing
@testable import TensorEngine

@Suite("Conv2d, MaxPool2d, AvgPool2d and Flatten layers")
struct ConvLayerTests {
    static let tolerance = 1e-7
    /// The finite-difference steps. Convolution, pooling and flattening are linear in each
    /// input on its own (pooling piecewise, and its test values are 0.1 apart), so a central
    /// difference has no truncation error and a large step only shrinks rounding, about
    /// ε·Σ|y·g| / h: at 1e-6 that is ~1e-8 absolute, 1e-4 relative for an x whose gradient
    /// happens to be ~1e-5 (the Conv2d case has one). A network with relu and max pooling of
    /// computed values has kinks anywhere, so it gets a small step that these seeds keep clear of them.
    static let step = 1e-2, networkStep = 1e-4

    @Test("Conv2d: shapes, parameter counts, He initialisation")
    func conv() throws {
        var rng = RandomGenerator(seed: 70)
        let layer = try Conv2d(3, 6, 5, using: &rng)
        #expect(layer.weight.shape == [6, 3, 5, 5] && layer.bias?.shape == [6])
        #expect(layer.parameterCount == 456)        // 6 filters of 5x5x3, plus 6 biases
        #expect(layer.namedParameters.map(\.name) == ["weight", "bias"])
        #expect(layer.summary == "Conv2d(3 -> 6, 5x5)")
        #expect(try layer((try Tensor.zeros([2, 3, 32, 32]))).shape == [2, 6, 28, 28])
        // He: N(0, 1)·√(2 / fan-in) with fan-in C·F·F = 75, drawn first from the generator.
        var again = RandomGenerator(seed: 70)
        #expect(layer.weight.detached() == (try Tensor.randn([6, 3, 5, 5], using: &again) * (2.0 / 75).squareRoot()))
        #expect(layer.bias?.detached() == (try Tensor.zeros([6])))

        let strided = try Conv2d(3, 4, 3, stride: 2, padding: 1, bias: false, using: &rng)
        #expect(strided.parameterCount == 108 && strided.namedParameters.map(\.name) == ["weight"])
        #expect(strided.summary == "Conv2d(3 -> 4, 3x3, stride 2, padding 1, no bias)")
        #expect(try strided((try Tensor.zeros([1, 3, 7, 7]))).shape == [1, 4, 4, 4])
        let dilated = try Conv2d(2, 2, 3, dilation: 2, using: &rng)
        #expect(try dilated((try Tensor.zeros([1, 2, 7, 7]))).shape == [1, 2, 3, 3])
    }

    @Test("Conv2d: errors for bad sizes and inputs")
    func convErrors() throws {
        var rng = RandomGenerator(seed: 71)
        expectError(.argument(op: "Conv2d", name: "kernelSize", problem: .notAtLeast(1, got: 0)),
                    reads: "Conv2d: kernelSize must be at least 1, got 0") {
            try Conv2d(3, 6, 0, using: &rng)
        }
        let layer = try Conv2d(3, 6, 5, using: &rng)
        #expect(throws: TensorError.channels(input: [1, 2, 8, 8], filters: [6, 3, 5, 5])) {
            try layer((try Tensor.zeros([1, 2, 8, 8])))
        }
        #expect(throws: TensorError.self) { try Conv2d(weight: try Tensor.zeros([2, 3, 3]), bias: nil) }
    }

    @Test("gradcheck through Conv2d in train and eval modes", arguments: [true, false])
    func convGradcheck(training: Bool) throws {
        var rng = RandomGenerator(seed: 72)
        let layer = try Conv2d(2, 3, 3, stride: 2, padding: 1, floorMode: true, using: &rng)
        // A non-zero bias, so its gradient is checked at a general point.
        try layer.bias!.assign(randomTensor([3], seed: 73))
        if training { layer.train() } else { layer.eval() }
        let errors = try layerGradcheck(layer, randomTensor([2, 2, 6, 5], seed: 74), step: Self.step)
        #expect(errors.count == 3 && errors.max()! < Self.tolerance, "\(errors)")
    }

    @Test("pooling layers and Flatten: shapes, no parameters, gradcheck", arguments: [true, false])
    func pooling(training: Bool) throws {
        let x = try PoolingGradTests.distinct([2, 3, 6, 6], seed: 75)
        let layers: [(any Layer, [Int], String)] = [
            (try MaxPool2d(2), [2, 3, 3, 3], "MaxPool2d(2x2, stride 2)"),
            (try MaxPool2d(3, stride: 1, padding: 1), [2, 3, 6, 6], "MaxPool2d(3x3, stride 1, padding 1)"),
            (try AvgPool2d(2, stride: 2, padding: 1), [2, 3, 4, 4], "AvgPool2d(2x2, stride 2, padding 1)"),
            (Flatten(), [2, 108], "Flatten()"),
        ]
        for (layer, shape, summary) in layers {
            if training { layer.train() } else { layer.eval() }
            #expect(try layer(x).shape == shape && layer.summary == summary && layer.parameterCount == 0)
            let errors = try layerGradcheck(layer, x, step: Self.step)
            #expect(errors.max()! < Self.tolerance, "\(summary): \(errors)")
        }
        expectError(.argument(op: "MaxPool2d", name: "size", problem: .notAtLeast(1, got: 0)),
                    reads: "MaxPool2d: size must be at least 1, got 0") {
            try MaxPool2d(0)
        }
    }

    @Test("a small CNN: conv -> relu -> max pool -> flatten -> linear, gradcheck of every parameter")
    func smallNetwork() throws {
        var rng = RandomGenerator(seed: 76)
        let model = Sequential([try Conv2d(1, 4, 3, padding: 1, using: &rng), ReLU(), try MaxPool2d(2), Flatten(),
                                try Linear(4 * 4 * 4, 3, using: &rng)])
        #expect(model.parameterCount == (4 * 9 + 4) + (64 * 3 + 3))
        let errors = try layerGradcheck(model, randomTensor([2, 1, 8, 8], seed: 77), step: Self.networkStep)
        #expect(errors.count == 5 && errors.max()! < Self.tolerance, "\(errors)")
    }
}
