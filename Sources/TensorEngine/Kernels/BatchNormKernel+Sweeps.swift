/// The sweeps of `BatchNormKernel` over one block of features. Each sweep reads rows
/// r = 0..<n of the block's `w` contiguous columns; per-feature numbers (μ, 1/σ, γ, β) come
/// from column vectors made by `expand`, so the inner loop is a plain vectorisable loop.
///
/// Rows go in groups (`rowGroups`, four rows, two in `inputGradient`): each column's
/// parameters are loaded once per group, and an accumulator takes the group's rows one after
/// another, so every sum still runs r = 0, 1, 2, ... (W5 took about 10% less time).
// NOTE: index with `j &* stride &+ k`. With `j * stride + k` the overflow checks stayed in the
// inner loops and kept them from vectorising: W5 took twice as long.
extension BatchNormKernel {
    /// mean[f] = Σ x / m and variance[f] = Σ (x − μ)² / m (biased), in two sweeps: the
    /// second subtracts the mean first, which stays accurate where E[x²] − E[x]² does not.
    func statistics(_ x: UnsafePointer<Double>, _ block: Range<Int>,
                    mean: UnsafeMutablePointer<Double>, variance: UnsafeMutablePointer<Double>) {
        withColumns(block, count: 2) { columns, w in
            let sums = columns, mu = columns + w, stride = rowStride, x = x + block.lowerBound * s
            func addValues<R: RowGroup>(_: R.Type, _ r: Int) {
                let src = x + r * stride
                for k in 0..<w {
                    var total = sums[k]
                    for j in 0..<R.rows { total += src[j &* stride &+ k] }
                    sums[k] = total
                }
            }
            func addSquares<R: RowGroup>(_: R.Type, _ r: Int) {
                let src = x + r * stride
                for k in 0..<w {
                    var total = sums[k]
                    for j in 0..<R.rows {
                        let d = src[j &* stride &+ k] - mu[k]
                        total += d * d
                    }
                    sums[k] = total
                }
            }
            sums.initialize(repeating: 0, count: w)
            rowGroups { addValues(FourRows.self, $0) } single: { addValues(OneRow.self, $0) }
            featureSums(sums, block, divisor: Double(m), into: mean)
            expand(block, into: mu) { mean[$0] }
            sums.update(repeating: 0, count: w)
            rowGroups { addSquares(FourRows.self, $0) } single: { addSquares(OneRow.self, $0) }
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
            let stride = rowStride, offset = block.lowerBound * s
            func rows<R: RowGroup>(_: R.Type, _ r: Int) {
                let src = x + offset + r * stride, dst = y + offset + r * stride
                for k in 0..<w {
                    for j in 0..<R.rows { dst[j &* stride &+ k] = (src[j &* stride &+ k] - mu[k]) * inv[k] * gamma[k] + beta[k] }
                }
            }
            rowGroups { rows(FourRows.self, $0) } single: { rows(OneRow.self, $0) }
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
            let stride = rowStride, offset = block.lowerBound * s
            func rows<R: RowGroup>(_: R.Type, _ r: Int) {
                let gr = g + offset + r * stride, xr = x + offset + r * stride
                for k in 0..<w {
                    var (totalG, totalGX) = (sumG[k], sumGX[k])
                    for j in 0..<R.rows {
                        let xhat = (xr[j &* stride &+ k] - mu[k]) * inv[k]
                        totalG += gr[j &* stride &+ k]
                        totalGX += gr[j &* stride &+ k] * xhat
                    }
                    (sumG[k], sumGX[k]) = (totalG, totalGX)
                }
            }
            rowGroups { rows(FourRows.self, $0) } single: { rows(OneRow.self, $0) }
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
            let stride = rowStride, offset = block.lowerBound * s
            func rows<R: RowGroup>(_: R.Type, _ r: Int) {
                let gr = g + offset + r * stride, xr = x + offset + r * stride, out = dx + offset + r * stride
                for k in 0..<w {
                    for j in 0..<R.rows {
                        let xhat = (xr[j &* stride &+ k] - mu[k]) * inv[k]
                        out[j &* stride &+ k] = scale[k] * (gr[j &* stride &+ k] - a[k] - xhat * b[k])
                    }
                }
            }
            // Two rows, not four: 4 + 4 + 4 row pointers and 5 columns would not fit the registers.
            rowGroups(of: 2) { rows(TwoRows.self, $0) } single: { rows(OneRow.self, $0) }
        }
    }

    /// Runs `group(r)` for r = 0, k, 2k, ... while k = `size` rows remain, then `single(r)`
    /// for the last n mod k rows: every row once, in order.
    @inline(__always)
    func rowGroups(of size: Int = 4, _ group: (Int) -> Void, single: (Int) -> Void) {
        var r = 0
        while r + size <= n { group(r); r += size }
        while r < n { single(r); r += 1 }
    }
}

/// How many rows a sweep's inner loop takes at once, as a type, so that the loop over them
/// has a constant trip count and unrolls.
protocol RowGroup { static var rows: Int { get } }
enum OneRow: RowGroup { static var rows: Int { 1 } }
enum TwoRows: RowGroup { static var rows: Int { 2 } }
enum FourRows: RowGroup { static var rows: Int { 4 } }

/// Pointers to the per-feature vectors of a `FeatureTable`, for the sweeps.
struct FeatureVectors {
    let gamma, beta, mean, variance, invstd, dgamma, dbeta: UnsafeMutablePointer<Double>

    init(_ base: UnsafeMutablePointer<Double>, features c: Int) {
        (gamma, beta, mean, variance) = (base, base + c, base + 2 * c, base + 3 * c)
        (invstd, dgamma, dbeta) = (base + 4 * c, base + 5 * c, base + 6 * c)
    }
}
