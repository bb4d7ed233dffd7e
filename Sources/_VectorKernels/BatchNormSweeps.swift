// The sweeps of batch normalisation (`BatchNormKernel` in TensorEngine, whose header gives
// the layout and the summation order). Each sweep reads `rows` rows, `stride` doubles apart,
// of a block's `width` contiguous columns; per-column numbers (μ, 1/σ, γ, β, ...) come as
// column vectors. Rows go in groups of four (two in `batchNormInputGradient`): a column's
// numbers are loaded once per group, and an accumulator takes the group's rows one after
// another, so every column's sum still runs over r = 0, 1, 2, ... in order.

/// Runs `group(r)` for r = 0, k, 2k, ... while k = `size` rows remain, then `single(r)` for the
/// last rows mod k: every row once, in order.
@inline(__always)
func rowGroups(_ rows: Int, of size: Int, _ group: (Int) -> Void, single: (Int) -> Void) {
    var r = 0
    while r + size <= rows { group(r); r += size }
    while r < rows { single(r); r += 1 }
}

/// sums[k] += Σ_r x[r, k], r in order.
public func batchNormAddValues(_ x: UnsafePointer<Double>, rows: Int, stride: Int, width: Int,
                               into sums: UnsafeMutablePointer<Double>) {
    @inline(__always) func add(_ r: Int, _ count: Int) {
        let src = x + r &* stride
        for k in 0..<width {
            var total = sums[k]
            for j in 0..<count { total += src[j &* stride &+ k] }
            sums[k] = total
        }
    }
    rowGroups(rows, of: 4) { add($0, 4) } single: { add($0, 1) }
}

/// sums[k] += Σ_r (x[r, k] − μ[k])², r in order.
public func batchNormAddSquares(_ x: UnsafePointer<Double>, rows: Int, stride: Int, width: Int,
                                mean mu: UnsafePointer<Double>, into sums: UnsafeMutablePointer<Double>) {
    @inline(__always) func add(_ r: Int, _ count: Int) {
        let src = x + r &* stride
        for k in 0..<width {
            var total = sums[k]
            for j in 0..<count {
                let d = src[j &* stride &+ k] - mu[k]
                total += d * d
            }
            sums[k] = total
        }
    }
    rowGroups(rows, of: 4) { add($0, 4) } single: { add($0, 1) }
}

/// y[r, k] = (x[r, k] − μ[k]) · invstd[k] · γ[k] + β[k].
public func batchNormNormalize(_ x: UnsafePointer<Double>, rows: Int, stride: Int, width: Int,
                               mean mu: UnsafePointer<Double>, invstd inv: UnsafePointer<Double>,
                               gamma: UnsafePointer<Double>, beta: UnsafePointer<Double>, into y: UnsafeMutablePointer<Double>) {
    @inline(__always) func sweep(_ r: Int, _ count: Int) {
        let src = x + r &* stride, dst = y + r &* stride
        for k in 0..<width {
            for j in 0..<count { dst[j &* stride &+ k] = (src[j &* stride &+ k] - mu[k]) * inv[k] * gamma[k] + beta[k] }
        }
    }
    rowGroups(rows, of: 4) { sweep($0, 4) } single: { sweep($0, 1) }
}

/// sumG[k] += Σ_r g[r, k] and sumGX[k] += Σ_r g[r, k]·x̂[r, k], x̂ = (x − μ[k])·invstd[k], r in order.
public func batchNormAddGradients(_ g: UnsafePointer<Double>, _ x: UnsafePointer<Double>, rows: Int, stride: Int, width: Int,
                                  mean mu: UnsafePointer<Double>, invstd inv: UnsafePointer<Double>,
                                  sumG: UnsafeMutablePointer<Double>, sumGX: UnsafeMutablePointer<Double>) {
    @inline(__always) func sweep(_ r: Int, _ count: Int) {
        let gr = g + r &* stride, xr = x + r &* stride
        for k in 0..<width {
            var (totalG, totalGX) = (sumG[k], sumGX[k])
            for j in 0..<count {
                let xhat = (xr[j &* stride &+ k] - mu[k]) * inv[k]
                totalG += gr[j &* stride &+ k]
                totalGX += gr[j &* stride &+ k] * xhat
            }
            (sumG[k], sumGX[k]) = (totalG, totalGX)
        }
    }
    rowGroups(rows, of: 4) { sweep($0, 4) } single: { sweep($0, 1) }
}

/// dx[r, k] = scale[k] · (g[r, k] − a[k] − x̂[r, k]·b[k]), x̂ = (x − μ[k])·invstd[k].
public func batchNormInputGradient(_ g: UnsafePointer<Double>, _ x: UnsafePointer<Double>, rows: Int, stride: Int, width: Int,
                                   mean mu: UnsafePointer<Double>, invstd inv: UnsafePointer<Double>,
                                   scale: UnsafePointer<Double>, a: UnsafePointer<Double>, b: UnsafePointer<Double>,
                                   into dx: UnsafeMutablePointer<Double>) {
    @inline(__always) func sweep(_ r: Int, _ count: Int) {
        let gr = g + r &* stride, xr = x + r &* stride, out = dx + r &* stride
        for k in 0..<width {
            for j in 0..<count {
                let xhat = (xr[j &* stride &+ k] - mu[k]) * inv[k]
                out[j &* stride &+ k] = scale[k] * (gr[j &* stride &+ k] - a[k] - xhat * b[k])
            }
        }
    }
    // Two rows, not four: 4 + 4 + 4 row pointers and 5 columns would not fit the registers.
    rowGroups(rows, of: 2) { sweep($0, 2) } single: { sweep($0, 1) }
}
