import Testing
@testable import TensorEngine

/// im2col by its definition: row (c, u, v), column (n, i, j) holds x[n, c, i·s + u·d − p, j·s + v·d − p],
/// or 0 in the padding.
func naiveIm2col(_ x: Tensor, kernel: (Int, Int), stride s: Int, padding p: Int, dilation d: Int) -> Tensor {
    let (n, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
    let oh = (h + 2 * p - d * (kernel.0 - 1) - 1) / s + 1, ow = (w + 2 * p - d * (kernel.1 - 1) - 1) / s + 1
    var cols = try! Tensor.zeros([c * kernel.0 * kernel.1, n * oh * ow])
    for ch in 0..<c {
        for u in 0..<kernel.0 {
            for v in 0..<kernel.1 {
                for b in 0..<n {
                    for i in 0..<oh {
                        for j in 0..<ow {
                            let (r, col) = (i * s + u * d - p, j * s + v * d - p)
                            guard r >= 0, r < h, col >= 0, col < w else { continue }
                            cols[(ch * kernel.0 + u) * kernel.1 + v, (b * oh + i) * ow + j] = x[b, ch, r, col]
                        }
                    }
                }
            }
        }
    }
    return cols
}

@Suite("im2col")
struct Im2colTests {
    @Test("layout matches the definition", arguments: [
        (1, 0, 1), (2, 0, 1), (1, 1, 1), (3, 2, 1), (1, 2, 2), (2, 1, 2),
    ])
    func layout(stride: Int, padding: Int, dilation: Int) throws {
        let x = randomTensor([2, 2, 7, 6], seed: 30)
        let cols = try Tensor.im2col(x, kernelHeight: 3, kernelWidth: 2, stride: stride, padding: padding,
                                     dilation: dilation, floorMode: true)
        let expected = naiveIm2col(x, kernel: (3, 2), stride: stride, padding: padding, dilation: dilation)
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
