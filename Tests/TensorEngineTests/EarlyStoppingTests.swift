import Testing
@testable import TensorEngine

@Suite("fit: early stopping restores the best epoch")
struct EarlyStoppingTests {
    /// Built to over-fit: a wide MLP on 16 noisy training points, judged on 200 fresh ones.
    static func overfitting() throws -> (model: Sequential, train: Dataset, validation: Dataset) {
        var rng = RandomGenerator(seed: 7)
        let train = try Dataset.moons(count: 16, noise: 0.35, using: &rng)
        let validation = try Dataset.moons(count: 200, noise: 0.35, using: &rng)
        let model = Sequential([try Linear(2, 128, using: &rng), ReLU(), try Linear(128, 128, using: &rng), ReLU(),
                                try Linear(128, 2, using: &rng)])
        return (model, train, validation)
    }

    @Test("patience stops an over-fitting run and puts back the best epoch's weights")
    func restoresBest() throws {
        let (model, train, validation) = try Self.overfitting()
        var snapshots: [Int: [Tensor]] = [:]
        let history = try fit(model, train, validation: validation, epochs: 400,
                              optimizer: Adam(model.parameters, learningRate: 0.01), patience: 15) { record in
            snapshots[record.epoch] = model.parameters.map { $0.detached() }
            return .proceed
        }
        let best = try #require(history.bestEpoch)
        #expect(history.stopReason == .patience && history.restoredBestWeights)
        #expect(history.epochCount == best + 16, "stops after 15 epochs without improvement")
        // The validation loss was lowest at the best epoch, and the training loss kept falling.
        let losses = history.validationLoss.map { $0! }
        #expect(losses[best] == losses.min())
        #expect(history.trainLoss.last! < history.trainLoss[best])
        // The weights are exactly those seen by the callback after the best epoch.
        for (p, saved) in zip(model.parameters, snapshots[best]!) { #expect(p.detached() == saved) }
        let now = try evaluate(model, on: validation)
        #expect(abs(now.loss - losses[best]) < 1e-12)
    }

    @Test("with patience, the best weights come back also when the callback ends training")
    func restoresAfterCallbackStop() throws {
        let (model, train, validation) = try Self.overfitting()
        var snapshots: [Int: [Tensor]] = [:]
        let history = try fit(model, train, validation: validation, epochs: 400,
                              optimizer: Adam(model.parameters, learningRate: 0.01), patience: 1000) { record in
            snapshots[record.epoch] = model.parameters.map { $0.detached() }
            return record.epoch == 120 ? .stop : .proceed
        }
        let best = try #require(history.bestEpoch)
        #expect(history.stopReason == .callback && best < 120 && history.restoredBestWeights)
        for (p, saved) in zip(model.parameters, snapshots[best]!) { #expect(p.detached() == saved) }
    }

    @Test("without patience the last weights stay; the best epoch is still reported")
    func noPatienceNoRestore() throws {
        let (model, train, validation) = try Self.overfitting()
        let history = try fit(model, train, validation: validation, epochs: 60,
                              optimizer: Adam(model.parameters, learningRate: 0.01))
        #expect(history.bestEpoch != nil && !history.restoredBestWeights && !history.stoppedEarly)
        #expect(abs(try evaluate(model, on: validation).loss - history.validationLoss.last!!) < 1e-12)
    }

    @Test("patience 0 stops at the first epoch that does not improve")
    func patienceZero() throws {
        let (model, train, validation) = try Self.overfitting()
        let history = try fit(model, train, validation: validation, epochs: 400,
                              optimizer: Adam(model.parameters, learningRate: 0.01), patience: 0)
        let losses = history.validationLoss.map { $0! }
        #expect(history.stopReason == .patience && history.bestEpoch == history.epochCount - 2)
        #expect(losses.last! >= losses[losses.count - 2])
        #expect(zip(losses.dropLast(), losses.dropLast().dropFirst()).allSatisfy { $1 < $0 })
    }

    @Test("a StatefulLayer's buffers are restored with the weights")
    func buffersRestored() throws {
        let (model, train, validation) = try Self.overfitting()
        let counter = CountingLayer()
        let wrapped = Sequential([counter, model])
        var counts: [Int: Double] = [:]
        let history = try fit(wrapped, train, validation: validation, epochs: 400,
                              optimizer: Adam(wrapped.parameters, learningRate: 0.01), patience: 15) { record in
            counts[record.epoch] = counter.buffers[0].scalar!
            return .proceed
        }
        let best = try #require(history.bestEpoch)
        #expect(history.restoredBestWeights && counter.buffers[0].scalar! == counts[best]!)
        #expect(counts[best]! == Double(best + 1))
    }
}

/// A stateful layer: counts the training batches it has seen, in a buffer.
final class CountingLayer: StatefulLayer {
    var isTraining = true
    var buffers: [Tensor] = [Tensor(0)]
    var summary: String { "CountingLayer()" }
    func forward(_ input: Tensor) throws -> Tensor {
        if isTraining { buffers[0] = Tensor(buffers[0].scalar! + 1) }
        return input
    }
}
