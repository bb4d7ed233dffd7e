/// A convolutional layer: y = conv2d(x, W, stride, padding, dilation) + b.
///
/// Shapes: x (N, C, H, W) -> y (N, K, OH, OW) with `OH = (H + 2p − d·(F − 1) − 1) / s + 1`;
/// W (K, C, F, F): K filters, each F x F over all C input channels; b (K), one number per
/// output map. Parameters: K·C·F·F + K (six 5x5 filters on a colour image: 6·3·5·5 + 6 = 456).
public final class Conv2d: Layer {
    public let weight: Tensor
    /// nil for a layer made with `bias: false` (e.g. one followed by batch norm, whose shift
    /// does the bias's job).
    public let bias: Tensor?
    public let stride: Int, padding: Int, dilation: Int
    /// Whether an incomplete last window is dropped (PyTorch's rounding down) rather than an error.
    public let floorMode: Bool
    public var isTraining = true

    /// - Parameters: `initializer` for W (fan-in = C·F·F); b starts at 0; `floorMode` as in `conv2d`.
    /// - Throws: on a size below 1 or a bad stride, padding or dilation.
    public init(_ inChannels: Int, _ outChannels: Int, _ kernelSize: Int, stride: Int = 1, padding: Int = 0,
                dilation: Int = 1, floorMode: Bool = false, bias: Bool = true, initializer: Initializer = .he,
                using rng: inout RandomGenerator) throws {
        try Self.check(sizes: [("inChannels", inChannels, 0), ("outChannels", outChannels, 0), ("kernelSize", kernelSize, 1),
                               ("stride", stride, 1), ("padding", padding, 0), ("dilation", dilation, 1)])
        let fanIn = inChannels * kernelSize * kernelSize
        weight = Tensor(try initializer.weights([outChannels, inChannels, kernelSize, kernelSize], fanIn: fanIn, using: &rng),
                          requiresGrad: true, name: "weight")
        self.bias = bias ? Tensor(try Tensor.zeros([outChannels]), requiresGrad: true, name: "bias") : nil
        (self.stride, self.padding, self.dilation, self.floorMode) = (stride, padding, dilation, floorMode)
    }

    /// A layer with the given starting filters (K, C, KH, KW) and bias (K) or none.
    /// - Throws: `TensorError.argument` for shapes that do not match, or a bad stride, padding or dilation.
    public init(weight: Tensor, bias: Tensor?, stride: Int = 1, padding: Int = 0, dilation: Int = 1,
                floorMode: Bool = false) throws {
        guard weight.rank == 4, bias == nil || bias?.shape == [weight.shape[0]] else {
            throw TensorError.argument(op: "Conv2d", name: "weight and bias", problem: .shapes(expected: ["(K, C, KH, KW)", "(K)"], got: [weight.shape, bias?.shape]))
        }
        try Self.check(sizes: [("stride", stride, 1), ("padding", padding, 0), ("dilation", dilation, 1)])
        self.weight = Tensor(weight, requiresGrad: true, name: "weight")
        self.bias = bias.map { Tensor($0, requiresGrad: true, name: "bias") }
        (self.stride, self.padding, self.dilation, self.floorMode) = (stride, padding, dilation, floorMode)
    }

    public var summary: String {
        let s = weight.shape
        var text = "Conv2d(\(s[1]) -> \(s[0]), \(s[2])x\(s[3])"
        if stride != 1 { text += ", stride \(stride)" }
        if padding != 0 { text += ", padding \(padding)" }
        if dilation != 1 { text += ", dilation \(dilation)" }
        if floorMode { text += ", floor" }
        return text + (bias == nil ? ", no bias)" : ")")
    }

    public var namedParameters: [(name: String, parameter: Tensor)] {
        [("weight", weight)] + (bias.map { [("bias", $0)] } ?? [])
    }

    /// (N, C, H, W) -> (N, K, OH, OW). - Throws: as `conv2d` (wrong rank or channels, a stride that does not fit).
    public func forward(_ input: Tensor) throws -> Tensor {
        try Tensor.conv2d(input, weight, bias: bias, stride: stride, padding: padding, dilation: dilation,
                            floorMode: floorMode)
    }

    /// Throws for the first size below its minimum.
    static func check(sizes: [(name: String, value: Int, minimum: Int)], op: String = "Conv2d") throws {
        for (name, value, minimum) in sizes where value < minimum {
            throw TensorError.argument(op: op, name: name, problem: .notAtLeast(minimum, got: value))
        }
    }
}
