/// 2-D convolution and its backward pass, one multiply-add at a time (the fast kernel,
/// `Tensor.conv2d`, computes the same numbers as im2col + GEMM).
///
/// Strictly this is cross-correlation, as CNNs use it: the filter slides over the image
/// without being flipped. Each output value is the dot product of one filter with the patch
/// of the image under it, summed over all input channels, plus that filter's bias.
extension ReferenceKernels {
    /// Convolves a batch of images x (N, C, H, W) with K filters w (K, C, KH, KW) and adds an
    /// optional bias b (K), giving y (N, K, OH, OW):
    ///
    ///     y[n, k, i, j] = b[k] + Σ_c Σ_u Σ_v w[k, c, u, v] · x[n, c, i·s + u·d − p, j·s + v·d − p]
    ///
    /// c runs over the C input channels, (u, v) over the KH x KW taps of the filter; s is the
    /// stride, p the zero padding on every side, d the dilation. A tap that lands in the
    /// padding reads a zero, so it adds nothing and is skipped. Output size (`outputSize`):
    ///
    ///     OH = (H + 2p − d·(KH − 1) − 1) / s + 1,   OW = (W + 2p − d·(KW − 1) − 1) / s + 1
    ///
    /// rounded down. Seven nested loops: 2·N·K·OH·OW·C·KH·KW floating-point operations.
    /// - Precondition: x and w of rank 4 with the same C; b (if any) of shape (K); stride and
    ///   dilation ≥ 1, padding ≥ 0; the filter fits the padded input.
    public static func conv2d(_ x: Tensor, _ w: Tensor, bias: Tensor? = nil, stride: Int = 1, padding: Int = 0,
                              dilation: Int = 1) -> Tensor {
        precondition(x.rank == 4 && w.rank == 4, "conv2d: x is (N, C, H, W) and w is (K, C, KH, KW)")
        let (batch, channels, height, width) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (filters, kernelHeight, kernelWidth) = (w.shape[0], w.shape[2], w.shape[3])
        precondition(w.shape[1] == channels, "conv2d: x has \(channels) channels, the filters \(w.shape[1])")
        precondition(bias == nil || bias!.shape == [filters], "conv2d: the bias has one number per filter")
        let outHeight = outputSize(height, window: kernelHeight, stride: stride, padding: padding, dilation: dilation)
        let outWidth = outputSize(width, window: kernelWidth, stride: stride, padding: padding, dilation: dilation)

        var y = zeros([batch, filters, outHeight, outWidth])
        for n in 0..<batch {                                    // every image,
            for k in 0..<filters {                              // every filter (one output map each),
                for i in 0..<outHeight {                        // every output position (i, j):
                    for j in 0..<outWidth {
                        var sum = bias?[k] ?? 0
                        for c in 0..<channels {                 // the filter against the patch under it,
                            for u in 0..<kernelHeight {         // tap by tap
                                for v in 0..<kernelWidth {
                                    let row = i * stride + u * dilation - padding
                                    let column = j * stride + v * dilation - padding
                                    let inside = row >= 0 && row < height && column >= 0 && column < width
                                    guard inside else { continue }     // a padded zero adds nothing
                                    sum += w[k, c, u, v] * x[n, c, row, column]
                                }
                            }
                        }
                        y[n, k, i, j] = sum
                    }
                }
            }
        }
        return y
    }

    /// The gradients of `conv2d(x, w, bias:, stride:, padding:, dilation:)` for the upstream
    /// gradient dy = ∂L/∂y (N, K, OH, OW): dx (N, C, H, W), dw (K, C, KH, KW) and db (K).
    ///
    /// The forward sum is made of terms w[k, c, u, v] · x[n, c, r, q], one per output value
    /// y[n, k, i, j] and tap (c, u, v), where r = i·s + u·d − p and q = j·s + v·d − p. By the
    /// chain rule each term hands dy[n, k, i, j] back to both of its factors, each times the
    /// other factor, and the bias receives dy itself:
    ///
    ///     dx[n, c, r, q] += w[k, c, u, v] · dy[n, k, i, j]
    ///     dw[k, c, u, v] += x[n, c, r, q] · dy[n, k, i, j]
    ///     db[k]          += dy[n, k, i, j]
    ///
    /// So the loops below are the forward loops again, with the multiply-add turned around.
    /// Summed up, dw[k, c, u, v] = Σ_n Σ_i Σ_j x[n, c, i·s + u·d − p, j·s + v·d − p] · dy[n, k, i, j]
    /// (a convolution of x with dy), db[k] = Σ_n Σ_i Σ_j dy[n, k, i, j], and a pixel receives
    /// a share from every window that covered it (a "full" convolution of dy with the filters).
    /// Taps in the padding have no pixel and hand back nothing.
    /// - Precondition: as `conv2d`, and dy of the shape of conv2d's output.
    public static func conv2dBackward(_ dy: Tensor, x: Tensor, w: Tensor, stride: Int = 1, padding: Int = 0,
                                      dilation: Int = 1) -> (dx: Tensor, dw: Tensor, db: Tensor) {
        precondition(x.rank == 4 && w.rank == 4, "conv2dBackward: x is (N, C, H, W) and w is (K, C, KH, KW)")
        let (batch, channels, height, width) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (filters, kernelHeight, kernelWidth) = (w.shape[0], w.shape[2], w.shape[3])
        precondition(w.shape[1] == channels, "conv2dBackward: x has \(channels) channels, the filters \(w.shape[1])")
        let outHeight = outputSize(height, window: kernelHeight, stride: stride, padding: padding, dilation: dilation)
        let outWidth = outputSize(width, window: kernelWidth, stride: stride, padding: padding, dilation: dilation)
        precondition(dy.shape == [batch, filters, outHeight, outWidth], "conv2dBackward: dy has the shape of y")

        var dx = zeros(x.shape), dw = zeros(w.shape), db = zeros([filters])
        for n in 0..<batch {
            for k in 0..<filters {
                for i in 0..<outHeight {
                    for j in 0..<outWidth {
                        let gradient = dy[n, k, i, j]                  // ∂L/∂y[n, k, i, j]
                        db[k] += gradient
                        for c in 0..<channels {
                            for u in 0..<kernelHeight {
                                for v in 0..<kernelWidth {
                                    let row = i * stride + u * dilation - padding
                                    let column = j * stride + v * dilation - padding
                                    let inside = row >= 0 && row < height && column >= 0 && column < width
                                    guard inside else { continue }
                                    dx[n, c, row, column] += w[k, c, u, v] * gradient
                                    dw[k, c, u, v] += x[n, c, row, column] * gradient
                                }
                            }
                        }
                    }
                }
            }
        }
        return (dx, dw, db)
    }
}
