import Testing
@testable import TensorEngine

/// Softmax cross-entropy against its closed form: for one row z with label y,
/// L = logsumexp(z) − z_y and dL/dz = softmax(z) − onehot(y). With two classes and label 1,
/// L = log(1 + e^(z0 − z1)) and dL/dz = (σ, −σ) where σ = 1 / (1 + e^(z1 − z0)).
@Suite("softmax cross-entropy: stable for large, tiny and mixed logits")
struct CrossEntropyTests {
    static func lossAndGradient(_ z: [[Double]], _ labels: [Double]) throws -> (Double, Tensor) {
        let logits = Tensor(try Tensor(z), requiresGrad: true)
        let loss = try Tensor.softmaxCrossEntropy(logits, labels: Tensor(labels))
        try loss.backward()
        return (loss.detached().scalars[0], try #require(logits.grad))
    }

    @Test("two classes: the loss is softplus(z0 − z1), even where exp overflows",
          arguments: [1000.0, 800.0, 710.0, 50.0, 1.0, 0.0, -30.0, -1000.0])
    func twoClasses(gap: Double) throws {
        let (loss, grad) = try Self.lossAndGradient([[gap, 0]], [1])
        // softplus(t) = max(t, 0) + log1p(exp(−|t|)), exact in floating point for any t.
        let expected = Swift.max(gap, 0) + CMath.log(1 + CMath.exp(-Swift.abs(gap)))
        #expect(Swift.abs(loss - expected) <= 1e-12 * Swift.max(1, Swift.abs(expected)), "loss \(loss), expected \(expected)")
        let sigma = 1 / (1 + CMath.exp(-gap))
        #expect(Swift.abs(grad.scalars[0] - sigma) < 1e-12 && Swift.abs(grad.scalars[1] + sigma) < 1e-12, "\(grad.scalars)")
    }

    @Test("tiny logits: a shift of every score changes nothing")
    func shiftInvariant() throws {
        let (base, baseGrad) = try Self.lossAndGradient([[2, 1, 0], [0, 0, 3]], [0, 1])
        for shift in [-1e4, -800.0, 1e-300, 900.0] {
            let (loss, grad) = try Self.lossAndGradient([[2 + shift, 1 + shift, shift], [shift, shift, 3 + shift]], [0, 1])
            #expect(Swift.abs(loss - base) < 1e-9, "shift \(shift): \(loss) vs \(base)")
            #expect(zip(grad.scalars, baseGrad.scalars).allSatisfy { Swift.abs($0 - $1) < 1e-12 }, "shift \(shift)")
        }
    }

    @Test("mixed rows: huge positive and negative logits beside small ones")
    func mixed() throws {
        // Row 0: label at the largest score → loss ≈ e^(−1000) ≈ 0; row 1: label 2000 below the top.
        let (loss, grad) = try Self.lossAndGradient([[1000, -1000, 0], [1000, -1000, 0.5]], [0, 1])
        #expect(Swift.abs(loss - 1000) < 1e-9, "mean of 0 and 2000 is 1000, got \(loss)")
        #expect(grad.scalars.allSatisfy { $0.isFinite })
        let expected: [Double] = [0, 0, 0, 0.5, -0.5, 0]   // (softmax − onehot) / N
        #expect(zip(grad.scalars, expected).allSatisfy { Swift.abs($0 - $1) < 1e-12 }, "\(grad.scalars)")
    }

    @Test("a nan score makes the loss nan, wherever it is in the row, an infinite one too")
    func nanScores() throws {
        for row in [[Double.nan, .infinity, 0], [0, .nan, .infinity], [.infinity, 0, .nan], [.nan, 1, 2]] {
            let loss = try Tensor.softmaxCrossEntropy(try Tensor([row]), labels: Tensor([2]))
            #expect(loss.scalars[0].isNaN, "\(row): \(loss.scalars[0])")
        }
    }

    @Test("gradcheck at large logits (scores of size 2: larger ones make some gradients so small that central differences lose them)")
    func gradcheckLarge() throws {
        let z = randomTensor([4, 5], seed: 9).map { $0 * 2 }
        let result = try gradcheck([z]) { v in try Tensor.softmaxCrossEntropy(v[0], labels: Tensor([0, 4, 2, 1])) }
        #expect(result.maxRelativeError < 1e-6, "\(result)")
    }
}
