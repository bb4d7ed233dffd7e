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

@Suite("short rows (im2col's and col2im's copies)")
struct ShortRowsTests {
    @Test("copy, zero and add equal the element-by-element loops for every length 0-40, at odd offsets")
    func againstLoops() {
        let source = (0..<48).map { Double($0) * 0.37 - 5 }, start = (0..<48).map { 100 - Double($0) * 1.3 }
        for count in 0...40 {
            for offset in [0, 1, 3] {
                var copied = start, zeroed = start, added = start
                var expectCopied = start, expectZeroed = start, expectAdded = start
                for j in 0..<count {
                    expectCopied[offset + j] = source[j]
                    expectZeroed[offset + j] = 0
                    expectAdded[offset + j] += source[j]
                }
                source.withUnsafeBufferPointer { s in
                    copied.withUnsafeMutableBufferPointer { ShortRows.copy(s.baseAddress!, to: $0.baseAddress! + offset, count: count) }
                    zeroed.withUnsafeMutableBufferPointer { ShortRows.zero($0.baseAddress! + offset, count: count) }
                    added.withUnsafeMutableBufferPointer { ShortRows.add(s.baseAddress!, to: $0.baseAddress! + offset, count: count) }
                }
                #expect(copied == expectCopied, "copy of \(count) at +\(offset)")
                #expect(zeroed == expectZeroed, "zero of \(count) at +\(offset)")
                #expect(added == expectAdded, "add of \(count) at +\(offset)")
            }
        }
    }

    @Test("im2col matches the definition for output rows of 1 to 23 numbers", arguments: [1, 2, 3, 5, 8, 10, 17, 23])
    func rowLengths(width: Int) throws {
        let x = randomTensor([2, 3, 6, width], seed: 31)
        let cols = try Tensor.im2col(x, kernelHeight: 3, kernelWidth: 3, padding: 1)
        let expected = ReferenceKernels.im2col(x, kernelHeight: 3, kernelWidth: 3, padding: 1)
        #expect(cols.scalars == expected.scalars)
    }
}
