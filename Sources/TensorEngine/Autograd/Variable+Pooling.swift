/// Pooling on variables, each with its backward rule beside it (the kernels are in
/// `Tensor+PoolingBackward.swift`).
extension Variable {
    /// `Tensor.maxPool2d` on a variable: (N, C, H, W) -> (N, C, OH, OW).
    /// Backward: each window's gradient goes wholly to the pixel the forward pass picked (its
    /// first maximum, row by row); a pixel that wins several overlapping windows gets the sum.
    /// - Throws: as `Tensor.maxPool2d`.
    public static func maxPool2d(_ x: Variable, size: Int, stride: Int? = nil, padding: Int = 0,
                                 floorMode: Bool = false) throws -> Variable {
        let input = x.value
        let value = try Tensor.maxPool2d(input, size: size, stride: stride, padding: padding, floorMode: floorMode)
        return .result(value, op: "maxPool2d", parents: [x]) { g in
            [try Tensor.maxPool2dBackward(g, x: input, size: size, stride: stride, padding: padding, floorMode: floorMode)]
        }
    }

    /// `Tensor.avgPool2d` on a variable: (N, C, H, W) -> (N, C, OH, OW).
    /// Backward: every pixel of a window gets the window's gradient / size² (padded cells
    /// count in the divisor, as in the forward pass).
    /// - Throws: as `Tensor.avgPool2d`.
    public static func avgPool2d(_ x: Variable, size: Int, stride: Int? = nil, padding: Int = 0,
                                 floorMode: Bool = false) throws -> Variable {
        let inputShape = x.shape
        let value = try Tensor.avgPool2d(x.value, size: size, stride: stride, padding: padding, floorMode: floorMode)
        return .result(value, op: "avgPool2d", parents: [x]) { g in
            [try Tensor.avgPool2dBackward(g, inputShape: inputShape, size: size, stride: stride, padding: padding,
                                          floorMode: floorMode)]
        }
    }
}
