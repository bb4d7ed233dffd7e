import Testing
@testable import TensorEngine

@Suite("conv2d")
struct ConvolutionTests {
    /// A 4x4 image whose pixel (r, c) is 4r + c + 1: 1...16, row by row.
    let oneToSixteen = try! Tensor(shape: [1, 1, 4, 4], scalars: (1...16).map(Double.init))

    @Test("a 2x2 filter on a 4x4 input, worked by hand")
    func byHand() throws {
        // y[i, j] = x[i, j] + 2·x[i, j+1] + 3·x[i+1, j] + 4·x[i+1, j+1] = 40i + 10j + 44.
        let w = try Tensor(shape: [1, 1, 2, 2], scalars: [1, 2, 3, 4])
        expectClose(try Tensor.conv2d(oneToSixteen, w), shape: [1, 1, 3, 3], [44, 54, 64, 84, 94, 104, 124, 134, 144])
        expectClose(try Tensor.conv2d(oneToSixteen, w, bias: Tensor([0.5]), stride: 2),
                    shape: [1, 1, 2, 2], [44.5, 64.5, 124.5, 144.5])
        // Padding 1: the corner windows see one pixel each, under the opposite tap.
        let padded = try Tensor.conv2d(oneToSixteen, w, padding: 1)
        #expect(padded.shape == [1, 1, 5, 5])
        #expect(padded[0, 0, 0, 0] == 4 * 1 && padded[0, 0, 0, 4] == 3 * 4)
        #expect(padded[0, 0, 4, 0] == 2 * 13 && padded[0, 0, 4, 4] == 1 * 16)
        #expect(padded[0, 0, 1, 1] == 44)
    }

    @Test("equals the seven-loop formula", arguments: [1, 2, 3], [0, 1, 2])
    func againstNaive(stride: Int, padding: Int) throws {
        let x = randomTensor([2, 3, 9, 8], seed: 11), w = randomTensor([4, 3, 3, 2], seed: 12)
        let bias = randomTensor([4], seed: 13)
        for dilation in [1, 2] {
            // Exact fits go through the default mode, the others through floor mode.
            let fits = (9 + 2 * padding - dilation * 2 - 1) % stride == 0 && (8 + 2 * padding - dilation - 1) % stride == 0
            let y = try Tensor.conv2d(x, w, bias: bias, stride: stride, padding: padding, dilation: dilation, floorMode: !fits)
            expectClose(y, ReferenceKernels.conv2d(x, w, bias: bias, stride: stride, padding: padding, dilation: dilation), .sums)
        }
    }

    @Test("one image, one channel, a tall filter, no bias")
    func tallFilter() throws {
        let x = randomTensor([1, 1, 6, 5], seed: 14), w = randomTensor([2, 1, 4, 1], seed: 15)
        expectClose(try Tensor.conv2d(x, w, padding: 1), ReferenceKernels.conv2d(x, w, padding: 1), .sums)
    }

    @Test("conv2d(x, w) is the filter matrix times im2col(x), rearranged to NCHW")
    func im2colIdentity() throws {
        let x = randomTensor([2, 3, 7, 6], seed: 16), w = randomTensor([5, 3, 3, 2], seed: 17)
        let cols = try Tensor.im2col(x, kernelHeight: 3, kernelWidth: 2, stride: 2, padding: 1, dilation: 1, floorMode: true)
        let filters = try Tensor(shape: [5, 3 * 3 * 2], scalars: w.scalars)
        let product = try Tensor.matmul(filters, cols)
        let y = try Tensor.conv2d(x, w, stride: 2, padding: 1, floorMode: true)
        let (oh, ow) = (y.shape[2], y.shape[3])
        #expect(product.shape == [5, 2 * oh * ow])
        var rearranged = Tensor.zeros(like: y)
        for n in 0..<2 {
            for k in 0..<5 {
                for i in 0..<oh {
                    for j in 0..<ow { rearranged[n, k, i, j] = product[k, (n * oh + i) * ow + j] }
                }
            }
        }
        expectClose(y, rearranged, .sums)
    }

    @Test("the classic output sizes")
    func classicSizes() throws {
        let image = try Tensor.zeros([1, 3, 32, 32])
        #expect(try Tensor.conv2d(image, try Tensor.zeros([1, 3, 5, 5])).shape == [1, 1, 28, 28])
        #expect(try Tensor.conv2d(image, try Tensor.zeros([6, 3, 5, 5])).shape == [1, 6, 28, 28])
        #expect(try Tensor.conv2d(image, try Tensor.zeros([2, 3, 3, 3]), padding: 1).shape == [1, 2, 32, 32])
        let seven = try Tensor.zeros([1, 1, 7, 7]), three = try Tensor.zeros([1, 1, 3, 3])
        #expect(try Tensor.conv2d(seven, three, stride: 1).shape == [1, 1, 5, 5])
        #expect(try Tensor.conv2d(seven, three, stride: 2).shape == [1, 1, 3, 3])
        let geometry = WindowGeometry(noun: "filter", input: (7, 7), window: (3, 3), stride: (3, 3), padding: (0, 0))
        let message = expectError(.windowDoesNotFit(geometry, dimension: 0)) { try Tensor.conv2d(seven, three, stride: 3) }
        #expect(message == "(7 - 3) / 3 + 1 = 2.33: a 3x3 filter at stride 3 does not fit a 7x7 input")
    }

    @Test("floor mode drops the incomplete last window: 7x7, 3x3 filter, stride 3 -> 2x2")
    func floorMode() throws {
        let x = randomTensor([1, 2, 7, 7], seed: 18), w = randomTensor([3, 2, 3, 3], seed: 19)
        let y = try Tensor.conv2d(x, w, stride: 3, floorMode: true)
        #expect(y.shape == [1, 3, 2, 2])
        expectClose(y, ReferenceKernels.conv2d(x, w, stride: 3), .sums)
    }

    @Test("results are identical bit for bit with 1, 2 and 3 threads", arguments: [5, 1])
    func threadCountIndependence(images: Int) throws {
        // 5 images are split over threads; 1 image splits its GEMM (4 x 120 x 27, past the small case).
        let x = randomTensor([images, 3, 10, 12], seed: 20), w = randomTensor([4, 3, 3, 3], seed: 21)
        let bias = randomTensor([4], seed: 22)
        let results = try [1, 2, 3].map { threads in
            try Tensor.conv2d(x, w, bias: bias, stride: 1, padding: 1, dilation: 1, floorMode: false, threads: threads)
        }
        #expect(results[0].scalars == results[1].scalars)
        #expect(results[0].scalars == results[2].scalars)
    }

    @Test("empty batches, filters and channels")
    func empty() throws {
        let x = try Tensor.zeros([0, 2, 5, 5]), w = randomTensor([3, 2, 3, 3])
        #expect(try Tensor.conv2d(x, w).shape == [0, 3, 3, 3])
        #expect(try Tensor.conv2d(randomTensor([2, 2, 5, 5]), try Tensor.zeros([0, 2, 3, 3])).shape == [2, 0, 3, 3])
        let noChannels = try Tensor.conv2d(try Tensor.zeros([2, 0, 5, 5]), try Tensor.zeros([3, 0, 3, 3]), bias: Tensor([1, 2, 3]))
        expectClose(noChannels, ReferenceKernels.conv2d(try Tensor.zeros([2, 0, 5, 5]), try Tensor.zeros([3, 0, 3, 3]),
                                                        bias: Tensor([1, 2, 3])))
    }
}
