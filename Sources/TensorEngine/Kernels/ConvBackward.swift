/// The per-image work of conv2d's backward pass (the formulas are in
/// `Tensor+ConvolutionBackward.swift`): for each image n, dW's group sum += dY_n·X̂_nᵀ and
/// dx_n = col2im(Wᵀ·dY_n). The images go in fixed groups, the groups in parallel. Each
/// image's patches X̂_n are built again in a scratch buffer that stays in cache, which
/// then holds Wᵀ·dY_n.
struct ConvBackwardPass {
    /// Images per partial sum of dW. Fixed, so that the order of the sum never depends on the
    /// thread count; 8 gives 2 threads enough groups to share for a batch of 16 or more.
    static let imagesPerGroup = 8

    let g: ConvGeometry
    let filters: Int
    let threads: Int
    /// ceil(N / imagesPerGroup).
    let groups: Int

    init(_ g: ConvGeometry, filters: Int, threads: Int) {
        (self.g, self.filters, self.threads) = (g, filters, threads)
        groups = (g.batch + Self.imagesPerGroup - 1) / Self.imagesPerGroup
    }

    /// Writes dx (when given: N·C·H·W elements) and the partial sums of dW (when given:
    /// group q's (K, C·KH·KW) sum at `dw + q·K·C·KH·KW`).
    func run(dy: UnsafePointer<Double>, x: UnsafePointer<Double>, w: UnsafePointer<Double>,
             dx: UnsafeMutablePointer<Double>?, dw: UnsafeMutablePointer<Double>?) {
        let size = Self.imagesPerGroup
        // Threads go to the groups first; with fewer groups than threads, each GEMM gets the
        // rest. GEMM's result does not depend on its thread count.
        let gemmThreads = Swift.max(1, threads / groups)
        let session = ComputeGuard.current, imageSize = g.channels * g.height * g.width
        // dX̂_n = Wᵀ·dY_n: Wᵀ, the same in every image's product, is packed once when the
        // product takes the packed path (the plan depends on shapes and strides only).
        let filtersT = MatrixOperand(w, columns: g.patchSize, transposed: true)
        let dxPlan = ProductPlan.choose(m: g.patchSize, n: g.outPositions, k: filters, a: filtersT,
                                        b: MatrixOperand(dy, columns: g.outPositions), preferPacked: true)
        let packedWT = dx != nil && dxPlan == .packed ? PackedMatrixA(filtersT, m: g.patchSize, k: filters) : nil
        defer { packedWT?.deallocate() }
        // dW += dY_n·X̂_nᵀ: on the packed path X̂_nᵀ's panels come straight from the zero-bordered
        // image (`PatchPanels`); otherwise X̂_n is written out, from that image when it can be.
        let patchesT = MatrixOperand(x, columns: g.outPositions, transposed: true)  // strides of X̂_nᵀ
        let dwPlan = ProductPlan.choose(m: filters, n: g.patchSize, k: g.outPositions,
                                        a: MatrixOperand(dy, columns: g.outPositions), b: patchesT, preferPacked: false)
        let panels = PatchPanels(g)
        parallelFor(parts: groups, threads: threads) { group in
            let scratch = UnsafeMutablePointer<Double>.allocate(capacity: g.patchSize * g.outPositions)
            let padded = UnsafeMutablePointer<Double>.allocate(capacity: panels?.paddedCount ?? 0)
            defer { scratch.deallocate(); padded.deallocate() }
            let images = (group * size)..<Swift.min(g.batch, (group + 1) * size)
            for n in images {
                // Stopped by the session: what is not computed stays zeros.
                if session?.shouldStop() == true {
                    if let dx { (dx + n * imageSize).update(repeating: 0, count: (images.upperBound - n) * imageSize) }
                    if let dw, n == images.lowerBound {
                        (dw + group * filters * g.patchSize).update(repeating: 0, count: filters * g.patchSize)
                    }
                    return
                }
                let dyN = MatrixOperand(dy + n * filters * g.outPositions, columns: g.outPositions)
                if let dw {
                    let image = x + n * imageSize, sum = dw + group * filters * g.patchSize
                    let accumulate = n > group * size
                    if let panels { panels.fillPadded(image, into: padded) }
                    if let panels, dwPlan == .packed {
                        gemmPacked(m: filters, n: g.patchSize, k: g.outPositions, a: dyN, c: sum, ldc: g.patchSize,
                                   accumulate: accumulate, threads: gemmThreads) {
                            panels.packTransposed(padded, pc: $0, kc: $1, jc: $2, nc: $3, panels: $4, into: $5)
                        }
                    } else {
                        if let panels { panels.writeMatrix(padded, into: scratch, ld: g.outPositions) } else {
                            im2colImage(image, g, into: scratch, ld: g.outPositions)
                        }
                        // X̂_nᵀ (OH·OW, C·KH·KW) through strides: GEMM packs it row by row.
                        let patches = MatrixOperand(scratch, columns: g.outPositions, transposed: true)
                        gemm(m: filters, n: g.patchSize, k: g.outPositions, a: dyN, b: patches, c: sum,
                             ldc: g.patchSize, accumulate: accumulate, threads: gemmThreads, plan: dwPlan)
                    }
                }
                if let dx {
                    if let packedWT {
                        gemmPacked(m: g.patchSize, n: g.outPositions, k: filters, a: filtersT, c: scratch,
                                   ldc: g.outPositions, accumulate: false, threads: gemmThreads, prepackedA: packedWT) {
                            packBlockB(dyN.offset($0, $2), kc: $1, nc: $3, panels: $4, into: $5)
                        }
                    } else {
                        gemm(m: g.patchSize, n: g.outPositions, k: filters, a: filtersT, b: dyN,
                             c: scratch, ldc: g.outPositions, threads: gemmThreads, plan: dxPlan)
                    }
                    col2imImage(scratch, g, into: dx + n * g.channels * g.height * g.width, ld: g.outPositions)
                }
            }
        }
    }

    /// dW = partials[0] + partials[1] + ... (one (K, C·KH·KW) sum per group), in group order.
    func sumGroups(_ partials: UnsafeMutablePointer<Double>, into out: UnsafeMutableBufferPointer<Double>) {
        guard let base = out.baseAddress else { return }
        base.update(from: partials, count: out.count)
        for group in 1..<Swift.max(1, groups) {
            let partial = partials + group * out.count
            for i in 0..<out.count { base[i] += partial[i] }
        }
    }
}
