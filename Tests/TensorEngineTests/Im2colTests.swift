import Testing
@testable import TensorEngine

@Suite("im2col")
struct Im2colTests {
    @Test("layout matches the definition", arguments: [
        (1, 0, 1), (2, 0, 1), (1, 1, 1), (3, 2, 1), (1, 2, 2), (2, 1, 2),
    ])
    func layout(stride: Int, padding: Int, dilation: Int) throws {
        let x = randomTensor([2, 2, 7, 6], seed: 30)
        let cols = try Tensor.im2col(x, kernelHeight: 3, kernelWidth: 2, stride: stride, padding: padding,
                                     dilation: dilation, floorMode: true)
        let expected = ReferenceKernels.im2col(x, kernelHeight: 3, kernelWidth: 2, stride: stride, padding: padding, dilation: dilation)
        #expect(cols.shape == expected.shape)
        #expect(cols.scalars == expected.scalars)
    }

    @Test("a 2x2 window over a 3x3 image, by hand")
    func byHand() throws {
        let x = try Tensor(shape: [1, 1, 3, 3], scalars: (1...9).map(Double.init))
        let cols = try Tensor.im2col(x, kernelHeight: 2, kernelWidth: 2)
        expectClose(cols, shape: [4, 4], [1, 2, 4, 5, 2, 3, 5, 6, 4, 5, 7, 8, 5, 6, 8, 9])
    }
}
