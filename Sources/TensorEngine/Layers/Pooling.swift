/// Max pooling as a layer: (N, C, H, W) -> (N, C, OH, OW), each `size` x `size` window
/// replaced by its largest value; channels stay apart. No parameters.
public final class MaxPool2d: Layer {
    public let size: Int, stride: Int, padding: Int
    public var isTraining = true

    /// - Parameters: `stride` defaults to `size` (windows side by side, not overlapping);
    ///   `padding` may be at most `size / 2`.
    /// - Throws: on a size or stride below 1 or a negative padding (the rest when it runs).
    public init(_ size: Int, stride: Int? = nil, padding: Int = 0) throws {
        try Conv2d.check(sizes: [("size", size, 1), ("stride", stride ?? size, 1), ("padding", padding, 0)], op: "MaxPool2d")
        (self.size, self.stride, self.padding) = (size, stride ?? size, padding)
    }

    public var summary: String { poolSummary("MaxPool2d", size, stride, padding) }

    /// (N, C, H, W) -> (N, C, OH, OW). - Throws: as `maxPool2d`.
    public func forward(_ input: Tensor) throws -> Tensor {
        try Tensor.maxPool2d(input, size: size, stride: stride, padding: padding)
    }
}

/// Average pooling as a layer: (N, C, H, W) -> (N, C, OH, OW), each `size` x `size` window
/// replaced by its mean, padded cells counted as zeros (the divisor is always size²).
/// No parameters.
public final class AvgPool2d: Layer {
    public let size: Int, stride: Int, padding: Int
    public var isTraining = true

    /// - Parameters: as `MaxPool2d`.
    public init(_ size: Int, stride: Int? = nil, padding: Int = 0) throws {
        try Conv2d.check(sizes: [("size", size, 1), ("stride", stride ?? size, 1), ("padding", padding, 0)], op: "AvgPool2d")
        (self.size, self.stride, self.padding) = (size, stride ?? size, padding)
    }

    public var summary: String { poolSummary("AvgPool2d", size, stride, padding) }

    /// (N, C, H, W) -> (N, C, OH, OW). - Throws: as `avgPool2d`.
    public func forward(_ input: Tensor) throws -> Tensor {
        try Tensor.avgPool2d(input, size: size, stride: stride, padding: padding)
    }
}

/// "MaxPool2d(2x2, stride 2)" and the like.
private func poolSummary(_ name: String, _ size: Int, _ stride: Int, _ padding: Int) -> String {
    "\(name)(\(size)x\(size), stride \(stride)" + (padding == 0 ? ")" : ", padding \(padding))")
}
