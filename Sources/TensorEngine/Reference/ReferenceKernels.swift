/// The operations of a CNN written as plain nested loops, straight from their formulas, to be
/// read like a textbook: `conv2d` and its backward pass, `im2col`, max and average pooling
/// with their backward passes, `matmul` and `batchNorm` (training mode). One file per idea:
///
///     ReferenceKernels+Convolution.swift   conv2d, conv2dBackward
///     ReferenceKernels+Im2col.swift        im2col (the patch matrix that turns conv2d into matmul)
///     ReferenceKernels+Pooling.swift       maxPool2d, avgPool2d and their backward passes
///     ReferenceKernels+MatMul.swift        matmul
///     ReferenceKernels+BatchNorm.swift     batchNorm
///
/// These are the oracles the fast kernels (`Tensor.conv2d`, `Tensor.matmul`, `Tensor.batchNorm`,
/// ...) are tested against, and they are deliberately slow: no blocking, no packing, no SIMD,
/// no threads, one multiply-add at a time, so that every line of the formula can be found in the
/// code. Use them to learn what an operation computes, or to check a kernel of your own on
/// small inputs; use the fast ones to train networks.
///
/// Conventions, the same as the fast kernels':
/// - Images are NCHW: x[n, c, h, w] is image n, channel c, row h, column w.
/// - Padding adds `p` rows and columns of zeros on every side; a window moves by the stride
///   `s`; the taps of a dilated filter are `d` pixels apart.
/// - An output size that does not come out whole is rounded down, as the fast kernels do with
///   `floorMode: true`: the last, incomplete window is dropped (`outputSize`).
/// - Arguments are checked with `precondition` only: a wrong shape stops the program with a
///   message. (The fast kernels throw a `TensorError` with a worded explanation instead.)
public enum ReferenceKernels {
    /// The number of positions a window takes along one dimension of length `n`:
    ///
    ///     out = (n + 2p − d·(f − 1) − 1) / s + 1        (rounded down)
    ///
    /// A window of `f` taps spaced `d` apart spans d·(f − 1) + 1 pixels; on an input padded
    /// to n + 2p pixels it fits at the offsets 0, s, 2s, ... up to n + 2p − span.
    /// - Precondition: f ≥ 1, s ≥ 1, p ≥ 0, d ≥ 1, and the window fits the padded input.
    public static func outputSize(_ n: Int, window f: Int, stride s: Int, padding p: Int, dilation d: Int = 1) -> Int {
        precondition(f >= 1 && s >= 1 && p >= 0 && d >= 1, "window \(f), stride \(s), padding \(p), dilation \(d)")
        let span = d * (f - 1) + 1
        precondition(span <= n + 2 * p, "a window spanning \(span) pixels does not fit \(n) pixels padded by \(p)")
        return (n + 2 * p - span) / s + 1
    }

    /// A tensor of zeros whose shape the caller has checked.
    static func zeros(_ shape: [Int]) -> Tensor {
        Tensor(unchecked: shape, scalars: [Double](repeating: 0, count: shape.reduce(1, *)))
    }
}
