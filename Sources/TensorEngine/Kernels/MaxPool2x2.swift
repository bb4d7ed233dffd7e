/// Max pooling's common case, 2x2 windows at stride 2 without padding (LeNet's and most CNNs'),
/// as tight loops over each plane's pairs of rows. The generic loops (`Tensor+Pooling.swift`)
/// visit every window through `PoolWindow`; these compute exactly the same numbers, with the
/// same choice of maximum: the first one row by row (top-left, top-right, bottom-left,
/// bottom-right), or the last NaN if there is one.
enum MaxPool2x2 {
    /// Whether the geometry is the one these loops handle.
    static func applies(_ g: ConvGeometry) -> Bool {
        g.kernelHeight == 2 && g.kernelWidth == 2 && g.stride == 2 && g.padding == 0 && g.dilation == 1
    }

    /// Which of a window's four pixels (0...3, row by row) is its maximum, as `PoolWindow.argmax`:
    /// the first maximum, or the last NaN. Written with selections rather than branches on the
    /// data, which random pixels would mispredict.
    @inline(__always)
    static func winner(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Int {
        if a.isNaN || b.isNaN || c.isNaN || d.isNaN { return d.isNaN ? 3 : c.isNaN ? 2 : b.isNaN ? 1 : 0 }
        let (top, topIndex) = b > a ? (b, 1) : (a, 0)
        let (bottom, bottomIndex) = d > c ? (d, 3) : (c, 2)
        return bottom > top ? bottomIndex : topIndex
    }

    /// y (N, C, OH, OW) from x (N, C, H, W): each output the largest of its window.
    static func forward(_ x: UnsafeBufferPointer<Double>, _ g: ConvGeometry, into y: UnsafeMutableBufferPointer<Double>,
                        threads: Int) {
        let (width, outHeight, outWidth) = (g.width, g.outHeight, g.outWidth)
        guard outHeight > 0, outWidth > 0, let source = x.baseAddress, let target = y.baseAddress else { return }
        parallelFor(parts: g.batch * g.channels, threads: threads) { plane in
            let pixels = source + plane * g.height * width, out = target + plane * outHeight * outWidth
            for i in 0..<outHeight {
                let top = pixels + 2 * i * width, bottom = top + width, row = out + i * outWidth
                for j in 0..<outWidth {
                    let corner = 2 * j
                    let index = winner(top[corner], top[corner + 1], bottom[corner], bottom[corner + 1])
                    // Above or below, then left or right.
                    row[j] = (index < 2 ? top : bottom)[corner + (index & 1)]
                }
            }
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
            out.update(repeating: 0, count: height * width)
            let upstream = gradients + plane * outHeight * outWidth
            for i in 0..<outHeight {
                let top = 2 * i * width, bottom = top + width
                for j in 0..<outWidth {
                    let corner = 2 * j
                    let index = winner(pixels[top + corner], pixels[top + corner + 1],
                                       pixels[bottom + corner], pixels[bottom + corner + 1])
                    // Above or below, then left or right.
                    let offset = (index < 2 ? top : bottom) + corner + (index & 1)
                    out[offset] += upstream[i * outWidth + j]
                }
            }
        }
    }
}
