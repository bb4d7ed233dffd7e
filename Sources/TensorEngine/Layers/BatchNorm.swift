/// Batch normalisation layers: `BatchNorm1d` for (N, F) (and (N, C, L)), `BatchNorm2d` for
/// (N, C, H, W). Each feature (channel) is normalised to mean 0 and variance 1, then scaled
/// and shifted by the learned γ (starting at 1) and β (starting at 0): y = γ·x̂ + β
/// (`Tensor.batchNorm` has the formulas and the backward pass).
///
/// - Training mode normalises with the statistics of the batch itself, and updates running
///   estimates of them after each batch.
/// - Evaluation mode (`eval()`) normalises with the running estimates instead: each example
///   is treated alone, and the output no longer depends on the rest of the batch
///   (deterministic; use it for validation, testing and inference).
///
/// The momentum convention is PyTorch's. After each training batch
///
///     running = (1 − momentum)·running + momentum·batch        (momentum = 0.1)
///
/// so the newest batch has weight 0.1. Keras calls the *other* weight momentum: its default
/// `momentum=0.99` means running = 0.99·running + 0.01·batch. The same update with the number
/// flipped — PyTorch's momentum 0.1 is Keras' 0.9 — which confuses students moving between
/// the two.
///
/// Also as in PyTorch: the running variance is updated with the *unbiased* batch variance,
/// σ²·m/(m − 1), while the batch itself is normalised with the biased σ² (divided by m).
/// The running mean starts at 0 and the running variance at 1. Training mode needs more than
/// one value per feature (the unbiased variance divides by m − 1).
struct BatchNormState {
    let gamma: Tensor, beta: Tensor
    var runningMean: Tensor, runningVariance: Tensor
    let momentum: Double, eps: Double

    init(features: Int, momentum: Double, eps: Double) throws {
        gamma = Tensor(try Tensor.ones([features]), requiresGrad: true, name: "gamma")
        beta = Tensor(try Tensor.zeros([features]), requiresGrad: true, name: "beta")
        runningMean = try Tensor.zeros([features])
        runningVariance = try Tensor.ones([features])
        self.momentum = momentum
        self.eps = eps
    }

    /// Frozen (`freeze()`: γ and β do not train): the layer is fixed as a whole, so it
    /// normalises with its running statistics and leaves them alone, in training mode too —
    /// features frozen for transfer learning stay the features that were learned.
    var isFrozen: Bool { !gamma.requiresGrad && !beta.requiresGrad }

    /// Batch statistics and an update of the running ones (training), or the running ones.
    mutating func forward(_ x: Tensor, training: Bool, layer: String) throws -> Tensor {
        guard training else {
            return try Tensor.batchNorm(x, gamma: gamma, beta: beta, mean: runningMean, variance: runningVariance, eps: eps)
        }
        guard x.shape[0] * x.shape.dropFirst(2).reduce(1, *) > 1 else {
            throw TensorError.argument(op: layer, name: "an input of shape \(x.shape)",
                                       problem: .oneValuePerFeature)
        }
        let batch = try Tensor.batchNormWithStatistics(x, gamma: gamma, beta: beta, eps: eps)
        runningMean = try runningMean * (1 - momentum) + batch.mean * momentum
        runningVariance = try runningVariance * (1 - momentum) + batch.unbiasedVariance * momentum
        return batch.output
    }

    /// [running mean, running variance]: state to save and restore with the weights (early
    /// stopping restores the best epoch's), not trained by gradients.
    /// - Precondition (set): two tensors of shape (C).
    var buffers: [Tensor] {
        get { [runningMean, runningVariance] }
        set {
            precondition(newValue.count == 2 && newValue.allSatisfy { $0.shape == runningMean.shape },
                         "batch norm buffers: [running mean, running variance], each of shape \(runningMean.shape)")
            (runningMean, runningVariance) = (newValue[0], newValue[1])
        }
    }

    func summary(_ name: String) -> String {
        "\(name)(\(gamma.shape[0]), momentum: \(momentum), eps: \(eps))"
    }
}

/// Batch normalisation of (N, F) inputs over the batch, per feature (or (N, C, L), per
/// channel over N·L values). Parameters γ and β (F): 2·F numbers; running mean and variance
/// (F) are state, not parameters. See `BatchNormState` for the momentum convention.
public final class BatchNorm1d: Layer {
    var state: BatchNormState
    public var isTraining = true

    /// - Parameters: `momentum` is PyTorch's (weight of the newest batch, 0.1); `eps` keeps
    ///   the division away from zero.
    public init(_ features: Int, momentum: Double = 0.1, eps: Double = 1e-5) throws {
        state = try BatchNormState(features: features, momentum: momentum, eps: eps)
    }

    public var gamma: Tensor { state.gamma }
    public var beta: Tensor { state.beta }
    /// The running mean (F), used in evaluation mode.
    public var runningMean: Tensor { state.runningMean }
    /// The running (unbiased) variance (F), used in evaluation mode.
    public var runningVariance: Tensor { state.runningVariance }
    /// [runningMean, runningVariance], settable (to restore a saved model).
    public var buffers: [Tensor] {
        get { state.buffers }
        set { state.buffers = newValue }
    }
    public var summary: String { state.summary("BatchNorm1d") }
    public var namedParameters: [(name: String, parameter: Tensor)] { [("gamma", gamma), ("beta", beta)] }

    /// (N, F) -> (N, F), or (N, F, L) -> (N, F, L).
    public func forward(_ input: Tensor) throws -> Tensor {
        guard input.rank == 2 || input.rank == 3, input.shape[1] == gamma.shape[0] else {
            throw TensorError.rank(op: summary, argument: "its input",
                                   expected: "shape (N, \(gamma.shape[0])) or (N, \(gamma.shape[0]), L)", shape: input.shape)
        }
        return try state.forward(input, training: isTraining && !state.isFrozen, layer: "BatchNorm1d")
    }
}

/// Batch normalisation of (N, C, H, W) inputs per channel, over its N·H·W values: each
/// channel (a feature map) gets one γ and one β, shared by all positions, as a convolution
/// shares its filter. Parameters: 2·C. See `BatchNormState` for the momentum convention.
public final class BatchNorm2d: Layer {
    var state: BatchNormState
    public var isTraining = true

    /// - Parameters: as `BatchNorm1d`.
    public init(_ channels: Int, momentum: Double = 0.1, eps: Double = 1e-5) throws {
        state = try BatchNormState(features: channels, momentum: momentum, eps: eps)
    }

    public var gamma: Tensor { state.gamma }
    public var beta: Tensor { state.beta }
    /// The running mean (C), used in evaluation mode.
    public var runningMean: Tensor { state.runningMean }
    /// The running (unbiased) variance (C), used in evaluation mode.
    public var runningVariance: Tensor { state.runningVariance }
    /// [runningMean, runningVariance], settable (to restore a saved model).
    public var buffers: [Tensor] {
        get { state.buffers }
        set { state.buffers = newValue }
    }
    public var summary: String { state.summary("BatchNorm2d") }
    public var namedParameters: [(name: String, parameter: Tensor)] { [("gamma", gamma), ("beta", beta)] }

    /// (N, C, H, W) -> (N, C, H, W).
    public func forward(_ input: Tensor) throws -> Tensor {
        guard input.rank == 4, input.shape[1] == gamma.shape[0] else {
            throw TensorError.rank(op: summary, argument: "its input",
                                   expected: "shape (N, \(gamma.shape[0]), H, W)", shape: input.shape)
        }
        return try state.forward(input, training: isTraining && !state.isFrozen, layer: "BatchNorm2d")
    }
}

/// Early stopping saves and restores the running statistics with the weights.
extension BatchNorm1d: StatefulLayer {}
extension BatchNorm2d: StatefulLayer {}
