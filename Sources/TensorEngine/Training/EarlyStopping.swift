/// A layer whose output depends on state besides its parameters — BatchNorm's running mean and
/// variance — which is not trained by gradients but must be saved and restored with the
/// weights (early stopping's "restore the best epoch" would otherwise mix the best epoch's
/// weights with the last epoch's statistics).
public protocol StatefulLayer: Layer {
    /// This layer's own state tensors (not its sublayers'), in a fixed order.
    var buffers: [Tensor] { get set }
}

/// The values of a model's parameters and buffers at one moment. Cheap: tensors are
/// copy-on-write and optimizers assign new ones, so a snapshot shares their storage.
struct ModelSnapshot {
    let parameters: [Tensor]
    let buffers: [[Tensor]]

    init(_ model: any Layer) {
        parameters = model.parameters.map { $0.detached() }
        buffers = Self.statefulLayers(model).map(\.buffers)
    }

    /// Sets the model's parameters and buffers back to the saved values.
    func restore(to model: any Layer) throws {
        for (p, value) in Swift.zip(model.parameters, parameters) { try p.assign(value) }
        for (layer, saved) in Swift.zip(Self.statefulLayers(model), buffers) {
            layer.buffers = saved  // a class: sets the layer's own state
        }
    }

    /// Every layer with buffers in `model`, depth-first, in order.
    private static func statefulLayers(_ model: any Layer) -> [any StatefulLayer] {
        let own = (model as? any StatefulLayer).map { [$0] } ?? []
        return own + model.sublayers.flatMap(statefulLayers)
    }
}

/// The bookkeeping of early stopping: the best validation loss so far, its epoch, and (with a
/// patience) a snapshot of the model at that epoch.
struct EarlyStopping {
    /// Epochs without improvement after which to stop; nil: never stop, never restore.
    let patience: Int?
    private(set) var bestEpoch: Int?
    private var bestLoss = Double.infinity
    private var best: ModelSnapshot?

    init(patience: Int?) { self.patience = patience }

    /// Records an epoch's validation loss; returns whether patience has run out.
    /// An epoch improves when its loss is strictly lower than every earlier one (NaN never is).
    mutating func observe(epoch: Int, validationLoss: Double, model: any Layer) -> Bool {
        if validationLoss < bestLoss {
            (bestLoss, bestEpoch) = (validationLoss, epoch)
            if patience != nil { best = ModelSnapshot(model) }
            return false
        }
        guard let patience else { return false }
        return epoch - (bestEpoch ?? -1) >= patience
    }

    /// Puts the best epoch's weights back when a later epoch ran (with a patience only);
    /// returns whether it did.
    func restoreBest(to model: any Layer, lastEpoch: Int) throws -> Bool {
        guard let best, let bestEpoch, bestEpoch != lastEpoch else { return false }
        try best.restore(to: model)
        return true
    }
}
