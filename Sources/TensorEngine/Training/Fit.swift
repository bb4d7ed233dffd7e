/// What the per-epoch callback of `fit` asks for.
public enum EpochAction: Sendable, Equatable {
    /// Go on with the next epoch.
    case proceed
    /// End training after this epoch (`History.stopReason` is `.callback`).
    case stop
}

/// Trains `model` on `train` for up to `epochs` epochs and returns what happened.
///
/// Each epoch, in training mode (`model.train()`): the training set in mini-batches of
/// `batchSize` (reshuffled every epoch with `rng` when `shuffle`; the whole set as one batch,
/// unshuffled, when `batchSize` is nil or at least N), and for each batch: forward, `loss`,
/// `backward`, `optimizer.step()`. Then, in evaluation mode (`model.eval()`), the loss and
/// accuracy on `validation`. Then the callback, which may stop training.
///
///     var rng = RandomGenerator(seed: 0)
///     let parts = try Dataset.spiral(using: &rng).split(validation: 0.2, using: &rng)
///     let model = Sequential([try Linear(2, 100, using: &rng), ReLU(), try Linear(100, 3, using: &rng)])
///     let history = try fit(model, parts.train, validation: parts.validation, epochs: 200,
///                           optimizer: SGD(model.parameters, learningRate: 1), patience: 10,
///                           using: &rng) { print($0); return .proceed }
///
/// - Early stopping: with `patience` p, training stops once the validation loss has not
///   improved (strictly) for p epochs in a row, and at the end — however training ended — the
///   parameters (and `StatefulLayer` buffers) are set back to those of the best epoch.
/// - Training also stops (diverged, as Keras's TerminateOnNaN) when the training or validation
///   loss of an epoch becomes infinite or NaN; `History.stopped` then names that epoch.
/// - `fit` leaves the model in evaluation mode, ready for predictions.
/// - Parameters:
///   - loss: by default cross-entropy when `train` has `classes`, MSE otherwise.
///   - onEpoch: called after each epoch with its record (`.proceed` or `.stop`).
/// - Stops before the next batch when the session's `ComputeGuard` says so (Ctrl-C, a time or
///   memory limit): the history ends with `.interrupted`.
/// - Throws: `TensorError.argument` for a negative epoch count or patience, a batch size below
///   1, an empty training or validation set, or a patience without a validation set; errors of
///   the model, the loss or the optimizer, and whatever the callback throws.
/// - Complexity: `epochs` passes over `train` (forward and backward) and over `validation`.
@discardableResult
public func fit(_ model: any Layer, _ train: Dataset, validation: Dataset? = nil, epochs: Int,
                batchSize: Int? = nil, optimizer: any Optimizer, loss: Loss? = nil, patience: Int? = nil,
                shuffle: Bool = true, using rng: inout RandomGenerator,
                onEpoch: ((EpochRecord) throws -> EpochAction)? = nil) throws -> History {
    try checkFitArguments(train, validation, epochs: epochs, batchSize: batchSize, patience: patience)
    let loss = loss ?? .default(for: train)
    var history = History(), watcher = EarlyStopping(patience: patience)
    defer { model.eval() }
    for epoch in 0..<epochs {
        let totals = try trainEpoch(model, train, batchSize: batchSize, shuffle: shuffle, &rng, optimizer, loss)
        // Stopped by the session (Ctrl-C, a limit): the epoch is cut short, so not recorded.
        if ComputeGuard.shouldStopNow() {
            history.stopReason = .interrupted
            break
        }
        var record = EpochRecord(epoch: epoch, trainLoss: totals.meanLoss, trainAccuracy: totals.accuracy)
        var outOfPatience = false
        if let validation {
            let result = try evaluate(model, on: validation, loss: loss, batchSize: batchSize)
            (record.validationLoss, record.validationAccuracy) = (result.loss, result.accuracy)
            outOfPatience = watcher.observe(epoch: epoch, validationLoss: result.loss, model: model)
        }
        history.records.append(record)
        let action = try onEpoch?(record) ?? .proceed
        let diverged = !record.trainLoss.isFinite || !(record.validationLoss ?? 0).isFinite
        history.stopReason = diverged ? .nonFiniteLoss
            : outOfPatience ? .patience : action == .stop ? .callback : nil
        if history.stopReason != nil { break }
    }
    history.bestEpoch = watcher.bestEpoch
    history.restoredBestWeights = try watcher.restoreBest(to: model, lastEpoch: history.records.count - 1)
    return history
}

/// `fit` with a generator seeded by `seed` for the shuffling.
@discardableResult
public func fit(_ model: any Layer, _ train: Dataset, validation: Dataset? = nil, epochs: Int,
                batchSize: Int? = nil, optimizer: any Optimizer, loss: Loss? = nil, patience: Int? = nil,
                shuffle: Bool = true, seed: UInt64 = 0,
                onEpoch: ((EpochRecord) throws -> EpochAction)? = nil) throws -> History {
    var rng = RandomGenerator(seed: seed)
    return try fit(model, train, validation: validation, epochs: epochs, batchSize: batchSize,
                   optimizer: optimizer, loss: loss, patience: patience, shuffle: shuffle,
                   using: &rng, onEpoch: onEpoch)
}

/// One epoch of training steps in training mode; the batches' losses and correct counts.
private func trainEpoch(_ model: any Layer, _ train: Dataset, batchSize: Int?, shuffle: Bool,
                        _ rng: inout RandomGenerator, _ optimizer: any Optimizer, _ loss: Loss) throws -> BatchTotals {
    model.train()
    var totals = BatchTotals()
    func step(_ batch: Dataset) throws {
        // Replaces every gradient, and clears those of parameters this batch does not reach
        // (which `backward` would leave stale for the optimizer).
        model.zeroGrad()
        let scores = try model(batch.x)
        let batchLoss = try loss(scores, batch.y)
        try batchLoss.backward()
        // A kernel stopped early leaves zeros, which must not reach the weights.
        if ComputeGuard.current?.isStopped == true { return }
        try optimizer.step()
        try totals.add(batchLoss, scores.detached(), batch.y, loss)
    }
    if let size = batchSize, size < train.count {
        for batch in shuffle ? try train.batches(size: size, using: &rng) : try train.batches(size: size) {
            if ComputeGuard.shouldStopNow() { break }
            try step(batch)
        }
    } else {
        try step(train)
    }
    return totals
}

private func checkFitArguments(_ train: Dataset, _ validation: Dataset?, epochs: Int, batchSize: Int?,
                               patience: Int?) throws {
    try checkNotEmpty(train, "fit", "the training set")
    if let validation { try checkNotEmpty(validation, "fit", "the validation set") }
    guard epochs >= 0 else {
        throw TensorError.argument(op: "fit", name: "epochs", problem: .negative(epochs))
    }
    if let batchSize, batchSize < 1 {
        throw TensorError.argument(op: "fit", name: "the batch size", problem: .notAtLeast(1, got: batchSize))
    }
    if let patience {
        guard patience >= 0 else {
            throw TensorError.argument(op: "fit", name: "patience", problem: .negative(patience))
        }
        guard validation != nil else {
            throw TensorError.argument(op: "fit", name: "patience",
                                       problem: .needsValidationSet)
        }
    }
}
