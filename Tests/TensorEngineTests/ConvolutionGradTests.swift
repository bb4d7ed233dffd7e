import Testing
@testable import TensorEngine

/// One convolution to check: input and filter shapes and the geometry. Floor mode lets any
/// stride run; the exact fits go through the default mode.
struct ConvCase: CustomTestStringConvertible, Sendable {
    var x: [Int], w: [Int], stride = 1, padding = 0, dilation = 1, floorMode = false
    var testDescription: String { "x \(x) w \(w) s\(stride) p\(padding) d\(dilation)\(floorMode ? " floor" : "")" }
}

@Suite("conv2d backward: gradcheck, the formula, col2im, threads")
struct ConvolutionGradTests {
    static let tolerance = 1e-7
    /// The finite-difference step. conv2d is linear in each input element on its own (x for
    /// fixed w, w for fixed x), so a central difference has no truncation error at any step:
    /// only rounding, about ε·Σ|y·g| / h. At the default 1e-6 that is ~1e-8 absolute, which
    /// is above 1e-7 relative for the smaller gradient entries; at 1e-3 it is ~1e-11.
    static let step = 1e-3

    static let cases: [ConvCase] = [
        ConvCase(x: [2, 3, 5, 5], w: [4, 3, 3, 3]),
        ConvCase(x: [2, 2, 6, 7], w: [3, 2, 3, 2], stride: 2, padding: 1, floorMode: true),
        ConvCase(x: [3, 2, 5, 6], w: [2, 2, 2, 3], padding: 2),
        ConvCase(x: [2, 2, 7, 7], w: [3, 2, 3, 3], padding: 1, dilation: 2),
        ConvCase(x: [1, 3, 8, 6], w: [2, 3, 1, 2], stride: 2, padding: 0, dilation: 2, floorMode: true),
        ConvCase(x: [2, 1, 6, 6], w: [2, 1, 3, 3], stride: 3, padding: 2, dilation: 2, floorMode: true),
    ]

    @Test("gradcheck of conv2d in x, w and bias", arguments: cases)
    func gradcheckConv(c: ConvCase) throws {
        let inputs = [randomTensor(c.x, seed: 40), randomTensor(c.w, seed: 41), randomTensor([c.w[0]], seed: 42)]
        let result = try gradcheck(inputs, step: Self.step) { v in
            try Tensor.conv2d(v[0], v[1], bias: v[2], stride: c.stride, padding: c.padding, dilation: c.dilation,
                                floorMode: c.floorMode)
        }
        #expect(result.relativeErrors.count == 3)
        #expect(result.maxRelativeError < Self.tolerance, "\(result)")
    }

    @Test("Tensor.conv2dBackward equals the formula's sums, and the autograd path bit for bit", arguments: cases)
    func againstNaive(c: ConvCase) throws {
        let x = Tensor(randomTensor(c.x, seed: 43), requiresGrad: true)
        let w = Tensor(randomTensor(c.w, seed: 44), requiresGrad: true)
        let b = Tensor(randomTensor([c.w[0]], seed: 45), requiresGrad: true)
        let y = try Tensor.conv2d(x, w, bias: b, stride: c.stride, padding: c.padding, dilation: c.dilation,
                                    floorMode: c.floorMode)
        let dy = randomTensor(y.shape, seed: 46)
        try y.backward(seed: dy)
        let grads = try Tensor.conv2dBackward(dy, x: x.detached(), w: w.detached(), stride: c.stride, padding: c.padding,
                                              dilation: c.dilation, floorMode: c.floorMode)
        #expect(grads.dx == x.grad && grads.dw == w.grad && grads.db == b.grad)
        let reference = ReferenceKernels.conv2dBackward(dy, x: x.detached(), w: w.detached(), stride: c.stride,
                                                        padding: c.padding, dilation: c.dilation)
        expectClose(grads.dx, reference.dx, .sums)
        expectClose(grads.dw, reference.dw, .sums)
        expectClose(grads.db, reference.db, .sums)
    }

    @Test("only the gradients asked for: a frozen filter bank or a constant input")
    func partialGradients() throws {
        let c = Self.cases[1]
        let x = randomTensor(c.x, seed: 47), w = randomTensor(c.w, seed: 48)
        let onlyX = try gradcheck([x], step: Self.step) { v in
            try Tensor.conv2d(v[0], w, stride: c.stride, padding: c.padding, floorMode: true)
        }
        let onlyW = try gradcheck([w], step: Self.step) { v in
            try Tensor.conv2d(x, v[0], stride: c.stride, padding: c.padding, floorMode: true)
        }
        #expect(onlyX.maxRelativeError < Self.tolerance && onlyW.maxRelativeError < Self.tolerance)
    }

    @Test("gradcheck of im2col (its backward is col2im)")
    func gradcheckIm2col() throws {
        let result = try gradcheck([randomTensor([2, 2, 5, 6], seed: 49)], step: Self.step) { v in
            try Tensor.im2col(v[0], kernelHeight: 3, kernelWidth: 2, stride: 2, padding: 1, dilation: 1, floorMode: true)
        }
        #expect(result.maxRelativeError < Self.tolerance, "\(result)")
    }

    @Test("col2im is the adjoint of im2col: <im2col(x), c> = <x, col2im(c)>", arguments: [
        (1, 0, 1), (2, 0, 1), (1, 1, 1), (3, 2, 1), (1, 2, 2), (2, 1, 2),
    ])
    func adjoint(stride: Int, padding: Int, dilation: Int) throws {
        let x = randomTensor([2, 3, 7, 6], seed: 50)
        let cols = try Tensor.im2col(x, kernelHeight: 3, kernelWidth: 2, stride: stride, padding: padding,
                                     dilation: dilation, floorMode: true)
        let c = randomTensor(cols.shape, seed: 51)
        let back = try Tensor.col2im(c, inputShape: x.shape, kernelHeight: 3, kernelWidth: 2, stride: stride,
                                     padding: padding, dilation: dilation, floorMode: true)
        #expect(back.shape == x.shape)
        let lhs = try (cols * c).sum().scalar!, rhs = try (x * back).sum().scalar!
        #expect(abs(lhs - rhs) <= 1e-12 * Swift.max(1, abs(lhs)), "\(lhs) vs \(rhs)")
    }

    @Test("col2im of ones counts how many patches cover each pixel")
    func coverage() throws {
        // A 2x2 window at stride 1 over a 3x3 image: corners 1, edges 2, the centre 4.
        let ones = try Tensor.ones([4, 4])
        let counts = try Tensor.col2im(ones, inputShape: [1, 1, 3, 3], kernelHeight: 2, kernelWidth: 2)
        expectClose(counts, shape: [1, 1, 3, 3], [1, 2, 1, 2, 4, 2, 1, 2, 1])
    }

    @Test("backward is identical bit for bit with 1, 2 and 3 threads", arguments: [[20, 3, 9, 9], [1, 8, 16, 16]])
    func threads(xShape: [Int]) throws {
        // 20 images make 3 groups for dW; one image hands its threads to GEMM (72 x 256 x 16).
        let x = randomTensor(xShape, seed: 52), w = randomTensor([16, xShape[1], 3, 3], seed: 53)
        let results = try [1, 2, 3].map { threads in
            let g = try Tensor.conv2dGeometry(x, w, bias: nil, stride: 1, padding: 1, dilation: 1, floorMode: false)
            let dy = randomTensor(try g.outputShape(channels: 16), seed: 54)
            return try Tensor.conv2dGradients(dy, x: x, w: w, geometry: g, wantX: true, wantW: true, wantBias: true,
                                              threads: threads)
        }
        for r in results.dropFirst() {
            #expect(r.dx == results[0].dx && r.dw == results[0].dw && r.db == results[0].db)
        }
        let cols = randomTensor([xShape[1] * 9, xShape[0] * xShape[2] * xShape[3]], seed: 56)
        let images = try [1, 2, 3].map { threads in
            try Tensor.col2im(cols, inputShape: xShape, kernelHeight: 3, kernelWidth: 3, stride: 1, padding: 1,
                              dilation: 1, floorMode: false, threads: threads)
        }
        #expect(images[1] == images[0] && images[2] == images[0])
    }

    @Test("an empty batch has zero gradients; a wrong dy is reported")
    func edges() throws {
        let w = randomTensor([2, 3, 3, 3], seed: 55)
        let grads = try Tensor.conv2dBackward(try Tensor.zeros([0, 2, 3, 3]), x: try Tensor.zeros([0, 3, 5, 5]), w: w)
        #expect(grads.dx.shape == [0, 3, 5, 5] && grads.dw == Tensor.zeros(like: w) && grads.db == Tensor([0, 0]))
        expectError(.argument(op: "conv2dBackward", name: "dy",
                              problem: .outputShape(of: "conv2d's output", expected: [1, 2, 3, 3], got: [1, 2, 3, 4])),
                                          reads: "conv2dBackward: dy must have the shape of conv2d's output [1, 2, 3, 3], got [1, 2, 3, 4]") {
            try Tensor.conv2dBackward(try Tensor.zeros([1, 2, 3, 4]), x: try Tensor.zeros([1, 3, 5, 5]), w: w)
        }
        #expect(throws: TensorError.self) {
            try Tensor.col2im(try Tensor.zeros([4, 5]), inputShape: [1, 1, 3, 3], kernelHeight: 2, kernelWidth: 2)
        }
    }
}
