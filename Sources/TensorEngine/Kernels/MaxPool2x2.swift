/// Max pooling's common case, 2x2 windows at stride 2 without padding (LeNet's and most CNNs'),
/// as tight loops over each plane's pairs of rows (Sources/_VectorKernels/MaxPool2x2.swift, in
/// the variant `VectorKernels` chose), the planes split among the threads. The generic loops
/// (`Tensor+Pooling.swift`) visit every window through `PoolWindow`; these compute exactly
/// the same numbers, with the same choice of maximum: the first one row by row (top-left,
/// top-right, bottom-left, bottom-right), or the last NaN if there is one.
enum MaxPool2x2 {
    /// Whether the geometry is the one these loops handle.
    static func applies(_ g: ConvGeometry) -> Bool {
        g.kernelHeight == 2 && g.kernelWidth == 2 && g.stride == 2 && g.padding == 0 && g.dilation == 1
    }

    /// y (N, C, OH, OW) from x (N, C, H, W): each output the largest of its window.
    static func forward(_ x: UnsafeBufferPointer<Double>, _ g: ConvGeometry, into y: UnsafeMutableBufferPointer<Double>,
                        threads: Int) {
        let (width, outHeight, outWidth) = (g.width, g.outHeight, g.outWidth)
        guard outHeight > 0, outWidth > 0, let source = x.baseAddress, let target = y.baseAddress else { return }
        parallelFor(parts: g.batch * g.channels, threads: threads) { plane in
            let pixels = source + plane * g.height * width, out = target + plane * outHeight * outWidth
            VectorKernels.chosen.maxPoolForward(pixels, width, outHeight, outWidth, out)
        }
    }

    /// dx (N, C, H, W) from dy (N, C, OH, OW): each window's gradient to the pixel that won it,
    /// zero elsewhere (the windows do not overlap).
    static func backward(_ dy: UnsafeBufferPointer<Double>, x: UnsafeBufferPointer<Double>, _ g: ConvGeometry,
                         into dx: UnsafeMutableBufferPointer<Double>, threads: Int) {
        let (height, width, outHeight, outWidth) = (g.height, g.width, g.outHeight, g.outWidth)
        guard height * width > 0, let source = x.baseAddress, let gradients = dy.baseAddress, let target = dx.baseAddress else {
            return
        }
        parallelFor(parts: g.batch * g.channels, threads: threads) { plane in
            let pixels = source + plane * height * width, out = target + plane * height * width
            VectorKernels.chosen.maxPoolBackward(pixels, height, width, outHeight, outWidth,
                                                 gradients + plane * outHeight * outWidth, out)
        }
    }
}
