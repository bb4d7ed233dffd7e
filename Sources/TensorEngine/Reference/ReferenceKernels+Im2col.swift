/// im2col ("image to columns"): the trick that turns a convolution into one matrix product.
/// Every patch of the input that a filter covers is copied out into a column; then each
/// output value is a row of the filter matrix times a column of patches:
///
///     conv2d(x, w) = W · im2col(x),   W = w reshaped to (K, C·KH·KW)
///
/// with the (K, N·OH·OW) product rearranged to (N, K, OH, OW). The fast `Tensor.conv2d` does
/// exactly that, one image at a time, with GEMM for the product.
extension ReferenceKernels {
    /// The patch matrix of a batch x (N, C, H, W): (C·KH·KW, N·OH·OW), with
    ///
    ///     cols[(c·KH + u)·KW + v, (n·OH + i)·OW + j] = x[n, c, i·s + u·d − p, j·s + v·d − p]
    ///
    /// or 0 where that pixel is in the padding. Row (c, u, v) is one filter tap, column
    /// (n, i, j) one output position; OH and OW as for `conv2d` (`outputSize`).
    /// - Precondition: x of rank 4; sizes ≥ 1, stride and dilation ≥ 1, padding ≥ 0; the
    ///   window fits the padded input.
    public static func im2col(_ x: Tensor, kernelHeight: Int, kernelWidth: Int, stride: Int = 1, padding: Int = 0,
                              dilation: Int = 1) -> Tensor {
        precondition(x.rank == 4, "im2col: x is (N, C, H, W)")
        let (batch, channels, height, width) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let outHeight = outputSize(height, window: kernelHeight, stride: stride, padding: padding, dilation: dilation)
        let outWidth = outputSize(width, window: kernelWidth, stride: stride, padding: padding, dilation: dilation)

        var cols = zeros([channels * kernelHeight * kernelWidth, batch * outHeight * outWidth])
        for c in 0..<channels {                                 // one row per filter tap (c, u, v),
            for u in 0..<kernelHeight {
                for v in 0..<kernelWidth {
                    let tap = (c * kernelHeight + u) * kernelWidth + v
                    for n in 0..<batch {                        // one column per output position (n, i, j)
                        for i in 0..<outHeight {
                            for j in 0..<outWidth {
                                let position = (n * outHeight + i) * outWidth + j
                                let row = i * stride + u * dilation - padding
                                let column = j * stride + v * dilation - padding
                                let inside = row >= 0 && row < height && column >= 0 && column < width
                                guard inside else { continue }  // the padding stays 0
                                cols[tap, position] = x[n, c, row, column]
                            }
                        }
                    }
                }
            }
        }
        return cols
    }
}
