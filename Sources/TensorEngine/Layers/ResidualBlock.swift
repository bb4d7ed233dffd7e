/// A residual block (He et al. 2016, the "basic block" of ResNet-18/34):
///
///     out = relu(norm2(conv2(relu(norm1(conv1(x))))) + shortcut(x))
///
/// conv1 and conv2 are 3x3 convolutions with padding 1 and no bias (the normalisation's
/// shift does that job); conv1 carries the stride. The shortcut is the identity when the
/// shapes agree (same channels, stride 1), otherwise a 1x1 convolution with the stride
/// followed by its own normalisation ("projection shortcut"), as in torchvision. The
/// strided convolutions round down (floor mode), so a stride of 2 halves any even size.
///
/// Why it helps: the block learns a correction to x rather than a whole new function, and
/// the gradient reaches x through the shortcut undiminished, so deep stacks still train.
///
/// Shapes: (N, inChannels, H, W) -> (N, outChannels, OH, OW) with OH = (H − 1) / stride + 1
/// rounded down (H / 2 for an even H at stride 2), the same for OW.
public final class ResidualBlock: Layer {
    public let conv1: Conv2d, norm1: any Layer
    public let conv2: Conv2d, norm2: any Layer
    /// The projection (1x1 convolution and its normalisation), or nil for the identity.
    public let projection: (conv: Conv2d, norm: any Layer)?
    public var isTraining = true

    /// - Parameters:
    ///   - normalization: makes the normalisation layer for a number of channels; the
    ///     default is batch normalisation (`BatchNorm2d`), as in ResNet.
    ///   - initializer: for the convolutions (He by default); drawn from `rng` in the order
    ///     conv1, conv2, projection.
    /// - Throws: on channel counts below 1 or a stride below 1.
    public init(_ inChannels: Int, _ outChannels: Int, stride: Int = 1, initializer: Initializer = .he,
                normalization: (Int) throws -> any Layer = { try BatchNorm2d($0) },
                using rng: inout RandomGenerator) throws {
        try Conv2d.check(sizes: [("inChannels", inChannels, 1), ("outChannels", outChannels, 1), ("stride", stride, 1)],
                         op: "ResidualBlock")
        conv1 = try Conv2d(inChannels, outChannels, 3, stride: stride, padding: 1, floorMode: true, bias: false,
                           initializer: initializer, using: &rng)
        norm1 = try normalization(outChannels)
        conv2 = try Conv2d(outChannels, outChannels, 3, padding: 1, bias: false, initializer: initializer, using: &rng)
        norm2 = try normalization(outChannels)
        if inChannels == outChannels && stride == 1 {
            projection = nil
        } else {
            projection = (try Conv2d(inChannels, outChannels, 1, stride: stride, floorMode: true, bias: false,
                                     initializer: initializer, using: &rng), try normalization(outChannels))
        }
    }

    public var summary: String {
        let s = conv1.weight.shape
        return "ResidualBlock(\(s[1]) -> \(s[0]), stride \(conv1.stride), "
            + (projection == nil ? "identity shortcut)" : "1x1 projection shortcut)")
    }

    public var sublayers: [any Layer] {
        [conv1, norm1, conv2, norm2] + (projection.map { [$0.conv, $0.norm] } ?? [])
    }

    /// (N, inChannels, H, W) -> (N, outChannels, OH, OW).
    public func forward(_ input: Tensor) throws -> Tensor {
        let body = try norm2(conv2(norm1(conv1(input)).relu()))
        let shortcut = try projection.map { try $0.norm($0.conv(input)) } ?? input
        return try (body + shortcut).relu()
    }
}

/// The layer that does nothing: y = x. A placeholder where a layer is optional (the
/// normalisation of a `ResidualBlock` without batch norm). No parameters; any shape.
public final class Identity: Layer {
    public var isTraining = true
    public init() {}
    public var summary: String { "Identity()" }
    public func forward(_ input: Tensor) throws -> Tensor { input }
}
