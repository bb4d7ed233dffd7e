/// The loops behind batch normalisation (`Tensor.batchNorm`): statistics, normalising, and
/// the closed-form backward pass, each feature's work fused into a few sweeps over memory.
///
/// x is viewed as (n, c, s): n examples, c features (channels), s positions per feature
/// (1 for (N, F); H·W for (N, C, H, W)). Feature f owns the m = n·s values x[r, f, i], and
/// in memory row r holds the c·s "columns" k = f·s + i contiguously. Every sweep walks the
/// rows in order and, inside a row, a contiguous run of columns — the loop that vectorises.
///
/// The plain loops of the training-mode forward pass: `ReferenceKernels.batchNorm`
/// (Sources/TensorEngine/Reference/ReferenceKernels+BatchNorm.swift).
///
/// Priorities, in order: 1. results independent of the thread count, bit for bit; 2. the
/// formulas of the course, recognisable in the code; 3. speed.
///
/// Summation order (the same for every thread count): a column's sum runs over the rows
/// r = 0, 1, …, n − 1 in order; a feature's sum then adds its s column sums in order
/// i = 0, 1, …, s − 1. For (N, F) that is plain index order.
///
/// Work is split into blocks of whole features, one per thread (more when a block would be
/// wider than `maxColumns` columns), and each sweep streams over its block's row segments. Narrower blocks
/// meant to stay in cache between sweeps were 2x slower: with rows a power of two apart
/// (512 doubles = 4 KiB for W5's (256, 512)) a block's rows fall into the same cache sets and
/// evict each other, while long contiguous runs keep the hardware prefetcher busy.
struct BatchNormKernel {
    /// Examples, features, positions per feature.
    let n: Int, c: Int, s: Int
    let threads: Int

    /// The widest block, in columns: bounds the scratch vectors (5 per block).
    static let maxColumns = 4096
    /// The fewest elements worth a thread of their own: below, waking a thread costs what it
    /// saves. Measured (best of 9, forward + backward): (256, 512) took 329 µs on one thread
    /// and 328 on two; (512, 512) 732 and 527; (1024, 512) 2992 and 1544.
    static let minimumPerThread = 1 << 17

    /// The layout of `shape` = (N, C, ...), rank 2 or more (the caller checks).
    init(shape: [Int], threads: Int) {
        n = shape[0]
        c = shape[1]
        s = shape.dropFirst(2).reduce(1, *)
        self.threads = threads
    }

    /// The number of values per feature, m = n·s.
    var m: Int { n * s }
    /// The distance between consecutive rows, in doubles.
    var rowStride: Int { c * s }

    /// Runs `body` on every block of features, the blocks spread over the threads.
    func forEachBlock(_ body: (Range<Int>) -> Void) {
        let workers = Swift.max(1, Swift.min(threads, n * c * s / Self.minimumPerThread))
        let perBlock = Swift.max(1, Swift.min(Self.maxColumns / Swift.max(s, 1), (c + workers - 1) / workers))
        let blocks = Swift.stride(from: 0, to: c, by: perBlock).map { $0..<Swift.min($0 + perBlock, c) }
        parallelFor(parts: blocks.count, threads: workers) { body(blocks[$0]) }
    }

    /// Per-block scratch: `count` column vectors of the block's width, freed afterwards.
    func withColumns<R>(_ block: Range<Int>, count: Int,
                        _ body: (UnsafeMutablePointer<Double>, Int) -> R) -> R {
        let width = block.count * s
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: Swift.max(count * width, 1)) { buffer in
            body(buffer.baseAddress!, width)
        }
    }

    /// out[j] = value(block.lowerBound + j / s): a per-feature number repeated over its s
    /// columns, so the sweeps read every parameter from a contiguous column vector.
    /// (Called once per feature, not per element: the closure costs nothing here.)
    @inline(__always)
    func expand(_ block: Range<Int>, into out: UnsafeMutablePointer<Double>, _ value: (Int) -> Double) {
        for (j, f) in block.enumerated() {
            (out + j * s).initialize(repeating: value(f), count: s)
        }
    }

    /// out[f] = (Σ_i column[f, i]) / divisor, each feature's s column sums added in order.
    @inline(__always)
    func featureSums(_ columns: UnsafePointer<Double>, _ block: Range<Int>, divisor: Double = 1,
                     into out: UnsafeMutablePointer<Double>) {
        for (j, f) in block.enumerated() {
            var total = 0.0
            for i in 0..<s { total += columns[j * s + i] }
            out[f] = divisor == 1 ? total : total / divisor
        }
    }
}

/// The per-feature numbers of one batch-norm call, c each, in one array: γ, β, μ, σ² (biased),
/// invstd = 1/√(σ² + eps), dγ, dβ. The forward pass fills μ to invstd; the backward reads
/// them and fills dγ and dβ.
struct FeatureTable {
    enum Row: Int { case gamma, beta, mean, variance, invstd, dgamma, dbeta }
    private(set) var storage: [Double]
    let c: Int

    init(gamma: Tensor, beta: Tensor) {
        c = gamma.count
        storage = gamma.scalars + beta.scalars + [Double](repeating: 0, count: 5 * c)
    }

    /// One vector as a tensor of shape (c).
    subscript(_ row: Row) -> Tensor {
        get { Tensor(unchecked: [c], scalars: Array(storage[row.rawValue * c..<(row.rawValue + 1) * c])) }
        set { storage.replaceSubrange(row.rawValue * c..<(row.rawValue + 1) * c, with: newValue.scalars) }
    }

    mutating func withVectors<R>(_ body: (FeatureVectors) -> R) -> R {
        storage.withUnsafeMutableBufferPointer { body(FeatureVectors($0.baseAddress!, features: c)) }
    }
}

extension BatchNormKernel {
    /// y = γ·(x − μ)/√(σ² + eps) + β with the batch's statistics, or with `given` ones (eval
    /// mode). Returns y and the table the backward pass needs.
    /// - Precondition: x is (n, c, ...), γ and β (c), m ≥ 1, and `given` of shape (c).
    func forward(_ x: Tensor, gamma: Tensor, beta: Tensor, eps: Double,
                 given: (mean: Tensor, variance: Tensor)?) -> (y: Tensor, table: FeatureTable) {
        var table = FeatureTable(gamma: gamma, beta: beta)
        if let given { (table[.mean], table[.variance]) = given }
        guard x.count > 0 else { return (x, table) }
        let y = Tensor(unchecked: x.shape) { y in
            table.withVectors { p in
                x.scalars.withUnsafeBufferPointer { x in
                    forEachBlock { block in
                        if given == nil { statistics(x.baseAddress!, block, mean: p.mean, variance: p.variance) }
                        for f in block { p.invstd[f] = 1 / (p.variance[f] + eps).squareRoot() }
                        normalize(x.baseAddress!, block, p, into: y.baseAddress!)
                    }
                }
            }
        }
        return (y, table)
    }

    /// dγ, dβ and (when `inputGradient`) dx for the upstream gradient g, from the forward's table.
    func backward(_ g: Tensor, x: Tensor, table: FeatureTable, batchStatistics: Bool,
                  inputGradient: Bool) -> (dx: Tensor?, dgamma: Tensor, dbeta: Tensor) {
        var table = table, dx: Tensor?
        let shape = x.shape
        guard x.count > 0 else { return (inputGradient ? x : nil, table[.dgamma], table[.dbeta]) }
        table.withVectors { p in
            g.scalars.withUnsafeBufferPointer { g in
                x.scalars.withUnsafeBufferPointer { x in
                    let (g, x) = (g.baseAddress!, x.baseAddress!)
                    guard inputGradient else { return forEachBlock { parameterGradients(g, x, $0, p) } }
                    dx = Tensor(unchecked: shape) { dx in
                        forEachBlock { block in
                            parameterGradients(g, x, block, p)
                            self.inputGradient(g, x, block, p, batchStatistics: batchStatistics, into: dx.baseAddress!)
                        }
                    }
                }
            }
        }
        return (dx, table[.dgamma], table[.dbeta])
    }
}
