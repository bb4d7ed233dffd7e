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
        let w1 = hidden.weight.value, b1 = hidden.bias.value, w2 = output.weight.value
        #expect(w1[0, 0] != 0.3, "the weights moved")
        for unit in 1..<10 {
            for input in 0..<2 { #expect(abs(w1[input, unit] - w1[input, 0]) <= 1e-12) }
            #expect(abs(b1[unit] - b1[0]) <= 1e-12)
            for out in 0..<3 { #expect(abs(w2[unit, out] - w2[0, out]) <= 1e-12) }
        }
    }
}
