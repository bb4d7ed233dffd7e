/// Max and average pooling over the planes of an NCHW input: each (image, channel) plane is
/// summarised window by window, channels stay apart. A `size` x `size` window moves by
/// `stride` (by default `size`, so windows do not overlap), over a plane padded by `padding`
/// on every side. Along each spatial dimension the output has `(n + 2p − size) / s + 1`
/// positions, and, as for convolution, that division must be exact unless `floorMode` is on:
/// `(7 - 2) / 2 + 1 = 3.5: a 2x2 window at stride 2 does not fit a 7x7 input`.
///
/// The padding may be at most half the window (as in PyTorch), so every window covers at
/// least one pixel of the input.
extension Tensor {
    /// Max pooling: (N, C, H, W) -> (N, C, OH, OW) with `OH = (H + 2p − size) / s + 1` (the
    /// same for OW) and
    ///
    ///     y[n, c, i, j] = max over 0 ≤ u, v < size of x[n, c, i·s + u − p, j·s + v − p]
    ///
    /// where padded cells count as −∞ (they never win). A NaN in a window gives NaN.
    /// The plain loops this computes: `ReferenceKernels.maxPool2d`
    /// (Sources/TensorEngine/Reference/ReferenceKernels+Pooling.swift).
    /// - Throws: on a rank other than 4, a size below 1, a stride below 1 (`stride: nil`
    ///   means `size`), a negative padding or one above `size / 2`, a window larger than the
    ///   padded input, or a stride that does not fit (unless `floorMode`).
    /// - Complexity: N·C·OH·OW·size² comparisons.
    ///
    /// Backward (`Tensor+PoolingBackward.swift`): each window's gradient goes wholly to the
    /// pixel the forward pass picked (its first maximum, row by row); a pixel that wins
    /// several overlapping windows gets the sum.
    public static func maxPool2d(_ x: Tensor, size: Int, stride: Int? = nil, padding: Int = 0,
                                 floorMode: Bool = false) throws -> Tensor {
        let y = try maxPool2d(x, size: size, stride: stride, padding: padding, floorMode: floorMode,
                              threads: KernelThreads.count)
        guard x.requiresGrad else { return y }
        let input = x.detached()
        return y.recorded("maxPool2d", [x]) { g in
            [try Tensor.maxPool2dBackward(g, x: input, size: size, stride: stride, padding: padding, floorMode: floorMode)]
        }
    }

    /// Average pooling: (N, C, H, W) -> (N, C, OH, OW), shapes as for `maxPool2d`, and
    ///
    ///     y[n, c, i, j] = (1 / size²) · Σ_u Σ_v x[n, c, i·s + u − p, j·s + v − p]
    ///
    /// where padded cells count as zeros and the divisor is always size·size, even for a
    /// window that overlaps the padding: PyTorch's default, `count_include_pad=True`.
    /// The plain loops this computes: `ReferenceKernels.avgPool2d`
    /// (Sources/TensorEngine/Reference/ReferenceKernels+Pooling.swift).
    /// - Throws: as `maxPool2d`.
    /// - Complexity: N·C·OH·OW·size² additions.
    ///
    /// Backward: every pixel of a window gets the window's gradient / size² (padded cells
    /// count in the divisor, as in the forward pass).
    public static func avgPool2d(_ x: Tensor, size: Int, stride: Int? = nil, padding: Int = 0,
                                 floorMode: Bool = false) throws -> Tensor {
        let y = try avgPool2d(x, size: size, stride: stride, padding: padding, floorMode: floorMode,
                              threads: KernelThreads.count)
        guard x.requiresGrad else { return y }
        let inputShape = x.shape
        return y.recorded("avgPool2d", [x]) { g in
            [try Tensor.avgPool2dBackward(g, inputShape: inputShape, size: size, stride: stride, padding: padding,
                                          floorMode: floorMode)]
        }
    }

    /// `maxPool2d` on a given number of threads (tests compare 1, 2 and 3).
    static func maxPool2d(_ x: Tensor, size: Int, stride: Int?, padding: Int, floorMode: Bool,
                          threads: Int) throws -> Tensor {
        let g = try poolGeometry(x.shape, op: "maxPool2d", size: size, stride: stride, padding: padding, floorMode: floorMode)
        if MaxPool2x2.applies(g) {
            return Tensor(unchecked: try g.outputShape(channels: g.channels)) { out in
                x.scalars.withUnsafeBufferPointer { MaxPool2x2.forward($0, g, into: out, threads: threads) }
            }
        }
        return try pool(x, g, threads: threads) { window in window.argmax().value }
    }

    /// `avgPool2d` on a given number of threads (tests compare 1, 2 and 3).
    static func avgPool2d(_ x: Tensor, size: Int, stride: Int?, padding: Int, floorMode: Bool,
                          threads: Int) throws -> Tensor {
        let g = try poolGeometry(x.shape, op: "avgPool2d", size: size, stride: stride, padding: padding, floorMode: floorMode)
        let divisor = Double(size * size)
        return try pool(x, g, threads: threads) { window in
            var sum = 0.0
            window.forEach { value in sum += value }
            return sum / divisor
        }
    }

    /// Checks the arguments of a pooling op on an input of `shape` and sizes its output.
    static func poolGeometry(_ shape: [Int], op: String, size: Int, stride: Int?, padding: Int,
                             floorMode: Bool) throws -> ConvGeometry {
        guard shape.count == 4 else {
            throw TensorError.rank(op: op, argument: "x", expected: "rank 4 (N, C, H, W)", shape: shape)
        }
        if size >= 1, padding > size / 2 {
            throw TensorError.argument(op: op, name: "padding", problem: .paddingAboveHalf(padding, window: size))
        }
        // A size below 1 must be reported as itself, not as the default stride it implies.
        return try ConvGeometry(input: shape, kernel: (size, size), stride: stride ?? Swift.max(size, 1), padding: padding,
                                floorMode: floorMode, op: op, noun: "window")
    }

    /// Applies `reduce` to every window of every plane, the planes spread over `threads`.
    private static func pool(_ x: Tensor, _ g: ConvGeometry, threads: Int,
                             reduce: (PoolWindow) -> Double) throws -> Tensor {
        let shape = try g.outputShape(channels: g.channels)
        return Tensor(unchecked: shape) { out in
            x.scalars.withUnsafeBufferPointer { px in
                parallelFor(parts: g.batch * g.channels, threads: threads) { plane in
                    forEachWindow(ofPlane: plane, g, pixels: px) { index, window in out[index] = reduce(window) }
                }
            }
        }
    }

    /// Calls `body(index, window)` for every window of one (image, channel) plane, in output
    /// order; `index` is the output's offset in the (N, C, OH, OW) result.
    @inline(__always)
    static func forEachWindow(ofPlane plane: Int, _ g: ConvGeometry, pixels: UnsafeBufferPointer<Double>,
                              _ body: (Int, PoolWindow) -> Void) {
        var window = PoolWindow(pixels: pixels, plane: plane * g.height * g.width, width: g.width)
        var index = plane * g.outPositions
        for i in 0..<g.outHeight {
            let top = i * g.stride - g.padding
            window.rows = Swift.max(0, top)..<Swift.min(g.height, top + g.kernelHeight)
            for j in 0..<g.outWidth {
                let left = j * g.stride - g.padding
                window.columns = Swift.max(0, left)..<Swift.min(g.width, left + g.kernelWidth)
                body(index, window)
                index += 1
            }
        }
    }
}

/// The input pixels under one pooling window, the padding left out: the window is clipped
/// to the plane. The padding rule guarantees a start inside the plane, so the ranges are valid.
struct PoolWindow {
    let pixels: UnsafeBufferPointer<Double>
    /// Offset of the plane's first pixel, and the plane's row length.
    let plane: Int, width: Int
    var rows = 0..<0, columns = 0..<0

    init(pixels: UnsafeBufferPointer<Double>, plane: Int, width: Int) {
        (self.pixels, self.plane, self.width) = (pixels, plane, width)
    }

    /// Visits the pixels row by row, so a sum is always taken in the same order.
    func forEach(_ body: (Double) -> Void) {
        forEachOffset { body(pixels[$0]) }
    }

    /// Visits the offsets (into `pixels`) of the window's pixels, row by row.
    func forEachOffset(_ body: (Int) -> Void) {
        for r in rows {
            for c in columns { body(plane + r * width + c) }
        }
    }

    /// The window's maximum and its offset: the first maximum row by row, or the last NaN
    /// if there is one. Max pooling's forward and backward passes both choose with this, so
    /// the gradient goes to the pixel whose value the forward pass returned.
    // NOTE: not `Swift.max(best, value)`, which drops a NaN unless it comes first. An
    // all −∞ window keeps its first pixel, which is a maximum too.
    func argmax() -> (offset: Int, value: Double) {
        var best = -Double.infinity, offset = plane + rows.lowerBound * width + columns.lowerBound
        forEachOffset { i in
            if pixels[i] > best || pixels[i].isNaN { (best, offset) = (pixels[i], i) }
        }
        return (offset, best)
    }
}
