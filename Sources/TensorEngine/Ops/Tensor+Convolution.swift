/// 2-D convolution as CNNs use it (strictly, cross-correlation: the filter is not flipped):
///
///     y[n, k, i, j] = b[k] + Σ_c Σ_u Σ_v w[k, c, u, v] · x[n, c, i·s + u·d − p, j·s + v·d − p]
///
/// with zero padding `p`, stride `s`, dilation `d`. It is computed as "im2col + GEMM": the
/// input patches of one image become the columns of a (C·KH·KW) x (OH·OW) matrix, and one
/// matrix product with the (K) x (C·KH·KW) filter matrix gives all K output maps at once.
extension Tensor {
    /// Convolves `x` (N, C, H, W) with the filters `w` (K, C, KH, KW), giving (N, K, OH, OW)
    /// with `OH = (H + 2p − d·(KH − 1) − 1) / s + 1` (the same for OW).
    /// The plain loops this computes: `ReferenceKernels.conv2d`
    /// (Sources/TensorEngine/Reference/ReferenceKernels+Convolution.swift).
    /// - Parameters:
    ///   - bias: optional, shape (K): one number added to each output map.
    ///   - floorMode: drop an incomplete last window instead of reporting that it does not fit.
    /// - Throws: on ranks other than 4, channel counts that differ, a bias of the wrong shape,
    ///   a filter larger than the padded input, a bad stride/padding/dilation, or a stride
    ///   that does not fit: `(7 - 3) / 3 + 1 = 2.33: a 3x3 filter at stride 3 does not fit a 7x7 input`;
    ///   `TensorError.overElementLimit` (`.tooLarge` outside a session) when the output, or one
    ///   image's patch matrix, is larger than `Tensor.checkedCount` allows.
    /// - Complexity: 2·N·K·C·KH·KW·OH·OW floating-point operations.
    ///
    /// Backward, with X̂_n = im2col(x_n) and g = dL/dy (`Tensor+ConvolutionBackward.swift`):
    /// dx_n = col2im(Wᵀ·g_n), dW = Σ_n g_n·X̂_nᵀ, db[k] = Σ over (n, i, j) of g[n, k, i, j].
    /// The backward pass builds each image's patches X̂_n again rather than keeping the
    /// forward pass's: the whole batch's patch matrix is KH·KW times the input, and writing
    /// it out and reading it back measured slower (W3: 20 against 13 ms of CPU time for
    /// 64 x 3 x 32 x 32 with 5x5 filters) than building it per image in cache, twice.
    public static func conv2d(_ x: Tensor, _ w: Tensor, bias: Tensor? = nil, stride: Int = 1,
                              padding: Int = 0, dilation: Int = 1, floorMode: Bool = false) throws -> Tensor {
        let g = try conv2dGeometry(x, w, bias: bias, stride: stride, padding: padding, dilation: dilation,
                                   floorMode: floorMode)
        let y = try conv2d(x, w, bias: bias, geometry: g, threads: KernelThreads.count)
        let wantBias = bias?.requiresGrad ?? false
        guard anyRequiresGrad(x, w) || wantBias else { return y }
        let (input, filters, wantX, wantW) = (x.detached(), w.detached(), x.requiresGrad, w.requiresGrad)
        return y.recorded("conv2d", bias.map { [x, w, $0] } ?? [x, w]) { dy in
            let grads = try Tensor.conv2dGradients(dy, x: input, w: filters, geometry: g, wantX: wantX, wantW: wantW,
                                                   wantBias: wantBias, threads: KernelThreads.count)
            return bias == nil ? [grads.dx, grads.dw] : [grads.dx, grads.dw, grads.db]
        }
    }

    /// `conv2d` on a given number of threads (tests compare 1, 2 and 3).
    static func conv2d(_ x: Tensor, _ w: Tensor, bias: Tensor?, stride: Int, padding: Int, dilation: Int,
                       floorMode: Bool, threads: Int) throws -> Tensor {
        let g = try conv2dGeometry(x, w, bias: bias, stride: stride, padding: padding, dilation: dilation,
                                   floorMode: floorMode)
        return try conv2d(x, w, bias: bias, geometry: g, threads: threads)
    }

    /// Checks conv2d's arguments and sizes its output; `op` names the operation in messages.
    static func conv2dGeometry(_ x: Tensor, _ w: Tensor, bias: Tensor?, stride: Int, padding: Int, dilation: Int,
                               floorMode: Bool, op: String = "conv2d") throws -> ConvGeometry {
        try ConvGeometry.requireImages(x, op: op)
        guard w.rank == 4 else {
            throw TensorError.rank(op: op, argument: "w", expected: "rank 4 (K, C, KH, KW)", shape: w.shape)
        }
        guard x.shape[1] == w.shape[1] else { throw TensorError.channels(input: x.shape, filters: w.shape) }
        if let bias, bias.shape != [w.shape[0]] { throw TensorError.bias(filters: w.shape[0], shape: bias.shape) }
        let g = try ConvGeometry(input: x.shape, kernel: (w.shape[2], w.shape[3]), stride: stride, padding: padding,
                                 dilation: dilation, floorMode: floorMode, op: op, noun: "filter")
        _ = try g.outputShape(channels: w.shape[0])  // the result, then one image's patch matrix
        _ = try checkedCount([g.patchSize, g.outPositions])
        return g
    }

    /// `conv2d` with the geometry already checked by `conv2dGeometry`.
    static func conv2d(_ x: Tensor, _ w: Tensor, bias: Tensor?, geometry g: ConvGeometry, threads: Int) throws -> Tensor {
        let filters = w.shape[0], shape = try g.outputShape(channels: filters)
        let imageSize = g.channels * g.height * g.width, outSize = filters * g.outPositions
        // Threads go to the images first; with fewer images than threads (one picture in a
        // lesson), each image's GEMM gets the rest. GEMM's result does not depend on them.
        let gemmThreads = Swift.max(1, threads / Swift.max(1, g.batch))
        return Tensor(unchecked: shape) { out in
            x.scalars.withUnsafeBufferPointer { px in
                w.scalars.withUnsafeBufferPointer { pw in
                    guard let y = out.baseAddress else { return }
                    let session = ComputeGuard.current
                    let a = MatrixOperand(pw.baseAddress!, columns: g.patchSize)
                    // The plan depends on the shapes and on B's strides, those of a row-major X̂.
                    let plan = ProductPlan.choose(m: filters, n: g.outPositions, k: g.patchSize, a: a,
                                                  b: MatrixOperand(pw.baseAddress!, columns: g.outPositions),
                                                  preferPacked: true)
                    let panels = plan == .packed ? PatchPanels(g) : nil
                    // The filters, packed once for every image's product.
                    let packedW = panels == nil ? nil : PackedMatrixA(a, m: filters, k: g.patchSize)
                    defer { packedW?.deallocate() }
                    parallelFor(parts: g.batch, threads: threads) { n in
                        // Stopped by the session: the images not started stay zeros.
                        if session?.shouldStop() == true { (y + n * outSize).update(repeating: 0, count: outSize); return }
                        if let panels {
                            // The patches go straight into the GEMM's panels of B (`PatchPanels`).
                            let padded = UnsafeMutablePointer<Double>.allocate(capacity: panels.paddedCount)
                            defer { padded.deallocate() }
                            panels.fillPadded(px.baseAddress! + n * imageSize, into: padded)
                            gemmPacked(m: filters, n: g.outPositions, k: g.patchSize, a: a, c: y + n * outSize,
                                       ldc: g.outPositions, accumulate: false, threads: gemmThreads,
                                       prepackedA: packedW) {
                                panels.pack(padded, pc: $0, kc: $1, jc: $2, nc: $3, panels: $4, into: $5)
                            }
                            if let bias { addBias(bias, to: y + n * outSize, positions: g.outPositions) }
                            return
                        }
                        // One image's patches, in a buffer that stays in cache for the GEMM.
                        let cols = UnsafeMutablePointer<Double>.allocate(capacity: g.patchSize * g.outPositions)
                        defer { cols.deallocate() }
                        im2colImage(px.baseAddress! + n * imageSize, g, into: cols, ld: g.outPositions)
                        gemm(m: filters, n: g.outPositions, k: g.patchSize, a: a,
                             b: MatrixOperand(cols, columns: g.outPositions),
                             c: y + n * outSize, ldc: g.outPositions, threads: gemmThreads, plan: plan)
                        if let bias { addBias(bias, to: y + n * outSize, positions: g.outPositions) }
                    }
                }
            }
        }
    }

    /// The patch matrix of a batch: (N, C, H, W) -> (C·KH·KW, N·OH·OW). Row (c, u, v) holds
    /// the input pixel under filter tap (u, v) of channel c, for every output position;
    /// columns run over images, then output rows, then output columns. `conv2d(x, w)` equals
    /// `w.reshape(K, C·KH·KW) @ im2col(x)` with the (K, N·OH·OW) result rearranged to NCHW.
    /// The plain loops this computes: `ReferenceKernels.im2col`
    /// (Sources/TensorEngine/Reference/ReferenceKernels+Im2col.swift).
    /// Backward: dx = col2im(g), the adjoint of im2col (each patch entry's gradient is added
    /// back onto the pixel it was copied from; `Tensor+Col2im.swift`).
    /// - Throws: as `conv2d` for the geometry; `TensorError.overElementLimit` (`.tooLarge`
    ///   outside a session) for a patch matrix larger than `Tensor.checkedCount` allows.
    public static func im2col(_ x: Tensor, kernelHeight: Int, kernelWidth: Int, stride: Int = 1,
                              padding: Int = 0, dilation: Int = 1, floorMode: Bool = false) throws -> Tensor {
        let y = try plainIm2col(x, kernelHeight: kernelHeight, kernelWidth: kernelWidth, stride: stride,
                                padding: padding, dilation: dilation, floorMode: floorMode)
        guard x.requiresGrad else { return y }
        let inputShape = x.shape
        return y.recorded("im2col", [x]) { g in
            [try Tensor.col2im(g, inputShape: inputShape, kernelHeight: kernelHeight, kernelWidth: kernelWidth,
                               stride: stride, padding: padding, dilation: dilation, floorMode: floorMode)]
        }
    }

    /// `im2col` without the graph.
    private static func plainIm2col(_ x: Tensor, kernelHeight: Int, kernelWidth: Int, stride: Int,
                                    padding: Int, dilation: Int, floorMode: Bool) throws -> Tensor {
        try ConvGeometry.requireImages(x, op: "im2col")
        let g = try ConvGeometry(input: x.shape, kernel: (kernelHeight, kernelWidth), stride: stride, padding: padding,
                                 dilation: dilation, floorMode: floorMode, op: "im2col", noun: "filter")
        let columns = try Shape.elementCount([g.batch, g.outPositions]), shape = [g.patchSize, columns]
        _ = try checkedCount(shape)
        let imageSize = g.channels * g.height * g.width
        return Tensor(unchecked: shape) { out in
            x.scalars.withUnsafeBufferPointer { px in
                guard let base = out.baseAddress else { return }
                parallelFor(parts: g.batch) { n in
                    im2colImage(px.baseAddress! + n * imageSize, g, into: base + n * g.outPositions, ld: columns)
                }
            }
        }
    }

    /// y[k, position] += bias[k] for one image's (K, OH·OW) output.
    private static func addBias(_ bias: Tensor, to y: UnsafeMutablePointer<Double>, positions: Int) {
        for k in 0..<bias.count {
            let b = bias.scalars[k], row = y + k * positions
            for j in 0..<positions { row[j] += b }
        }
    }
}

/// Writes the patch matrix of one image (C, H, W) into `cols`: row (c, u, v) starts at
/// `cols + ((c·KH + u)·KW + v)·ld` and holds OH·OW values (zeros where the tap falls in
/// the padding).
func im2colImage(_ image: UnsafePointer<Double>, _ g: ConvGeometry, into cols: UnsafeMutablePointer<Double>, ld: Int) {
    var row = cols
    for c in 0..<g.channels {
        let plane = image + c * g.height * g.width
        for u in 0..<g.kernelHeight {
            for v in 0..<g.kernelWidth {
                let (columnOffset, inside) = g.columns(tap: v)
                let (jLow, jHigh) = (inside.lowerBound, inside.upperBound)
                for i in 0..<g.outHeight {
                    let out = row + i * g.outWidth
                    let y = i * g.stride + u * g.dilation - g.padding
                    guard y >= 0 && y < g.height else {
                        ShortRows.zero(out, count: g.outWidth)
                        continue
                    }
                    let source = plane + y * g.width + columnOffset
                    ShortRows.zero(out, count: jLow)
                    if g.stride == 1 {
                        ShortRows.copy(source + jLow, to: out + jLow, count: jHigh - jLow)
                    } else {
                        for j in jLow..<jHigh { out[j] = source[j * g.stride] }
                    }
                    ShortRows.zero(out + jHigh, count: g.outWidth - jHigh)
                }
                row += ld
            }
        }
    }
}
