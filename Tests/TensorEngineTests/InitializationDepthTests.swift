import Testing
@testable import TensorEngine

/// The weight-initialisation experiment of CS231n (lecture 6), as the lesson will quote it:
/// a 10-layer tanh network of width 100 (`Linear` layers, biases 0) fed x = randn(500, 100),
/// and the standard deviation of each layer's activations.
@Suite("initialisation: activations through a deep tanh network")
struct InitializationDepthTests {
    /// The std of the activations after each of the 10 layers (seed 0).
    static func activationStds(_ initializer: Initializer) throws -> [Double] {
        var rng = RandomGenerator(seed: 0)
        var h = (try Tensor.randn([500, 100], using: &rng))
        var stds: [Double] = []
        for _ in 0..<10 {
            h = try Tanh()(Linear(100, 100, initializer: initializer, using: &rng)(h))
            stds.append(try h.detached().std().scalar!)
        }
        return stds
    }

    /// 0.01·randn: each layer multiplies the std by about 0.01·√100 = 0.1 (tanh is linear near
    /// 0), so it collapses: measured 0.099, 0.0098, 0.00097, ... 1.0e-10.
    @Test("small init: the activations collapse towards 0, about 10x per layer")
    func small() throws {
        let stds = try Self.activationStds(.small)
        #expect(stds[0] < 0.11)
        for (a, b) in zip(stds, stds.dropFirst()) { #expect(b < 0.12 * a, "\(stds)") }
        #expect(stds[9] < 1e-9, "\(stds)")
    }

    /// Xavier, randn·√(1/fanIn): the pre-activations keep a std near the input's, and only the
    /// squashing of tanh shrinks them slowly: measured 0.63, 0.48, 0.40, ... 0.23 (CS231n's
    /// figure shows the same numbers). Near constant next to the small init: 10⁹ times larger
    /// at layer 10, and no layer loses more than a quarter of the previous one's std.
    @Test("Xavier init: the activations keep their scale through 10 layers")
    func xavier() throws {
        let stds = try Self.activationStds(.xavier)
        #expect(stds.allSatisfy { (0.2...0.7).contains($0) }, "\(stds)")
        for (a, b) in zip(stds, stds.dropFirst()) { #expect(b > 0.75 * a && b < a, "\(stds)") }
        #expect(stds[9] / stds[0] > 0.3, "\(stds)")
    }
}
