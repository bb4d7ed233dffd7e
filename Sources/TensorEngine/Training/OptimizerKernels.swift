/// The elementwise loops of the optimisers: one pass over a parameter, its gradient and its
/// state, writing the new parameter into a fresh tensor and the state in place. Plain loops
/// over buffers, run by the chosen variant of `VectorKernels` (Sources/_VectorKernels/Optimizers.swift).
enum OptimizerKernels {
    /// w − lr · (g + decay · w).
    static func sgd(_ w: Tensor, _ g: Tensor, _ lr: Double, _ decay: Double) -> Tensor {
        Tensor(unchecked: w.shape) { out in
            w.scalars.withUnsafeBufferPointer { w in
                g.scalars.withUnsafeBufferPointer { g in
                    guard out.count > 0 else { return }
                    VectorKernels.chosen.sgd(out.count, out.baseAddress!, w.baseAddress!, g.baseAddress!, lr, decay)
                }
            }
        }
    }

    /// v ← μ·v − lr·(g + decay·w) in place; returns w + v.
    static func momentum(_ w: Tensor, _ g: Tensor, _ v: inout Tensor,
                         _ lr: Double, _ mu: Double, _ decay: Double) -> Tensor {
        Tensor(unchecked: w.shape) { out in
            w.scalars.withUnsafeBufferPointer { w in
                g.scalars.withUnsafeBufferPointer { g in
                    v.scalars.withUnsafeMutableBufferPointer { v in
                        guard out.count > 0 else { return }
                        VectorKernels.chosen.momentum(out.count, out.baseAddress!, w.baseAddress!, g.baseAddress!, v.baseAddress!,
                                                      lr, mu, decay)
                    }
                }
            }
        }
    }

    /// Adam's step for one parameter, with `c1` = 1 − β1ᵗ and `c2` = 1 − β2ᵗ:
    /// g' = g + decay·w; m ← β1·m + (1 − β1)·g'; v ← β2·v + (1 − β2)·g'² (both in place);
    /// returns w − lr · (m / c1) / (√(v / c2) + ε).
    static func adam(_ w: Tensor, _ g: Tensor, _ m: inout Tensor, _ v: inout Tensor,
                     _ h: AdamHyperparameters, c1: Double, c2: Double) -> Tensor {
        Tensor(unchecked: w.shape) { out in
            w.scalars.withUnsafeBufferPointer { w in
                g.scalars.withUnsafeBufferPointer { g in
                    m.scalars.withUnsafeMutableBufferPointer { m in
                        v.scalars.withUnsafeMutableBufferPointer { v in
                            guard out.count > 0 else { return }
                            let numbers = [h.learningRate, h.beta1, h.beta2, h.epsilon, h.weightDecay, c1, c2]
                            VectorKernels.chosen.adam(out.count, out.baseAddress!, w.baseAddress!, g.baseAddress!,
                                                      m.baseAddress!, v.baseAddress!, numbers)
                        }
                    }
                }
            }
        }
    }
}

/// The numbers of one Adam step, gathered for the loop above.
struct AdamHyperparameters {
    var learningRate: Double
    var beta1: Double
    var beta2: Double
    var epsilon: Double
    var weightDecay: Double
}
