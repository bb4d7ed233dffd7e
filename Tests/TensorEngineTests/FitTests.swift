import Testing
@testable import TensorEngine

@Suite("fit: history, averaging, modes, early stopping, the callback")
struct FitTests {
    /// A small classification problem: moons, split into training and validation sets.
    static func moons(count: Int = 60, noise: Double = 0.2, seed: UInt64 = 1) throws -> DatasetSplit {
        var rng = RandomGenerator(seed: seed)
        return try Dataset.moons(count: count, noise: noise, using: &rng).split(validation: 0.25, using: &rng)
    }

    static func mlp(_ widths: [Int], seed: UInt64 = 2) throws -> Sequential {
        var rng = RandomGenerator(seed: seed)
        var layers: [any Layer] = []
        for (i, (a, b)) in zip(widths, widths.dropFirst()).enumerated() {
            if i > 0 { layers.append(ReLU()) }
            layers.append(try Linear(a, b, using: &rng))
        }
        return Sequential(layers)
    }

    @Test("one record per epoch, numbered from 0, with accuracies for classification")
    func historyShape() throws {
        let data = try Self.moons(), model = try Self.mlp([2, 8, 2])
        let history = try fit(model, data.train, validation: data.validation, epochs: 5, batchSize: 16,
                              optimizer: SGD(model.parameters, learningRate: 0.1))
        #expect(history.records.map(\.epoch) == [0, 1, 2, 3, 4])
        #expect(history.trainLoss.count == 5 && history.validationLoss.allSatisfy { $0 != nil })
        #expect(history.trainAccuracy.allSatisfy { $0 != nil } && history.validationAccuracy.allSatisfy { $0 != nil })
        #expect(!history.stoppedEarly && history.bestEpoch != nil && !history.restoredBestWeights)
        #expect(history.description.hasPrefix("epoch 0: loss "))
    }

    @Test("regression: MSE by default, no accuracies, (N) targets against (N, 1) outputs")
    func regression() throws {
        var rng = RandomGenerator(seed: 3)
        let data = try Dataset.regression1D(count: 40, using: &rng)
        let flat = try Dataset(x: data.x, y: data.y.reshape([40]))
        let model = try Self.mlp([1, 16, 1])
        let history = try fit(model, flat, validation: flat, epochs: 30, optimizer: Adam(model.parameters, learningRate: 0.01))
        #expect(history.trainAccuracy.allSatisfy { $0 == nil } && history.validationAccuracy.allSatisfy { $0 == nil })
        #expect(history.trainLoss.last! < history.trainLoss.first!)
        let mse = try Tensor.mse(model(data.x), data.y).detached().scalar!
        #expect(abs(history.validationLoss.last!! - mse) < 1e-12)
    }

    @Test("epoch loss and accuracy are means over examples, weighted by batch size")
    func averaging() throws {
        // Learning rate 0: the model does not change, so the epoch's mean over batches of
        // 16, 16, 13 must equal the loss on the whole set (an unweighted mean would not).
        let data = try Self.moons(), model = try Self.mlp([2, 8, 2])
        #expect(data.train.count == 45)
        let whole = try evaluate(model, on: data.train)
        let history = try fit(model, data.train, validation: data.validation, epochs: 2, batchSize: 16,
                              optimizer: SGD(model.parameters, learningRate: 0))
        for record in history.records {
            #expect(abs(record.trainLoss - whole.loss) < 1e-12)
            #expect(abs(record.trainAccuracy! - whole.accuracy!) < 1e-12)
        }
        let validation = try evaluate(model, on: data.validation, batchSize: 7)
        #expect(abs(history.records[0].validationLoss! - validation.loss) < 1e-12)
    }

    @Test("training steps run in training mode, validation in evaluation mode; fit ends in evaluation mode")
    func modes() throws {
        let data = try Self.moons(), probe = ModeProbe()
        let model = Sequential([probe, try Self.mlp([2, 4, 2])])
        try fit(model, data.train, validation: data.validation, epochs: 2, batchSize: 20,
                optimizer: SGD(model.parameters, learningRate: 0.1))
        // Per epoch: 3 training batches (20, 20, 5), then 1 validation pass.
        #expect(probe.modes == [true, true, true, false, true, true, true, false])
        #expect(!model.isTraining && !probe.isTraining)
    }

    @Test("shuffling is seeded: the same seed gives the same history")
    func seeded() throws {
        let data = try Self.moons()
        func run(_ seed: UInt64) throws -> History {
            let model = try Self.mlp([2, 8, 2])
            return try fit(model, data.train, epochs: 3, batchSize: 8,
                           optimizer: SGD(model.parameters, learningRate: 0.1), seed: seed)
        }
        #expect(try run(5) == run(5))
        #expect(try run(5) != run(6))
    }

    @Test("the callback sees every record and can stop training")
    func callbackStops() throws {
        let data = try Self.moons(), model = try Self.mlp([2, 8, 2])
        var seen: [Int] = []
        let history = try fit(model, data.train, validation: data.validation, epochs: 20,
                              optimizer: SGD(model.parameters, learningRate: 0.5)) { record in
            seen.append(record.epoch)
            return record.epoch == 3 ? .stop : .proceed
        }
        #expect(seen == [0, 1, 2, 3] && history.epochCount == 4)
        #expect(history.stopReason == .callback && history.stoppedEarly)
    }

    @Test("a diverging loss stops training")
    func divergence() throws {
        var rng = RandomGenerator(seed: 4)
        let data = try Dataset.regression1D(count: 20, using: &rng)
        let model = try Self.mlp([1, 8, 1])
        let history = try fit(model, data, epochs: 200, optimizer: SGD(model.parameters, learningRate: 100))
        #expect(history.stopReason == .nonFiniteLoss)
        #expect(!history.trainLoss.last!.isFinite && history.epochCount < 200)
    }

    @Test("argument errors")
    func errors() throws {
        let data = try Self.moons(), model = try Self.mlp([2, 4, 2])
        let sgd = SGD(model.parameters, learningRate: 0.1)
        expectError(.argument(op: "fit", name: "patience",
                              problem: .needsValidationSet),
                                          reads: "fit: patience needs a validation set: early stopping watches the validation loss") {
            try fit(model, data.train, epochs: 3, optimizer: sgd, patience: 2)
        }
        expectError(.argument(op: "fit", name: "the batch size", problem: .notAtLeast(1, got: 0)),
                    reads: "fit: the batch size must be at least 1, got 0") {
            try fit(model, data.train, epochs: 3, batchSize: 0, optimizer: sgd)
        }
        expectError(.argument(op: "fit", name: "the training set", problem: .noExamples(shape: nil)),
                    reads: "fit: the training set has no examples") {
            try fit(model, try data.train.rows([]), epochs: 3, optimizer: sgd)
        }
        #expect(try fit(model, data.train, epochs: 0, optimizer: sgd).epochCount == 0)
    }
}

/// A layer that passes its input through and records the mode of each forward pass.
final class ModeProbe: Layer {
    var isTraining = true
    var modes: [Bool] = []
    var summary: String { "ModeProbe()" }
    func forward(_ input: Tensor) throws -> Tensor {
        modes.append(isTraining)
        return input
    }
}
