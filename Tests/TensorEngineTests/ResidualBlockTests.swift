import Testing
@testable import TensorEngine

/// A stand-in normalisation with a parameter, y = γ[c]·x, to check that `ResidualBlock`
/// builds, lists, trains and switches the layers its `normalization` factory makes.
final class ChannelScale: Layer {
    let gamma: Tensor
    var isTraining = true
    init(_ channels: Int) throws {
        gamma = Tensor(randomTensor([channels, 1, 1], seed: UInt64(channels)), requiresGrad: true, name: "gamma")
    }
    var summary: String { "ChannelScale(\(gamma.shape[0]))" }
    var namedParameters: [(name: String, parameter: Tensor)] { [("gamma", gamma)] }
    func forward(_ input: Tensor) throws -> Tensor { try input * gamma }
}

@Suite("ResidualBlock")
struct ResidualBlockTests {
    static let tolerance = 1e-7
    /// The block is piecewise linear (convolutions and relu) with kinks anywhere: a small step
    /// that these seeds keep clear of them (see `ConvLayerTests.step`).
    static let step = ConvLayerTests.networkStep

    @Test("identity shortcut: same channels, stride 1")
    func identity() throws {
        var rng = RandomGenerator(seed: 80)
        let block = try ResidualBlock(4, 4, using: &rng)
        #expect(block.projection == nil && block.sublayers.count == 4)
        // Two 3x3 convolutions without bias, two batch norms (gamma and beta per channel).
        #expect(block.parameterCount == 2 * 4 * 4 * 3 * 3 + 2 * 2 * 4)
        #expect(block.summary == "ResidualBlock(4 -> 4, stride 1, identity shortcut)")
        #expect(try block(randomTensor([2, 4, 6, 6], seed: 81)).shape == [2, 4, 6, 6])
        // With zero filters the body is 0 (batch norm of zeros is beta = 0) and the block is relu(x).
        for conv in [block.conv1, block.conv2] { try conv.weight.assign(Tensor.zeros(like: conv.weight.detached())) }
        let x = randomTensor([1, 4, 3, 3], seed: 82)
        #expect(try block(x).detached() == x.relu())
    }

    @Test("projection shortcut: other channels or a stride", arguments: [(3, 5, 1), (4, 4, 2), (3, 6, 2)])
    func projection(inChannels: Int, outChannels: Int, stride: Int) throws {
        var rng = RandomGenerator(seed: 83)
        let block = try ResidualBlock(inChannels, outChannels, stride: stride, using: &rng)
        let shortcut = try #require(block.projection)
        #expect(shortcut.conv.weight.shape == [outChannels, inChannels, 1, 1] && shortcut.conv.stride == stride)
        // Two 3x3 convolutions, a 1x1 projection, and three batch norms of 2 * outChannels each.
        #expect(block.parameterCount == 9 * (inChannels + outChannels) * outChannels + inChannels * outChannels
                + 3 * 2 * outChannels)
        let y = try block(randomTensor([2, inChannels, 8, 7], seed: 84))
        // Stride 2 rounds down: 8 rows -> 4, 7 columns -> 4.
        #expect(y.shape == [2, outChannels, stride == 1 ? 8 : 4, stride == 1 ? 7 : 4])
    }

    @Test("gradcheck through the block, both shortcuts, train and eval", arguments: [(2, 2, 1), (2, 3, 2)], [true, false])
    func gradcheckBlock(channels: (Int, Int, Int), training: Bool) throws {
        var rng = RandomGenerator(seed: 85)
        let block = try ResidualBlock(channels.0, channels.1, stride: channels.2, using: &rng)
        if training { block.train() } else { block.eval() }
        // In training mode batch norm makes the block curved, not piecewise linear: central
        // differences need a smaller step there (their error falls as the step squared).
        let errors = try layerGradcheck(block, randomTensor([2, channels.0, 5, 5], seed: 86),
                                        step: training ? 1e-5 : Self.step)
        #expect(errors.count == 1 + block.parameters.count && errors.max()! < Self.tolerance, "\(errors)")
    }

    @Test("the normalisation factory: one layer per place, listed, switched and differentiated")
    func injectedNormalization() throws {
        var rng = RandomGenerator(seed: 87)
        var made: [Int] = []
        let block = try ResidualBlock(2, 3, stride: 2, normalization: { channels in
            made.append(channels)
            return try ChannelScale(channels)
        }, using: &rng)
        #expect(made == [3, 3, 3])
        #expect(block.sublayers.map(\.summary) == ["Conv2d(2 -> 3, 3x3, stride 2, padding 1, floor, no bias)",
            "ChannelScale(3)", "Conv2d(3 -> 3, 3x3, padding 1, no bias)", "ChannelScale(3)",
            "Conv2d(2 -> 3, 1x1, stride 2, floor, no bias)", "ChannelScale(3)"])
        block.eval()
        #expect(block.sublayers.allSatisfy { !$0.isTraining })
        let errors = try layerGradcheck(block, randomTensor([2, 2, 5, 5], seed: 88), step: Self.step)
        #expect(errors.count == 7 && errors.max()! < Self.tolerance, "\(errors)")
    }
}
