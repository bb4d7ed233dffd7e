import Testing
@testable import TensorEngine

/// The geometry a conv2d error message is built from.
func filterGeometry(input: (Int, Int), window: (Int, Int), stride: Int = 1, padding: Int = 0,
                    dilation: Int = 1) -> WindowGeometry {
    WindowGeometry(noun: "filter", input: input, window: window, stride: (stride, stride),
                   padding: (padding, padding), dilation: (dilation, dilation))
}

@Suite("conv2d and im2col errors")
struct ConvolutionErrorTests {
    let x = try! Tensor.zeros([1, 3, 7, 7]), w = try! Tensor.zeros([2, 3, 3, 3])

    @Test("channel counts that differ name both shapes")
    func channels() throws {
        let message = expectError(.channels(input: [1, 3, 7, 7], filters: [2, 4, 3, 3])) {
            try Tensor.conv2d(x, try Tensor.zeros([2, 4, 3, 3]))
        }
        #expect(message == "the input has 3 channels but the filters expect 4"
                + " (x is [N, C, H, W] = [1, 3, 7, 7], w is [K, C, KH, KW] = [2, 4, 3, 3])")
        let one = expectError(.channels(input: [1, 1, 7, 7], filters: [2, 3, 3, 3])) {
            try Tensor.conv2d(try Tensor.zeros([1, 1, 7, 7]), w)
        }
        #expect(one.hasPrefix("the input has 1 channel but the filters expect 3 ("))
    }

    @Test("a filter larger than the padded input")
    func filterTooLarge() throws {
        let big = try Tensor.zeros([1, 3, 8, 3])
        let message = expectError(.windowTooLarge(filterGeometry(input: (7, 7), window: (8, 3)), dimension: 0)) {
            try Tensor.conv2d(x, big)
        }
        #expect(message == "an 8x3 filter is larger than the 7x7 input (7 along the height)")
        let wide = try Tensor.zeros([1, 3, 3, 10])
        let padded = expectError(.windowTooLarge(filterGeometry(input: (7, 7), window: (3, 10), padding: 1), dimension: 1)) {
            try Tensor.conv2d(x, wide, padding: 1)
        }
        #expect(padded == "a 3x10 filter is larger than the 7x7 input with padding 1 (9 along the width)")
        let dilated = expectError(.windowTooLarge(filterGeometry(input: (7, 7), window: (3, 3), dilation: 4), dimension: 0)) {
            try Tensor.conv2d(x, w, dilation: 4)
        }
        #expect(dilated == "a 3x3 filter with dilation 4 (spanning 9x9) is larger than the 7x7 input (7 along the height)")
    }

    @Test("strides that do not fit show the arithmetic")
    func doesNotFit() throws {
        let padded = expectError(.windowDoesNotFit(filterGeometry(input: (7, 7), window: (3, 3), stride: 4, padding: 1), dimension: 0)) {
            try Tensor.conv2d(x, w, stride: 4, padding: 1)
        }
        #expect(padded == "(7 + 2*1 - 3) / 4 + 1 = 2.5: a 3x3 filter at stride 4 with padding 1 does not fit a 7x7 input")
        let dilated = expectError(.windowDoesNotFit(filterGeometry(input: (7, 7), window: (3, 3), stride: 3, dilation: 2), dimension: 0)) {
            try Tensor.conv2d(x, w, stride: 3, dilation: 2)
        }
        #expect(dilated == "(7 - 5) / 3 + 1 = 1.67: a 3x3 filter with dilation 2 (spanning 5x5) at stride 3 does not fit a 7x7 input")
        let wide = try Tensor.zeros([1, 3, 7, 8])
        let alongWidth = expectError(.windowDoesNotFit(filterGeometry(input: (7, 8), window: (3, 3), stride: 2), dimension: 1)) {
            try Tensor.conv2d(wide, w, stride: 2)
        }
        #expect(alongWidth == "(8 - 3) / 2 + 1 = 3.5: a 3x3 filter at stride 2 does not fit a 7x8 input (along the width)")
        // 1.99666… must not print as a whole number.
        let nearlyTwo = expectError(.windowDoesNotFit(filterGeometry(input: (301, 301), window: (2, 2), stride: 300), dimension: 0)) {
            try Tensor.conv2d(try Tensor.zeros([1, 1, 301, 301]), try Tensor.zeros([1, 1, 2, 2]), stride: 300)
        }
        #expect(nearlyTwo == "(301 - 2) / 300 + 1 = 1.997: a 2x2 filter at stride 300 does not fit a 301x301 input")
        let articles = expectError(.windowDoesNotFit(filterGeometry(input: (8, 8), window: (11, 11), stride: 2, padding: 2), dimension: 0)) {
            try Tensor.conv2d(try Tensor.zeros([1, 1, 8, 8]), try Tensor.zeros([1, 1, 11, 11]), stride: 2, padding: 2)
        }
        #expect(articles == "(8 + 2*2 - 11) / 2 + 1 = 1.5: an 11x11 filter at stride 2 with padding 2 does not fit an 8x8 input")
    }

    @Test("bad stride, padding, dilation and filter size")
    func badArguments() throws {
        for stride in [0, -2] {
            let message = expectError(.argument(op: "conv2d", name: "stride", problem: .notPositiveInteger(stride))) {
                try Tensor.conv2d(x, w, stride: stride)
            }
            #expect(message == "conv2d: stride must be a positive integer, got \(stride)")
        }
        let padding = expectError(.argument(op: "conv2d", name: "padding", problem: .negative(-1))) {
            try Tensor.conv2d(x, w, padding: -1)
        }
        #expect(padding == "conv2d: padding must not be negative, got -1")
        let dilation = expectError(.argument(op: "conv2d", name: "dilation", problem: .notPositiveInteger(0))) {
            try Tensor.conv2d(x, w, dilation: 0)
        }
        #expect(dilation == "conv2d: dilation must be a positive integer, got 0")
        let empty = expectError(.argument(op: "conv2d", name: "the filter size", problem: .emptyWindow(height: 0, width: 3))) {
            try Tensor.conv2d(x, try Tensor.zeros([2, 3, 0, 3]))
        }
        #expect(empty == "conv2d: the filter size must be at least 1x1, got 0x3")
    }

    @Test("a bias must hold one value per filter")
    func bias() throws {
        let message = expectError(.bias(filters: 2, shape: [3])) { try Tensor.conv2d(x, w, bias: Tensor([1, 2, 3])) }
        #expect(message == "bias must have shape [2] (one value per filter), got [3]")
        expectError(.bias(filters: 2, shape: [1, 2])) { try Tensor.conv2d(x, w, bias: try Tensor([[1, 2]])) }
        expectError(.bias(filters: 2, shape: [])) { try Tensor.conv2d(x, w, bias: Tensor(1)) }
    }

    @Test("inputs and filters must have rank 4")
    func ranks() throws {
        let message = expectError(.rank(op: "conv2d", argument: "x", expected: "rank 4 (N, C, H, W)", shape: [3, 7, 7])) {
            try Tensor.conv2d(try Tensor.zeros([3, 7, 7]), w)
        }
        #expect(message == "conv2d expects x of rank 4 (N, C, H, W), got shape [3, 7, 7]")
        let filters = expectError(.rank(op: "conv2d", argument: "w", expected: "rank 4 (K, C, KH, KW)", shape: [3, 3])) {
            try Tensor.conv2d(x, try Tensor.zeros([3, 3]))
        }
        #expect(filters == "conv2d expects w of rank 4 (K, C, KH, KW), got shape [3, 3]")
        expectError(.rank(op: "im2col", argument: "x", expected: "rank 4 (N, C, H, W)", shape: [7])) {
            try Tensor.im2col(try Tensor.zeros([7]), kernelHeight: 1, kernelWidth: 1)
        }
    }

    @Test("outputs too large to allocate are errors, not crashes")
    func tooLarge() throws {
        let pixel = try Tensor.zeros([1, 1, 1, 1])
        // One 1200001 x 1200001 output map is more than 2^40 elements.
        expectError(.tooLarge(shape: [1_200_001, 1_200_001])) { try Tensor.conv2d(pixel, pixel, padding: 600_000) }
        expectError(.tooLarge(shape: [1_200_001, 1_200_001])) {
            try Tensor.im2col(pixel, kernelHeight: 1, kernelWidth: 1, padding: 600_000)
        }
        // Each map fits, all eight do not.
        expectError(.tooLarge(shape: [1, 8, 524_289, 524_289])) {
            try Tensor.conv2d(pixel, try Tensor.zeros([8, 1, 1, 1]), padding: 262_144)
        }
        // The output (1026 x 1026) fits, one image's patch matrix (2·1024·1024 rows) does not.
        expectError(.tooLarge(shape: [2 * 1024 * 1024, 1026 * 1026])) {
            try Tensor.conv2d(try Tensor.zeros([1, 2, 1, 1]), try Tensor.zeros([1, 2, 1024, 1024]), padding: 1024)
        }
    }

    @Test("absurd paddings and dilations are errors, not overflows")
    func absurdArguments() throws {
        let message = expectError(.argument(op: "conv2d", name: "padding", problem: .tooLarge(Int.max / 2))) {
            try Tensor.conv2d(x, w, padding: Int.max / 2)
        }
        #expect(message == "conv2d: padding is too large, got \(Int.max / 2)")
        expectError(.argument(op: "conv2d", name: "dilation", problem: .tooLarge(Int.max / 2)),
                    reads: "conv2d: dilation is too large, got \(Int.max / 2)") {
            try Tensor.conv2d(x, w, dilation: Int.max / 2)
        }
        expectError(.argument(op: "im2col", name: "dilation", problem: .tooLarge(Int.max)),
                    reads: "im2col: dilation is too large, got \(Int.max)") {
            try Tensor.im2col(x, kernelHeight: 1, kernelWidth: 2, dilation: Int.max)
        }
        // A 1x1 filter has no span to overflow, whatever its dilation.
        #expect(try Tensor.conv2d(x, try Tensor.zeros([1, 3, 1, 1]), dilation: Int.max).shape == [1, 1, 7, 7])
    }
}
