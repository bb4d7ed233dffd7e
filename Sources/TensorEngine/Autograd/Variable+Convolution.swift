/// Convolution and im2col on variables, each with its backward rule beside it. The kernels
/// and the formulas are in `Tensor+ConvolutionBackward.swift` and `Tensor+Col2im.swift`.
extension Variable {
    /// `Tensor.conv2d` on variables: x (N, C, H, W), w (K, C, KH, KW), bias (K) -> (N, K, OH, OW).
    /// Backward, with X̂_n = im2col(x_n) and g = dL/dy:
    /// dx_n = col2im(Wᵀ·g_n), dW = Σ_n g_n·X̂_nᵀ, db[k] = Σ over (n, i, j) of g[n, k, i, j].
    ///
    /// The backward pass builds each image's patches X̂_n again rather than keeping the
    /// forward pass's: the whole batch's patch matrix is KH·KW times the input, and writing
    /// it out and reading it back measured slower (W3: 20 against 13 ms of CPU time for
    /// 64 x 3 x 32 x 32 with 5x5 filters) than building it per image in cache, twice.
    /// - Throws: as `Tensor.conv2d`.
    public static func conv2d(_ x: Variable, _ w: Variable, bias: Variable? = nil, stride: Int = 1, padding: Int = 0,
                              dilation: Int = 1, floorMode: Bool = false) throws -> Variable {
        let (xValue, wValue) = (x.value, w.value)
        let g = try Tensor.conv2dGeometry(xValue, wValue, bias: bias?.value, stride: stride, padding: padding,
                                          dilation: dilation, floorMode: floorMode)
        let y = try Tensor.conv2d(xValue, wValue, bias: bias?.value, geometry: g, threads: KernelThreads.count)
        let parents = bias.map { [x, w, $0] } ?? [x, w]
        return .result(y, op: "conv2d", parents: parents) { dy in
            let grads = try Tensor.conv2dGradients(dy, x: xValue, w: wValue, geometry: g, wantX: x.requiresGrad,
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
