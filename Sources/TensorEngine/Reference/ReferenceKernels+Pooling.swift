/// Max and average pooling and their backward passes, one window at a time (the fast
/// kernels: `Tensor.maxPool2d`, `Tensor.avgPool2d` and their `...Backward`).
///
/// Pooling summarises each `size` x `size` window of every (image, channel) plane by one
/// number; channels stay apart and nothing is learned. The window's top-left corner for output
/// (i, j) is at row i·s − p, column j·s − p of the unpadded image. Output size (`outputSize`):
///
///     OH = (H + 2p − size) / s + 1,   OW = (W + 2p − size) / s + 1      (rounded down)
extension ReferenceKernels {
    /// Max pooling, (N, C, H, W) -> (N, C, OH, OW):
    ///
    ///     y[n, c, i, j] = max over 0 ≤ u, v < size of x[n, c, i·s + u − p, j·s + v − p]
    ///
    /// Padded cells count as −∞, so they never win. A NaN in the window gives NaN.
    /// - Parameters: `stride` defaults to `size` (windows side by side).
    /// - Precondition: x of rank 4; size and stride ≥ 1, padding ≥ 0; the window fits.
    public static func maxPool2d(_ x: Tensor, size: Int, stride: Int? = nil, padding: Int = 0) -> Tensor {
        precondition(x.rank == 4, "maxPool2d: x is (N, C, H, W)")
        let (batch, channels, _, _, stride, outHeight, outWidth) =
            poolSizes(x.shape, size: size, stride: stride, padding: padding)

        var y = zeros([batch, channels, outHeight, outWidth])
        for n in 0..<batch {
            for c in 0..<channels {
                for i in 0..<outHeight {
                    for j in 0..<outWidth {
                        let winner = maxPoolWinner(x, n, c, top: i * stride - padding, left: j * stride - padding,
                                                   size: size)
                        // A window with no pixel at all (only on an empty plane) is all −∞.
                        y[n, c, i, j] = winner.map { x[n, c, $0.row, $0.column] } ?? -.infinity
                    }
                }
            }
        }
        return y
    }

    /// Average pooling, (N, C, H, W) -> (N, C, OH, OW), sizes as for `maxPool2d`:
    ///
    ///     y[n, c, i, j] = (1 / size²) · Σ_u Σ_v x[n, c, i·s + u − p, j·s + v − p]
    ///
    /// Padded cells count as zeros, and the divisor is always size², even for a window that
    /// overlaps the padding (PyTorch's default, `count_include_pad=True`).
    /// - Precondition: as `maxPool2d`.
    public static func avgPool2d(_ x: Tensor, size: Int, stride: Int? = nil, padding: Int = 0) -> Tensor {
        precondition(x.rank == 4, "avgPool2d: x is (N, C, H, W)")
        let (batch, channels, height, width, stride, outHeight, outWidth) =
            poolSizes(x.shape, size: size, stride: stride, padding: padding)

        var y = zeros([batch, channels, outHeight, outWidth])
        for n in 0..<batch {
            for c in 0..<channels {
                for i in 0..<outHeight {
                    for j in 0..<outWidth {
                        var sum = 0.0
                        for u in 0..<size {
                            for v in 0..<size {
                                let row = i * stride + u - padding, column = j * stride + v - padding
                                let inside = row >= 0 && row < height && column >= 0 && column < width
                                guard inside else { continue }     // a padded zero adds nothing
                                sum += x[n, c, row, column]
                            }
                        }
                        y[n, c, i, j] = sum / Double(size * size)
                    }
                }
            }
        }
        return y
    }

    /// ∂L/∂x of `maxPool2d(x, size:, stride:, padding:)` for the upstream gradient dy
    /// (N, C, OH, OW): (N, C, H, W). The max passes one pixel's value through and ignores the
    /// others, so each window's gradient goes wholly to its winner (the pixel the forward pass
    /// returned), and the other pixels of the window get nothing:
    ///
    ///     dx[n, c, r, q] = Σ over the windows (i, j) whose winner is (r, q) of dy[n, c, i, j]
    ///
    /// A pixel that wins several overlapping windows receives the sum.
    /// - Precondition: as `maxPool2d`, and dy of the shape of its output.
    public static func maxPool2dBackward(_ dy: Tensor, x: Tensor, size: Int, stride: Int? = nil,
                                         padding: Int = 0) -> Tensor {
        precondition(x.rank == 4, "maxPool2dBackward: x is (N, C, H, W)")
        let (batch, channels, _, _, stride, outHeight, outWidth) =
            poolSizes(x.shape, size: size, stride: stride, padding: padding)
        precondition(dy.shape == [batch, channels, outHeight, outWidth], "maxPool2dBackward: dy has the shape of y")

        var dx = zeros(x.shape)
        for n in 0..<batch {
            for c in 0..<channels {
                for i in 0..<outHeight {
                    for j in 0..<outWidth {
                        let winner = maxPoolWinner(x, n, c, top: i * stride - padding, left: j * stride - padding,
                                                   size: size)
                        if let winner { dx[n, c, winner.row, winner.column] += dy[n, c, i, j] }
                    }
                }
            }
        }
        return dx
    }

    /// ∂L/∂x of `avgPool2d(x, size:, stride:, padding:)` for an input of `inputShape`
    /// (N, C, H, W) and the upstream gradient dy (N, C, OH, OW). Each pixel of a window counts
    /// 1/size² in its average, so it receives dy/size² from every window that covers it:
    ///
    ///     dx[n, c, r, q] = Σ over the windows (i, j) covering (r, q) of dy[n, c, i, j] / size²
    ///
    /// The shares of padded cells are dropped. (x itself is not needed: the average is linear.)
    /// - Precondition: as `avgPool2d`, and dy of the shape of its output.
    public static func avgPool2dBackward(_ dy: Tensor, inputShape: [Int], size: Int, stride: Int? = nil,
                                         padding: Int = 0) -> Tensor {
        precondition(inputShape.count == 4, "avgPool2dBackward: the input is (N, C, H, W)")
        let (batch, channels, height, width, stride, outHeight, outWidth) =
            poolSizes(inputShape, size: size, stride: stride, padding: padding)
        precondition(dy.shape == [batch, channels, outHeight, outWidth], "avgPool2dBackward: dy has the shape of y")

        var dx = zeros(inputShape)
        for n in 0..<batch {
            for c in 0..<channels {
                for i in 0..<outHeight {
                    for j in 0..<outWidth {
                        let share = dy[n, c, i, j] / Double(size * size)
                        for u in 0..<size {
                            for v in 0..<size {
                                let row = i * stride + u - padding, column = j * stride + v - padding
                                let inside = row >= 0 && row < height && column >= 0 && column < width
                                guard inside else { continue }
                                dx[n, c, row, column] += share
                            }
                        }
                    }
                }
            }
        }
        return dx
    }

    /// The sizes of a pooling over an input of `shape` (N, C, H, W): N, C, H, W, the stride
    /// (`size` when nil) and the output's OH and OW.
    static func poolSizes(_ shape: [Int], size: Int, stride: Int?, padding: Int)
        -> (batch: Int, channels: Int, height: Int, width: Int, stride: Int, outHeight: Int, outWidth: Int) {
        let stride = stride ?? size
        return (shape[0], shape[1], shape[2], shape[3], stride,
                outputSize(shape[2], window: size, stride: stride, padding: padding),
                outputSize(shape[3], window: size, stride: stride, padding: padding))
    }

    /// The pixel a max-pooling window picks in plane (n, c), the window's top-left corner at
    /// (`top`, `left`) (negative in the padding): the largest value, the first one row by row
    /// when there are ties, or the last NaN if there is one. The fast kernels choose by the
    /// same rule, so both backward passes send the gradient to the same pixel. nil when the
    /// window covers no pixel.
    static func maxPoolWinner(_ x: Tensor, _ n: Int, _ c: Int, top: Int, left: Int,
                              size: Int) -> (row: Int, column: Int)? {
        let (height, width) = (x.shape[2], x.shape[3])
        var winner: (row: Int, column: Int)? = nil, best = -Double.infinity
        for u in 0..<size {
            for v in 0..<size {
                let row = top + u, column = left + v
                let inside = row >= 0 && row < height && column >= 0 && column < width
                guard inside else { continue }                  // padding: −∞, never wins
                let value = x[n, c, row, column]
                if winner == nil || value > best || value.isNaN { (winner, best) = ((row, column), value) }
            }
        }
        return winner
    }
}
