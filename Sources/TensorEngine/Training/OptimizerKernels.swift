/// The elementwise loops of the optimisers: one pass over a parameter, its gradient and its
/// state, writing the new parameter into a fresh tensor and the state in place. Plain loops
/// over buffers (no closures), so the compiler vectorises them.
enum OptimizerKernels {
    /// w − lr · (g + decay · w).
    static func sgd(_ w: Tensor, _ g: Tensor, _ lr: Double, _ decay: Double) -> Tensor {
        Tensor(unchecked: w.shape) { out in
            w.scalars.withUnsafeBufferPointer { w in
                g.scalars.withUnsafeBufferPointer { g in
                    for i in 0..<out.count { out[i] = w[i] - lr * (g[i] + decay * w[i]) }
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
                        for i in 0..<out.count {
                            v[i] = mu * v[i] - lr * (g[i] + decay * w[i])
                            out[i] = w[i] + v[i]
                        }
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
                            for i in 0..<out.count {
                                let gi = g[i] + h.weightDecay * w[i]
                                m[i] = h.beta1 * m[i] + (1 - h.beta1) * gi
                                v[i] = h.beta2 * v[i] + (1 - h.beta2) * gi * gi
                                out[i] = w[i] - h.learningRate * (m[i] / c1) / ((v[i] / c2).squareRoot() + h.epsilon)
                            }
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
