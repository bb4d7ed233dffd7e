// The optimisers' update loops (`OptimizerKernels` in TensorEngine): one pass over a parameter
// w, its gradient g and its state, writing the new parameter to `out` and the state in place.
// Each element by the same expression, in the same order, as the portable loops (see
// Elementwise.swift's header: no fused multiply-add).

/// out[i] = w[i] − lr · (g[i] + decay · w[i]).
public func sgd(_ n: Int, _ out: UnsafeMutablePointer<Double>, _ w: UnsafePointer<Double>, _ g: UnsafePointer<Double>,
                _ lr: Double, _ decay: Double) {
    for i in 0..<n { out[i] = w[i] - lr * (g[i] + decay * w[i]) }
}

/// v[i] ← μ·v[i] − lr·(g[i] + decay·w[i]) in place; out[i] = w[i] + v[i].
public func momentum(_ n: Int, _ out: UnsafeMutablePointer<Double>, _ w: UnsafePointer<Double>, _ g: UnsafePointer<Double>,
                     _ v: UnsafeMutablePointer<Double>, _ lr: Double, _ mu: Double, _ decay: Double) {
    for i in 0..<n {
        v[i] = mu * v[i] - lr * (g[i] + decay * w[i])
        out[i] = w[i] + v[i]
    }
}

/// g' = g + decay·w; m ← β1·m + (1 − β1)·g'; v ← β2·v + (1 − β2)·g'² (both in place);
/// out = w − lr · (m / c1) / (√(v / c2) + ε), with c1 = 1 − β1ᵗ and c2 = 1 − β2ᵗ.
/// `h` holds the step's numbers: lr, β1, β2, ε, decay, c1, c2 (a pointer, not a struct: each
/// variant's module would have a struct type of its own).
public func adam(_ n: Int, _ out: UnsafeMutablePointer<Double>, _ w: UnsafePointer<Double>, _ g: UnsafePointer<Double>,
                 _ m: UnsafeMutablePointer<Double>, _ v: UnsafeMutablePointer<Double>, _ h: UnsafePointer<Double>) {
    let (lr, beta1, beta2, epsilon, decay, c1, c2) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6])
    for i in 0..<n {
        let gi = g[i] + decay * w[i]
        m[i] = beta1 * m[i] + (1 - beta1) * gi
        v[i] = beta2 * v[i] + (1 - beta2) * gi * gi
        out[i] = w[i] - lr * (m[i] / c1) / ((v[i] / c2).squareRoot() + epsilon)
    }
}
