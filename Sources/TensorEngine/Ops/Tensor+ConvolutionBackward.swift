/// The backward pass of `conv2d`. Image n's forward pass is one matrix product,
/// Y_n = W·X̂_n + b, with X̂_n = im2col(x_n) (C·KH·KW, OH·OW), W the filters as a
/// (K, C·KH·KW) matrix and Y_n (K, OH·OW). So, given dY = dL/dy:
///
///     dX̂_n = Wᵀ·dY_n,   dx_n = col2im(dX̂_n)      (patches added back onto their pixels)
///     dW   = Σ_n dY_n·X̂_nᵀ
///     db[k] = Σ_n Σ_i Σ_j dy[n, k, i, j]
///
/// Determinism: dx is computed image by image (independent outputs, in parallel). dW is a
/// sum over images, so the images go in fixed groups (`ConvBackwardPass.imagesPerGroup`), whatever the thread
/// count: each group's sum runs in image order (groups in parallel), then the groups' partial
/// sums are added in group order. db is summed per filter in index order. The results are
/// the same bit for bit on any number of threads.
extension Tensor {
    /// Gradients of `conv2d(x, w, bias:, stride:, padding:, dilation:, floorMode:)` for the
    /// upstream gradient `dy` (the output's shape): dx (N, C, H, W), dw (K, C, KH, KW) and
    /// db (K), the bias's gradient (whether or not the forward pass had a bias).
    /// The plain loops this computes: `ReferenceKernels.conv2dBackward`
    /// (Sources/TensorEngine/Reference/ReferenceKernels+Convolution.swift).
    /// - Throws: as `conv2d` for the arguments; `TensorError.argument` when `dy` does not have
    ///   the output's shape.
    /// - Complexity: 4·N·K·C·KH·KW·OH·OW floating-point operations (two forward passes).
    public static func conv2dBackward(_ dy: Tensor, x: Tensor, w: Tensor, stride: Int = 1, padding: Int = 0,
                                      dilation: Int = 1, floorMode: Bool = false) throws -> (dx: Tensor, dw: Tensor, db: Tensor) {
        let g = try conv2dGeometry(x, w, bias: nil, stride: stride, padding: padding, dilation: dilation,
                                   floorMode: floorMode, op: "conv2dBackward")
        let grads = try conv2dGradients(dy, x: x, w: w, geometry: g, wantX: true, wantW: true, wantBias: true,
                                        threads: KernelThreads.count)
        return (grads.dx!, grads.dw!, grads.db!)
    }

    /// The gradients asked for (the others are nil); `g` is the geometry of the forward pass.
    static func conv2dGradients(_ dy: Tensor, x: Tensor, w: Tensor, geometry g: ConvGeometry,
                                wantX: Bool, wantW: Bool, wantBias: Bool, threads: Int) throws -> ConvGradients {
        let shape = try g.outputShape(channels: w.shape[0])
        guard dy.shape == shape else {
            throw TensorError.argument(op: "conv2dBackward", name: "dy",
                                       problem: .outputShape(of: "conv2d's output", expected: shape, got: dy.shape))
        }
        var result = ConvGradients()
        if wantBias { result.db = biasGradient(dy, threads: threads) }
        if wantX || wantW {
            (result.dx, result.dw) = inputAndFilterGradients(dy, x: x, w: w, g, wantX: wantX, wantW: wantW,
                                                             threads: threads)
        }
        return result
    }

    /// dx and dW, each when wanted, by `ConvBackwardPass`.
    private static func inputAndFilterGradients(_ dy: Tensor, x: Tensor, w: Tensor, _ g: ConvGeometry, wantX: Bool,
                                                wantW: Bool, threads: Int) -> (dx: Tensor?, dw: Tensor?) {
        // An empty batch, no pixels, no channels or no filters: every gradient is zero.
        guard dy.count > 0, x.count > 0, w.count > 0 else {
            return (wantX ? Tensor.zeros(like: x) : nil, wantW ? Tensor.zeros(like: w) : nil)
        }
        let pass = ConvBackwardPass(g, filters: w.shape[0], threads: threads)
        let partials = UnsafeMutablePointer<Double>.allocate(capacity: wantW ? pass.groups * w.count : 0)
        defer { partials.deallocate() }
        var dx: Tensor?
        withScalars(dy, x, w) { pdy, px, pw in
            let dw = wantW ? partials : nil
            guard wantX else { return pass.run(dy: pdy, x: px, w: pw, dx: nil, dw: dw) }
            dx = Tensor(unchecked: x.shape) { out in pass.run(dy: pdy, x: px, w: pw, dx: out.baseAddress!, dw: dw) }
        }
        let dw = wantW ? Tensor(unchecked: w.shape) { out in pass.sumGroups(partials, into: out) } : nil
        return (dx, dw)
    }

    /// db[k] = Σ_n Σ_p dy[n, k, p], each filter's sum in index order. Four filters are summed
    /// side by side, each in its own running sum: four independent chains of additions keep
    /// the adder busy where one chain waits for each sum before the next (the same numbers in
    /// the same order, so the same bits). The groups of four run in parallel; a last group of
    /// fewer than four filters repeats its last filter in the spare chains, whose sums are dropped.
    private static func biasGradient(_ dy: Tensor, threads: Int) -> Tensor {
        let (batch, filters) = (dy.shape[0], dy.shape[1]), positions = dy.shape[2] * dy.shape[3]
        let width = 4, groups = (filters + width - 1) / width
        return Tensor(unchecked: [filters]) { db in
            dy.scalars.withUnsafeBufferPointer { pdy in
                guard let pdy = pdy.baseAddress else { db.update(repeating: 0); return }
                parallelFor(parts: groups, threads: threads) { group in
                    let k0 = group * width, last = filters - 1
                    let (k1, k2, k3) = (Swift.min(k0 + 1, last), Swift.min(k0 + 2, last), Swift.min(k0 + 3, last))
                    var (s0, s1, s2, s3) = (0.0, 0.0, 0.0, 0.0)
                    for n in 0..<batch {
                        let maps = pdy + n * filters * positions
                        let (m0, m1, m2, m3) = (maps + k0 * positions, maps + k1 * positions, maps + k2 * positions,
                                                maps + k3 * positions)
                        for p in 0..<positions { s0 += m0[p]; s1 += m1[p]; s2 += m2[p]; s3 += m3[p] }
                    }
                    db[k0] = s0
                    if k0 + 1 < filters { db[k0 + 1] = s1 }
                    if k0 + 2 < filters { db[k0 + 2] = s2 }
                    if k0 + 3 < filters { db[k0 + 3] = s3 }
                }
            }
        }
    }

    /// Calls `body` with the addresses of the three tensors' elements.
    /// - Precondition: none of them is empty.
    private static func withScalars(_ a: Tensor, _ b: Tensor, _ c: Tensor,
                                    _ body: (UnsafePointer<Double>, UnsafePointer<Double>, UnsafePointer<Double>) -> Void) {
        a.scalars.withUnsafeBufferPointer { pa in
            b.scalars.withUnsafeBufferPointer { pb in
                c.scalars.withUnsafeBufferPointer { pc in body(pa.baseAddress!, pb.baseAddress!, pc.baseAddress!) }
            }
        }
    }
}

/// The gradients of one conv2d, each nil when not asked for.
struct ConvGradients {
    var dx: Tensor?, dw: Tensor?, db: Tensor?
}
