import Testing
@testable import TensorEngine

/// Reference figures the lessons quote: whole trainings, each about a second.
@Suite("training sanity: the spiral MLP, constant initialisation")
struct TrainingSanityTests {
    /// The spiral MLP of the course (and of bench W4): 3 × 100 points, 2 → 100 → 3 ReLU,
    /// full-batch SGD with learning rate 1.0 for 1000 steps; the final training accuracy.
    static func spiralAccuracy(_ initializer: Initializer) throws -> Double {
        var rng = RandomGenerator(seed: 0)
        let data = try Dataset.spiral(pointsPerClass: 100, classes: 3, using: &rng)
        let model = Sequential([try Linear(2, 100, initializer: initializer, using: &rng), ReLU(),
                                try Linear(100, 3, initializer: initializer, using: &rng)])
        try fit(model, data, epochs: 1000, optimizer: SGD(model.parameters, learningRate: 1.0), using: &rng)
        return try evaluate(model, on: data).accuracy!
    }

    @Test("with He initialisation the spiral MLP reaches at least 98% training accuracy")
    func spiralHe() throws {
        let accuracy = try Self.spiralAccuracy(.he)
        #expect(accuracy >= 0.98, "training accuracy \(accuracy)")
    }

    @Test("with 0.01·randn (CS231n's and W4's init) it reaches above 90%, like NumPy's 0.97")
    func spiralSmall() throws {
        let accuracy = try Self.spiralAccuracy(.small)
        #expect(accuracy >= 0.90, "training accuracy \(accuracy)")
    }

    @Test("constant initialisation: the hidden units stay identical after training")
    func symmetryNeverBreaks() throws {
        var rng = RandomGenerator(seed: 0)
        let data = try Dataset.spiral(using: &rng)
        let hidden = try Linear(2, 10, initializer: .constant(0.3), using: &rng)
        let output = try Linear(10, 3, initializer: .constant(0.3), using: &rng)
        let model = Sequential([hidden, ReLU(), output])
        let history = try fit(model, data, epochs: 200, optimizer: SGD(model.parameters, learningRate: 1.0))
        #expect(history.trainLoss.last! < history.trainLoss.first!, "it trains, but only as one unit")
        let w1 = hidden.weight.detached(), b1 = hidden.bias.detached(), w2 = output.weight.detached()
        #expect(w1[0, 0] != 0.3, "the weights moved")
        for unit in 1..<10 {
            for input in 0..<2 { #expect(abs(w1[input, unit] - w1[input, 0]) <= 1e-12) }
            #expect(abs(b1[unit] - b1[0]) <= 1e-12)
            for out in 0..<3 { #expect(abs(w2[unit, out] - w2[0, out]) <= 1e-12) }
        }
    }
}

@Suite("training sanity: a small CNN on the 8x8 digits")
struct DigitsCNNTests {
    /// The digits CNN the lessons quote: conv 3x3 (1 -> 8, padding 1), ReLU, max-pool 2,
    /// flatten, linear 128 -> 10; pixels scaled to [0, 1]; 80/20 split with a fixed seed;
    /// Adam (lr 0.01), batches of 32, 15 epochs. It must reach at least 95% on the held-out
    /// images — within seconds, as the issue asks (it reaches 97.2% in well under a second).
    @Test("reaches at least 95% test accuracy")
    func digits() throws {
        var rng = RandomGenerator(seed: 0)
        let all = Dataset.digits()
        let scaled = try Dataset(x: all.x / 16, y: all.y, classes: 10)
        let parts = try scaled.split(validation: 0.2, using: &rng)
        let model = Sequential([try Conv2d(1, 8, 3, padding: 1, using: &rng), ReLU(), try MaxPool2d(2), Flatten(),
                                try Linear(8 * 4 * 4, 10, using: &rng)])
        try fit(model, parts.train, epochs: 15, batchSize: 32,
                optimizer: Adam(model.parameters, learningRate: 0.01), using: &rng)
        let accuracy = try evaluate(model, on: parts.validation).accuracy!
        #expect(accuracy >= 0.95, "test accuracy \(accuracy)")
    }
}
