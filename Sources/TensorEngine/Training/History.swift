/// What `fit` measured in one epoch.
///
/// `trainLoss` and `trainAccuracy` are the means over the epoch's batches as they were
/// trained — each batch's loss before its update, weighted by its number of examples — as
/// Keras reports them: cheap, but computed with weights that changed during the epoch, and in
/// training mode (dropout on, batch statistics). The validation numbers are measured after the
/// epoch, in evaluation mode, on the whole validation set.
public struct EpochRecord: Sendable, Equatable {
    /// The epoch's index, counted from 0 (the first epoch is epoch 0).
    public var epoch: Int
    /// The mean training loss over the epoch's batches.
    public var trainLoss: Double
    /// The fraction of training examples classified correctly; nil for regression.
    public var trainAccuracy: Double?
    /// The mean loss on the validation set after the epoch; nil without one.
    public var validationLoss: Double?
    /// The validation accuracy after the epoch; nil without a validation set or for regression.
    public var validationAccuracy: Double?

    public init(epoch: Int, trainLoss: Double, trainAccuracy: Double? = nil,
                validationLoss: Double? = nil, validationAccuracy: Double? = nil) {
        self.epoch = epoch
        self.trainLoss = trainLoss
        self.trainAccuracy = trainAccuracy
        self.validationLoss = validationLoss
        self.validationAccuracy = validationAccuracy
    }
}

/// Why `fit` ended before its last epoch.
public enum StopReason: String, Sendable, Equatable {
    /// Early stopping: the validation loss did not improve for `patience` epochs.
    case patience
    /// The per-epoch callback returned `.stop`.
    case callback
    /// The training or validation loss became infinite or NaN (a learning rate too high, typically).
    case nonFiniteLoss = "non-finite loss"
    /// The session's `ComputeGuard` asked to stop (Ctrl-C, a time or memory limit); the epoch
    /// it stopped in is not recorded and made no further update.
    case interrupted
}

extension History {
    /// How training ended, for people, with epochs counted from 1: "completed",
    /// "early stopping at epoch N", "diverged at epoch N" or "stopped by the callback at
    /// epoch N", N being the last epoch that ran.
    public var stopped: String {
        let last = "epoch \(records.count)"
        switch stopReason {
        case nil: return "completed"
        case .patience: return "early stopping at \(last)"
        case .nonFiniteLoss: return "diverged at \(last)"
        case .callback: return "stopped by the callback at \(last)"
        case .interrupted: return "interrupted"
        }
    }
}

/// The record of a `fit`: one `EpochRecord` per epoch run, the best epoch, and how it ended.
public struct History: Sendable, Equatable {
    /// One record per epoch that ran, in order (`records[i].epoch == i`).
    public var records: [EpochRecord] = []
    /// The epoch with the lowest validation loss (the first of equals); nil without a
    /// validation set or when no validation loss was a number.
    public var bestEpoch: Int?
    /// Why training ended early; nil when every requested epoch ran.
    public var stopReason: StopReason?
    /// Whether the parameters were set back to those of `bestEpoch` at the end (early
    /// stopping with `patience` does this when a later epoch was worse).
    public var restoredBestWeights = false

    public init() {}

    /// Whether training ended before its last epoch (for any `stopReason`).
    public var stoppedEarly: Bool { stopReason != nil }
    /// The number of epochs that ran.
    public var epochCount: Int { records.count }

    public var trainLoss: [Double] { records.map(\.trainLoss) }
    public var trainAccuracy: [Double?] { records.map(\.trainAccuracy) }
    public var validationLoss: [Double?] { records.map(\.validationLoss) }
    public var validationAccuracy: [Double?] { records.map(\.validationAccuracy) }
}

extension EpochRecord: CustomStringConvertible {
    /// One line: "epoch 3: loss 0.4812, accuracy 0.8833, val_loss 0.5120, val_accuracy 0.8500".
    public var description: String { "epoch \(epoch): " + figures }

    /// The epoch's numbers as a training log shows them: "loss 0.0034, accuracy 1.0000,
    /// val_loss 0.0120, val_accuracy 0.9800" (the ones it has).
    public var figures: String {
        var parts = ["loss \(Self.format(trainLoss))"]
        if let trainAccuracy { parts.append("accuracy \(Self.format(trainAccuracy))") }
        if let validationLoss { parts.append("val_loss \(Self.format(validationLoss))") }
        if let validationAccuracy { parts.append("val_accuracy \(Self.format(validationAccuracy))") }
        return parts.joined(separator: ", ")
    }

    /// Four decimals, the way training logs show them (Swift's shortest form beyond 1e9).
    static func format(_ x: Double) -> String {
        guard x.isFinite, Swift.abs(x) < 1e9 else { return "\(x)" }
        let scaled = (x * 10_000).rounded()
        let sign = scaled < 0 ? "-" : ""
        let magnitude = Swift.abs(scaled)
        let whole = Int(magnitude / 10_000), fraction = Int(magnitude.truncatingRemainder(dividingBy: 10_000))
        let digits = String(fraction)
        return "\(sign)\(whole)." + String(repeating: "0", count: 4 - digits.count) + digits
    }
}

extension History: CustomStringConvertible {
    /// One line per epoch, then the best epoch and how training ended.
    public var description: String {
        var lines = records.map(\.description)
        if let bestEpoch { lines.append("best epoch: \(bestEpoch)" + (restoredBestWeights ? " (weights restored)" : "")) }
        if stopReason != nil { lines.append("stopped: \(stopped)") }
        return lines.joined(separator: "\n")
    }
}
