/// The backward passes of pooling: each window's upstream gradient is handed back to the
/// pixels it summarised, and a pixel under several (overlapping) windows receives the sum.
///
/// - Max pooling: the whole gradient goes to the window's maximum — the first one row by
///   row when there are ties, exactly the pixel `maxPool2d` returned (both use
///   `PoolWindow.argmax`). The other pixels get nothing.
/// - Average pooling: every pixel of the window gets gradient / size², padded cells included
///   in the count (their share is dropped), as the forward pass divides by size².
///
/// Planes are independent outputs and run in parallel; within a plane the windows are taken
/// in output order, so each pixel's sum is the same on any number of threads.
extension Tensor {
    /// dL/dx of `maxPool2d(x, size:, stride:, padding:, floorMode:)` for the upstream
    /// gradient `dy` (the output's shape): (N, C, H, W).
    /// The plain loops this computes: `ReferenceKernels.maxPool2dBackward`
    /// (Sources/TensorEngine/Reference/ReferenceKernels+Pooling.swift).
    /// - Throws: as `maxPool2d`; `TensorError.argument` when `dy` does not have the output's shape.
    /// - Complexity: N·C·OH·OW·size² comparisons.
    public static func maxPool2dBackward(_ dy: Tensor, x: Tensor, size: Int, stride: Int? = nil, padding: Int = 0,
                                         floorMode: Bool = false) throws -> Tensor {
        try maxPool2dBackward(dy, x: x, size: size, stride: stride, padding: padding, floorMode: floorMode,
                              threads: KernelThreads.count)
    }

    /// dL/dx of `avgPool2d(x, size:, stride:, padding:, floorMode:)` for an input of
    /// `inputShape` (N, C, H, W) and the upstream gradient `dy` (the output's shape).
    /// The plain loops this computes: `ReferenceKernels.avgPool2dBackward`
    /// (Sources/TensorEngine/Reference/ReferenceKernels+Pooling.swift).
    /// - Throws: as `avgPool2d`; `TensorError.argument` when `dy` does not have the output's shape.
    /// - Complexity: N·C·OH·OW·size² additions.
    public static func avgPool2dBackward(_ dy: Tensor, inputShape: [Int], size: Int, stride: Int? = nil,
                                         padding: Int = 0, floorMode: Bool = false) throws -> Tensor {
        try avgPool2dBackward(dy, inputShape: inputShape, size: size, stride: stride, padding: padding,
                              floorMode: floorMode, threads: KernelThreads.count)
    }

    /// `maxPool2dBackward` on a given number of threads (tests compare 1, 2 and 3).
    static func maxPool2dBackward(_ dy: Tensor, x: Tensor, size: Int, stride: Int?, padding: Int, floorMode: Bool,
                                  threads: Int) throws -> Tensor {
        let g = try poolGeometry(x.shape, op: "maxPool2dBackward", size: size, stride: stride, padding: padding,
                                 floorMode: floorMode)
        if MaxPool2x2.applies(g) {
            try checkUpstream(dy, g, op: "maxPool2dBackward")
            return Tensor(unchecked: x.shape) { dx in
                dy.scalars.withUnsafeBufferPointer { pdy in
                    x.scalars.withUnsafeBufferPointer { MaxPool2x2.backward(pdy, x: $0, g, into: dx, threads: threads) }
                }
            }
        }
        return try x.scalars.withUnsafeBufferPointer { px in
            try poolBackward(dy, g, op: "maxPool2dBackward", pixels: px, threads: threads) { window, gradient, dx in
                dx[window.argmax().offset] += gradient
            }
        }
    }

    /// `avgPool2dBackward` on a given number of threads (tests compare 1, 2 and 3).
    static func avgPool2dBackward(_ dy: Tensor, inputShape: [Int], size: Int, stride: Int?, padding: Int,
                                  floorMode: Bool, threads: Int) throws -> Tensor {
        let g = try poolGeometry(inputShape, op: "avgPool2dBackward", size: size, stride: stride, padding: padding,
                                 floorMode: floorMode)
        _ = try Shape.elementCount(inputShape)
        let divisor = Double(size * size)
        // The windows' offsets are all this needs; there are no pixels to read.
        return try poolBackward(dy, g, op: "avgPool2dBackward", pixels: UnsafeBufferPointer(start: nil, count: 0),
                                threads: threads) {
            window, gradient, dx in
            let share = gradient / divisor
            window.forEachOffset { dx[$0] += share }
        }
    }

    /// Checks that the upstream gradient `dy` has the pooling output's shape.
    private static func checkUpstream(_ dy: Tensor, _ g: ConvGeometry, op: String) throws {
        let shape = try g.outputShape(channels: g.channels)
        guard dy.shape == shape else {
            throw TensorError.argument(op: op, name: "dy",
                                       problem: .outputShape(of: "the pooling output", expected: shape, got: dy.shape))
        }
    }

    /// A zero gradient of the input's shape, to which `spread(window, dy of the window, dx)`
    /// adds each window's share, plane by plane.
    private static func poolBackward(_ dy: Tensor, _ g: ConvGeometry, op: String, pixels: UnsafeBufferPointer<Double>, threads: Int,
                                     spread: (PoolWindow, Double, UnsafeMutableBufferPointer<Double>) -> Void) throws -> Tensor {
        try checkUpstream(dy, g, op: op)
        let planeSize = g.height * g.width
        return Tensor(unchecked: [g.batch, g.channels, g.height, g.width]) { dx in
            dy.scalars.withUnsafeBufferPointer { pdy in
                parallelFor(parts: g.batch * g.channels, threads: threads) { plane in
                    if planeSize == 0 { return }
                    (dx.baseAddress! + plane * planeSize).update(repeating: 0, count: planeSize)
                    forEachWindow(ofPlane: plane, g, pixels: pixels) { index, window in
                        // A window wholly in the padding (only of an empty plane) has no pixel.
                        guard !window.rows.isEmpty, !window.columns.isEmpty else { return }
                        spread(window, pdy[index], dx)
                    }
                }
            }
        }
    }
}
