/// The sweeps of `BatchNormKernel` over one block of features. Each sweep reads rows
/// r = 0..<n of the block's `w` contiguous columns; per-feature numbers (μ, 1/σ, γ, β) come
/// from column vectors made by `expand`, so the inner loop is a plain vectorisable loop.
extension BatchNormKernel {
    /// mean[f] = Σ x / m and variance[f] = Σ (x − μ)² / m (biased), in two sweeps: the
    /// second subtracts the mean first, which stays accurate where E[x²] − E[x]² does not.
    func statistics(_ x: UnsafePointer<Double>, _ block: Range<Int>,
                    mean: UnsafeMutablePointer<Double>, variance: UnsafeMutablePointer<Double>) {
        withColumns(block, count: 2) { columns, w in
            let sums = columns, mu = columns + w, first = block.lowerBound * s
            sums.initialize(repeating: 0, count: w)
            for r in 0..<n {
                let row = x + r * rowStride + first
                for k in 0..<w { sums[k] += row[k] }
            }
            featureSums(sums, block, divisor: Double(m), into: mean)
            expand(block, into: mu) { mean[$0] }
            sums.update(repeating: 0, count: w)
            for r in 0..<n {
                let row = x + r * rowStride + first
                for k in 0..<w {
                    let d = row[k] - mu[k]
                    sums[k] += d * d
                }
            }
            featureSums(sums, block, divisor: Double(m), into: variance)
        }
    }

    /// y = γ·x̂ + β with x̂ = (x − μ)·invstd, for the block's columns.
    func normalize(_ x: UnsafePointer<Double>, _ block: Range<Int>, _ p: FeatureVectors,
                   into y: UnsafeMutablePointer<Double>) {
        withColumns(block, count: 4) { columns, w in
            let mu = columns, inv = columns + w, gamma = columns + 2 * w, beta = columns + 3 * w
            expand(block, into: mu) { p.mean[$0] }
            expand(block, into: inv) { p.invstd[$0] }
            expand(block, into: gamma) { p.gamma[$0] }
            expand(block, into: beta) { p.beta[$0] }
            for r in 0..<n {
                let offset = r * rowStride + block.lowerBound * s
                let src = x + offset, dst = y + offset
                for k in 0..<w { dst[k] = (src[k] - mu[k]) * inv[k] * gamma[k] + beta[k] }
            }
        }
    }

    /// dβ[f] = Σ g and dγ[f] = Σ g·x̂ (x̂ recomputed from x exactly as the forward did).
    func parameterGradients(_ g: UnsafePointer<Double>, _ x: UnsafePointer<Double>, _ block: Range<Int>,
                            _ p: FeatureVectors) {
        withColumns(block, count: 4) { columns, w in
            let mu = columns, inv = columns + w, sumG = columns + 2 * w, sumGX = columns + 3 * w
            expand(block, into: mu) { p.mean[$0] }
            expand(block, into: inv) { p.invstd[$0] }
            sumG.initialize(repeating: 0, count: 2 * w)
            for r in 0..<n {
                let offset = r * rowStride + block.lowerBound * s
                let gr = g + offset, xr = x + offset
                for k in 0..<w {
                    let xhat = (xr[k] - mu[k]) * inv[k]
                    sumG[k] += gr[k]
                    sumGX[k] += gr[k] * xhat
                }
            }
            featureSums(sumG, block, into: p.dbeta)
            featureSums(sumGX, block, into: p.dgamma)
        }
    }

    /// dx = γ·invstd·(g − (dβ + x̂·dγ) / m) with batch statistics, dx = γ·invstd·g without
    /// (eval mode: μ and σ² are constants). Needs `parameterGradients` of the block first.
    func inputGradient(_ g: UnsafePointer<Double>, _ x: UnsafePointer<Double>, _ block: Range<Int>,
                       _ p: FeatureVectors, batchStatistics: Bool, into dx: UnsafeMutablePointer<Double>) {
        let perValue = batchStatistics ? 1 / Double(m) : 0
        withColumns(block, count: 5) { columns, w in
            let mu = columns, inv = columns + w, scale = columns + 2 * w, a = columns + 3 * w, b = columns + 4 * w
            expand(block, into: mu) { p.mean[$0] }
            expand(block, into: inv) { p.invstd[$0] }
            expand(block, into: scale) { p.gamma[$0] * p.invstd[$0] }
            expand(block, into: a) { p.dbeta[$0] * perValue }
            expand(block, into: b) { p.dgamma[$0] * perValue }
            for r in 0..<n {
                let offset = r * rowStride + block.lowerBound * s
                let gr = g + offset, xr = x + offset, out = dx + offset
                for k in 0..<w {
                    let xhat = (xr[k] - mu[k]) * inv[k]
                    out[k] = scale[k] * (gr[k] - a[k] - xhat * b[k])
                }
            }
        }
    }
}

/// Pointers to the per-feature vectors of a `FeatureTable`, for the sweeps.
struct FeatureVectors {
    let gamma, beta, mean, variance, invstd, dgamma, dbeta: UnsafeMutablePointer<Double>

    init(_ base: UnsafeMutablePointer<Double>, features c: Int) {
        (gamma, beta, mean, variance) = (base, base + c, base + 2 * c, base + 3 * c)
        (invstd, dgamma, dbeta) = (base + 4 * c, base + 5 * c, base + 6 * c)
    }
}
