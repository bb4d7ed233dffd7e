import Testing
@testable import TensorEngine

@Suite("batch norm: running statistics, evaluation mode, threads, errors")
struct BatchNormLayerTests {
    /// A layer for (N, F) or (N, C, H, W) inputs, and the axes its features lie along.
    static func layer(_ shape: [Int], momentum: Double) throws -> (any Layer, [Int]) {
        shape.count == 2 ? (try BatchNorm1d(shape[1], momentum: momentum), [0])
                         : (try BatchNorm2d(shape[1], momentum: momentum), [0, 2, 3])
    }

    static func running(_ layer: any Layer) -> (mean: Tensor, variance: Tensor) {
        if let bn = layer as? BatchNorm1d { return (bn.runningMean, bn.runningVariance) }
        let bn = layer as! BatchNorm2d
        return (bn.runningMean, bn.runningVariance)
    }

    @Test("running statistics follow running = (1 − momentum)·running + momentum·batch, unbiased variance",
          arguments: [[16, 3], [4, 2, 3, 3]], [0.1, 0.3])
    func runningStatistics(shape: [Int], momentum: Double) throws {
        let (layer, axes) = try Self.layer(shape, momentum: momentum)
        var mean = try Tensor.zeros([shape[1]]), variance = try Tensor.ones([shape[1]])   // the documented start
        for step in 0..<4 {
            let x = randomTensor(shape, seed: UInt64(30 + step)) * Double(step + 1) + Double(step)
            _ = try layer(x)
            mean = try mean * (1 - momentum) + x.mean(axes: axes) * momentum
            variance = try variance * (1 - momentum) + x.variance(axes: axes, correction: 1) * momentum
            let running = Self.running(layer)
            expectClose(running.mean, mean)
            expectClose(running.variance, variance)
        }
    }

    @Test("evaluation mode uses the running statistics, leaves them alone, and is deterministic",
          arguments: [[16, 3], [4, 2, 3, 3]])
    func evaluation(shape: [Int]) throws {
        let (layer, _) = try Self.layer(shape, momentum: 0.1)
        for step in 0..<3 { _ = try layer((randomTensor(shape, seed: UInt64(40 + step)) * 2 + 1)) }
        layer.eval()
        let before = Self.running(layer)
        let x = randomTensor(shape, seed: 45)
        let y1 = try layer(x).detached(), y2 = try layer(x).detached()
        #expect(y1 == y2)
        let running = Self.running(layer)
        #expect(running.mean == before.mean && running.variance == before.variance)
        let broadcast = [1, shape[1]] + Array(repeating: 1, count: shape.count - 2)
        let expected = try (x - running.mean.reshape(broadcast)) / (running.variance.reshape(broadcast) + 1e-5).sqrt()
        expectClose(y1, expected)   // γ = 1, β = 0
        // Each example alone gives the same output as inside the batch.
        let first = try layer(x.slice([.range(start: 0, stop: 1, step: 1)])).detached()
        expectClose(first, try y1.slice([.range(start: 0, stop: 1, step: 1)]))
    }

    @Test("a frozen batch norm keeps its running statistics and normalises with them, in training mode too",
          arguments: [[16, 3], [4, 2, 3, 3]])
    func frozen(shape: [Int]) throws {
        let (layer, _) = try Self.layer(shape, momentum: 0.1)
        _ = try layer((randomTensor(shape, seed: 40) * 3 + 2))
        let learned = Self.running(layer)
        layer.freeze()
        layer.train()
        let x = randomTensor(shape, seed: 41) * 5 - 1
        let trained = try layer(x).detached()
        #expect(Self.running(layer).mean == learned.mean && Self.running(layer).variance == learned.variance)
        layer.eval()
        #expect(try layer(x).detached() == trained)
        layer.unfreeze()
        layer.train()
        _ = try layer(x)
        #expect(Self.running(layer).mean != learned.mean)
    }

    @Test("buffers save and restore the running statistics")
    func buffers() throws {
        let layer = try BatchNorm2d(2), x = randomTensor([3, 2, 4, 4], seed: 46)
        let saved = layer.buffers
        #expect(saved == [try Tensor.zeros([2]), try Tensor.ones([2])])
        _ = try layer(x)
        #expect(layer.buffers != saved)
        layer.buffers = saved
        layer.eval()
        expectClose(try layer(x).detached(), x / (1 + 1e-5).squareRoot())
    }

    @Test("results are bit-identical on 1, 2 and 3 threads, forward and backward, train and eval",
          arguments: [[600, 700], [8, 6, 91, 91], [401, 1000]], [true, false])
    func threads(shape: [Int], training: Bool) throws {
        let c = shape[1], x = randomTensor(shape, seed: 50), g = randomTensor(shape, seed: 51)
        let stats = training ? nil : (randomTensor([c], seed: 52), randomTensor([c], seed: 53).abs() + 0.5)
        func run(_ threads: Int) throws -> [Tensor] {
            let v = [x, randomTensor([c], seed: 54), randomTensor([c], seed: 55)].map { Tensor($0, requiresGrad: true) }
            let result = try Tensor.batchNorm(v[0], gamma: v[1], beta: v[2], eps: 1e-5, statistics: stats, threads: threads)
            try result.output.backward(seed: g)
            return [result.output.detached(), result.mean, result.variance] + v.map { $0.grad! }
        }
        #expect(x.count >= 3 * BatchNormKernel.minimumPerThread)   // so 3 threads really split the work
        let one = try run(1)
        for threads in [2, 3] { #expect(try run(threads) == one, "\(threads) threads") }
    }

    @Test("errors: shapes, no values, one value per feature in training; summary")
    func errors() throws {
        let gamma = (try Tensor.ones([3])), beta = (try Tensor.zeros([3]))
        expectError(.rank(op: "batchNorm", argument: "x", expected: "shape (N, F) or (N, C, H, W)", shape: [3])) {
            try Tensor.batchNorm((try Tensor.ones([3])), gamma: gamma, beta: beta)
        }
        let message = expectError(.argument(op: "batchNorm", name: "gamma",
                                            problem: .onePerFeature(features: 4, x: [2, 4], got: [3]))) {
            try Tensor.batchNorm((try Tensor.ones([2, 4])), gamma: gamma, beta: beta)
        }
        #expect(message == "batchNorm: gamma must have shape [4], one value per feature of x [2, 4], not [3]")
        expectError(.argument(op: "batchNorm", name: "x", problem: .noValuesToNormalise(shape: [0, 3])),
                    reads: "batchNorm: x of shape [0, 3] has no values to normalise") {
            try Tensor.batchNorm((try Tensor.zeros([0, 3])), gamma: gamma, beta: beta)
        }
        let layer = try BatchNorm1d(3)
        expectError(.argument(op: "BatchNorm1d", name: "an input of shape [1, 3]",
                              problem: .oneValuePerFeature),
                                          reads: "BatchNorm1d: an input of shape [1, 3] has one value per feature; training mode needs more than one (or call eval())") {
            try layer((try Tensor.ones([1, 3])))
        }
        layer.eval()
        #expect(try layer((try Tensor.ones([1, 3]))).shape == [1, 3])
        #expect(throws: TensorError.self) { try BatchNorm2d(3)((try Tensor.ones([2, 3]))) }
        #expect(layer.summary == "BatchNorm1d(3, momentum: 0.1, eps: 1e-05)")
        #expect(layer.parameterCount == 6)
    }
}
