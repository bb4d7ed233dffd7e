/// Convolution and im2col on variables, each with its backward rule beside it. The kernels
/// and the formulas are in `Tensor+ConvolutionBackward.swift` and `Tensor+Col2im.swift`.
extension Variable {
    /// `Tensor.conv2d` on variables: x (N, C, H, W), w (K, C, KH, KW), bias (K) -> (N, K, OH, OW).
    /// Backward, with X̂_n = im2col(x_n) and g = dL/dy:
    /// dx_n = col2im(Wᵀ·g_n), dW = Σ_n g_n·X̂_nᵀ, db[k] = Σ over (n, i, j) of g[n, k, i, j].
    ///
    /// When `w` requires a gradient, the forward pass keeps its patch matrix (C·KH·KW x
    /// N·OH·OW numbers, KH·KW times the input) until the graph is released, so the backward
    /// pass does not build it again.
    /// - Throws: as `Tensor.conv2d`.
    public static func conv2d(_ x: Variable, _ w: Variable, bias: Variable? = nil, stride: Int = 1, padding: Int = 0,
                              dilation: Int = 1, floorMode: Bool = false) throws -> Variable {
        let (xValue, wValue) = (x.value, w.value)
        let forward = try Tensor.conv2dForward(xValue, wValue, bias: bias?.value, stride: stride, padding: padding,
                                               dilation: dilation, floorMode: floorMode, keepColumns: w.requiresGrad,
                                               threads: KernelThreads.count)
        let parents = bias.map { [x, w, $0] } ?? [x, w]
        return .result(forward.y, op: "conv2d", parents: parents) { g in
            let grads = try Tensor.conv2dGradients(g, x: xValue, w: wValue, columns: forward.columns,
                                                   geometry: forward.geometry, wantX: x.requiresGrad,
                                                   wantW: w.requiresGrad, wantBias: bias?.requiresGrad ?? false,
                                                   threads: KernelThreads.count)
            return bias == nil ? [grads.dx, grads.dw] : [grads.dx, grads.dw, grads.db]
        }
    }

    /// `Tensor.im2col` on a variable: (N, C, H, W) -> (C·KH·KW, N·OH·OW).
    /// Backward: dx = col2im(g), the adjoint of im2col (each patch entry's gradient is added
    /// back onto the pixel it was copied from).
    /// - Throws: as `Tensor.im2col`.
    public static func im2col(_ x: Variable, kernelHeight: Int, kernelWidth: Int, stride: Int = 1, padding: Int = 0,
                              dilation: Int = 1, floorMode: Bool = false) throws -> Variable {
        let inputShape = x.shape
        let value = try Tensor.im2col(x.value, kernelHeight: kernelHeight, kernelWidth: kernelWidth, stride: stride,
                                      padding: padding, dilation: dilation, floorMode: floorMode)
        return .result(value, op: "im2col", parents: [x]) { g in
            [try Tensor.col2im(g, inputShape: inputShape, kernelHeight: kernelHeight, kernelWidth: kernelWidth,
                               stride: stride, padding: padding, dilation: dilation, floorMode: floorMode)]
        }
    }
}
