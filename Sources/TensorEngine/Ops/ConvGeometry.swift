/// The sizes of a 2-D sliding-window operation (convolution or pooling) on an NCHW input,
/// checked once: every kernel and error message reads them from here.
///
/// Along each spatial dimension, a window of `f` taps spaced `d` apart spans `d·(f − 1) + 1`
/// input pixels, and the output has `(n + 2p − span) / s + 1` positions. That division must
/// be exact unless `floorMode` is on (then the last, incomplete window is dropped, as
/// PyTorch does by default).
struct ConvGeometry {
    let batch: Int, channels: Int, height: Int, width: Int
    let kernelHeight: Int, kernelWidth: Int
    let stride: Int, padding: Int, dilation: Int
    let outHeight: Int, outWidth: Int

    /// For filter column `v`: the input column of output column j is `j·s + offset` (offset =
    /// v·d − p), and it lies inside the image for j in `inside` (the rest fall in the padding).
    func columns(tap v: Int) -> (offset: Int, inside: Range<Int>) {
        let offset = v * dilation - padding
        let low = Swift.min(outWidth, Swift.max(0, (-offset + stride - 1) / stride))
        let high = Swift.max(low, Swift.min(outWidth, (width - offset + stride - 1) / stride))
        return (offset, low..<high)
    }

    /// - Parameters: `input` is (N, C, H, W); `noun` is "filter" or "window" for messages.
    /// - Throws: on a bad stride, padding or dilation (below its minimum, or absurdly large),
    ///   a window larger than the padded input, a stride that does not fit (unless
    ///   `floorMode`), or an output map beyond `Shape.maxElements`.
    init(input: [Int], kernel: (Int, Int), stride: Int, padding: Int, dilation: Int = 1,
         floorMode: Bool = false, op: String, noun: String) throws {
        (batch, channels, height, width) = (input[0], input[1], input[2], input[3])
        (kernelHeight, kernelWidth) = kernel
        (self.stride, self.padding, self.dilation) = (stride, padding, dilation)
        guard stride >= 1 else { throw TensorError.argument(op: op, name: "stride", problem: .notPositiveInteger(stride)) }
        guard padding >= 0 else { throw TensorError.argument(op: op, name: "padding", problem: .negative(padding)) }
        guard dilation >= 1 else { throw TensorError.argument(op: op, name: "dilation", problem: .notPositiveInteger(dilation)) }
        guard kernel.0 >= 1, kernel.1 >= 1 else {
            throw TensorError.argument(op: op, name: "the \(noun) size", problem: .emptyWindow(height: kernel.0, width: kernel.1))
        }
        // Absurd paddings and dilations would overflow the arithmetic below and in the messages.
        let longest = Swift.max(kernel.0, kernel.1) - 1
        guard padding <= Shape.maxElements, longest == 0 || dilation <= Shape.maxElements / longest else {
            let (name, value) = padding > Shape.maxElements ? ("padding", padding) : ("dilation", dilation)
            throw TensorError.argument(op: op, name: name, problem: .tooLarge(value))
        }
        let geometry = WindowGeometry(noun: noun, input: (height, width), window: kernel, stride: (stride, stride),
                                      padding: (padding, padding), dilation: (dilation, dilation))
        let sizes = [(height, kernel.0), (width, kernel.1)]
        var outputs: [Int] = []
        for (dimension, (n, f)) in sizes.enumerated() {
            let span = dilation * (f - 1) + 1
            guard span <= n + 2 * padding else { throw TensorError.windowTooLarge(geometry, dimension: dimension) }
            guard floorMode || (n + 2 * padding - span) % stride == 0 else {
                throw TensorError.windowDoesNotFit(geometry, dimension: dimension)
            }
            outputs.append((n + 2 * padding - span) / stride + 1)
        }
        (outHeight, outWidth) = (outputs[0], outputs[1])
        // One output map must be allocatable, so that `outPositions` cannot overflow.
        _ = try Shape.elementCount([outHeight, outWidth])
    }

    /// Rows of the im2col matrix: one per (channel, kernel row, kernel column).
    var patchSize: Int { channels * kernelHeight * kernelWidth }
    /// Columns of the im2col matrix for one image: one per output position.
    var outPositions: Int { outHeight * outWidth }

    /// The output shape (N, `channels`, OH, OW).
    /// - Throws: a size the session does not allow (`Tensor.checkedCount`).
    func outputShape(channels: Int) throws -> [Int] {
        let shape = [batch, channels, outHeight, outWidth]
        _ = try Tensor.checkedCount(shape)
        return shape
    }

    /// Checks that `x` is (N, C, H, W).
    static func requireImages(_ x: Tensor, op: String, argument: String = "x") throws {
        guard x.rank == 4 else {
            throw TensorError.rank(op: op, argument: argument, expected: "rank 4 (N, C, H, W)", shape: x.shape)
        }
    }
}
