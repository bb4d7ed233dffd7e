/// col2im, the adjoint of im2col: where im2col copies every input pixel into each patch
/// that covers it, col2im adds each patch entry back onto the pixel it came from. So for any
/// x and any matrix c of im2col's shape,
///
///     <im2col(x), c> = <x, col2im(c)>
///
/// and the gradient of a loss through im2col is col2im of the gradient of its columns.
/// Entries that came from the padding are dropped.
extension Tensor {
    /// Adds the columns of a patch matrix (C·KH·KW, N·OH·OW), laid out as `im2col` makes it,
    /// back into an input of `inputShape` (N, C, H, W): a pixel covered by several patches
    /// receives the sum of their entries.
    /// - Throws: as `im2col` for the geometry; `TensorError.argument` when `columns` is not
    ///   (C·KH·KW, N·OH·OW) for that geometry.
    /// - Complexity: N·C·KH·KW·OH·OW additions.
    public static func col2im(_ columns: Tensor, inputShape: [Int], kernelHeight: Int, kernelWidth: Int,
                              stride: Int = 1, padding: Int = 0, dilation: Int = 1,
                              floorMode: Bool = false) throws -> Tensor {
        try col2im(columns, inputShape: inputShape, kernelHeight: kernelHeight, kernelWidth: kernelWidth,
                   stride: stride, padding: padding, dilation: dilation, floorMode: floorMode,
                   threads: KernelThreads.count)
    }

    /// `col2im` on a given number of threads (tests compare 1, 2 and 3).
    static func col2im(_ columns: Tensor, inputShape: [Int], kernelHeight: Int, kernelWidth: Int, stride: Int,
                       padding: Int, dilation: Int, floorMode: Bool, threads: Int) throws -> Tensor {
        guard inputShape.count == 4 else {
            throw TensorError.rank(op: "col2im", argument: "inputShape", expected: "4 sizes (N, C, H, W)", shape: inputShape)
        }
        _ = try checkedCount(inputShape)
        let g = try ConvGeometry(input: inputShape, kernel: (kernelHeight, kernelWidth), stride: stride,
                                 padding: padding, dilation: dilation, floorMode: floorMode, op: "col2im", noun: "filter")
        let expected = [g.patchSize, try Shape.elementCount([g.batch, g.outPositions])]
        guard columns.shape == expected else {
            throw TensorError.argument(op: "col2im", name: "the columns", problem: .shapeForInput(expected: expected, input: inputShape, got: columns.shape))
        }
        let imageSize = g.channels * g.height * g.width, ld = expected[1]
        return Tensor(unchecked: inputShape) { out in
            columns.scalars.withUnsafeBufferPointer { pc in
                // No channels or no pixels: there is nothing to add (and no memory to point at).
                guard let image = out.baseAddress, let cols = pc.baseAddress else { return }
                parallelFor(parts: g.batch, threads: threads) { n in
                    col2imImage(cols + n * g.outPositions, g, into: image + n * imageSize, ld: ld)
                }
            }
        }
    }
}

/// The adjoint of `im2colImage`: sets one image (C, H, W) to zero, then adds row (c, u, v)
/// of `cols` (OH·OW values starting at `cols + ((c·KH + u)·KW + v)·ld`) onto the pixels
/// that filter tap (u, v) of channel c saw; entries from the padding are dropped. Every
/// pixel's sum is taken in the same order: rows in turn, output positions in turn.
func col2imImage(_ cols: UnsafePointer<Double>, _ g: ConvGeometry, into image: UnsafeMutablePointer<Double>, ld: Int) {
    image.update(repeating: 0, count: g.channels * g.height * g.width)
    var row = cols
    for c in 0..<g.channels {
        let plane = image + c * g.height * g.width
        for u in 0..<g.kernelHeight {
            for v in 0..<g.kernelWidth {
                let (columnOffset, inside) = g.columns(tap: v)
                let (jLow, jHigh) = (inside.lowerBound, inside.upperBound)
                for i in 0..<g.outHeight {
                    let y = i * g.stride + u * g.dilation - g.padding
                    guard y >= 0 && y < g.height else { continue }
                    let source = row + i * g.outWidth, target = plane + y * g.width + columnOffset
                    if g.stride == 1 {
                        ShortRows.add(source + jLow, to: target + jLow, count: jHigh - jLow)
                    } else {
                        for j in jLow..<jHigh { target[j * g.stride] += source[j] }
                    }
                }
                row += ld
            }
        }
    }
}
