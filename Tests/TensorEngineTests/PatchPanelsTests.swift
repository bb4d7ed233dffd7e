import Testing
@testable import TensorEngine

/// `PatchPanels` packs an image's patches straight into GEMM panels; they must be exactly the
/// panels `packBlockB` makes of the patch matrix `im2colImage` writes, and so must the product.
@Suite("PatchPanels")
struct PatchPanelsTests {
    /// (C, H, W, KH, KW, stride, padding, dilation): LeNet's two layers, an output row that is a
    /// multiple of 8, narrow outputs (panels over 2 and 3 output rows), strides, dilation, padding
    /// wider than usual, and 300 patch rows (two blocks of k for the GEMM).
    static let geometries: [(Int, Int, Int, Int, Int, Int, Int, Int)] = [
        (1, 28, 28, 5, 5, 1, 2, 1), (6, 14, 14, 5, 5, 1, 0, 1), (2, 11, 16, 3, 3, 1, 1, 1),
        (3, 9, 7, 3, 3, 1, 0, 1), (2, 7, 3, 2, 2, 1, 0, 1), (3, 13, 12, 3, 3, 2, 1, 1),
        (2, 12, 11, 3, 2, 1, 2, 2), (1, 6, 6, 3, 3, 1, 4, 1), (12, 10, 10, 5, 5, 1, 2, 1),
    ]

    @Test("the panels are packBlockB's of im2colImage, bit for bit", arguments: geometries)
    func samePanels(shape: (Int, Int, Int, Int, Int, Int, Int, Int)) throws {
        let (c, h, w, kh, kw, s, p, d) = shape
        let g = try ConvGeometry(input: [1, c, h, w], kernel: (kh, kw), stride: s, padding: p, dilation: d,
                                 floorMode: true, op: "test", noun: "filter")
        let panels = try #require(PatchPanels(g))
        let x = randomTensor([c, h, w], seed: 40)
        let (k, n) = (g.patchSize, g.outPositions), width = 8
        let count = (n + width - 1) / width * width * k
        let cols = UnsafeMutablePointer<Double>.allocate(capacity: k * n)
        let padded = UnsafeMutablePointer<Double>.allocate(capacity: panels.paddedCount)
        let expected = UnsafeMutablePointer<Double>.allocate(capacity: count)
        let packed = UnsafeMutablePointer<Double>.allocate(capacity: count)
        defer { cols.deallocate(); padded.deallocate(); expected.deallocate(); packed.deallocate() }
        x.scalars.withUnsafeBufferPointer { px in
            im2colImage(px.baseAddress!, g, into: cols, ld: n)
            panels.fillPadded(px.baseAddress!, into: padded)
        }
        let allPanels = 0..<((n + width - 1) / width)
        // Blocks of k as gemm cuts them, all panels of the one block of n.
        let blockDepth = GEMMBlocking().kc
        for pc in stride(from: 0, to: k, by: blockDepth) {
            let kc = min(blockDepth, k - pc)
            packBlockB(MatrixOperand(UnsafePointer(cols), columns: n).offset(pc, 0), kc: kc, nc: n, panels: allPanels,
                       into: expected)
            panels.pack(padded, pc: pc, kc: kc, jc: 0, nc: n, panels: allPanels, into: packed)
            let size = allPanels.count * width * kc
            #expect(Array(UnsafeBufferPointer(start: packed, count: size))
                    == Array(UnsafeBufferPointer(start: expected, count: size)))
        }
    }

    @Test("dW's panels of X̂ᵀ and X̂ written from the padded image are im2colImage's, bit for bit",
          arguments: geometries)
    func sameTransposedPanels(shape: (Int, Int, Int, Int, Int, Int, Int, Int)) throws {
        let (c, h, w, kh, kw, s, p, d) = shape
        let g = try ConvGeometry(input: [1, c, h, w], kernel: (kh, kw), stride: s, padding: p, dilation: d,
                                 floorMode: true, op: "test", noun: "filter")
        let panels = try #require(PatchPanels(g))
        let x = randomTensor([c, h, w], seed: 43)
        let (taps, positions) = (g.patchSize, g.outPositions), width = 8
        let cols = UnsafeMutablePointer<Double>.allocate(capacity: taps * positions)
        let written = UnsafeMutablePointer<Double>.allocate(capacity: taps * positions)
        let padded = UnsafeMutablePointer<Double>.allocate(capacity: panels.paddedCount)
        let blockDepth = GEMMBlocking().kc
        let count = (taps + width - 1) / width * width * blockDepth
        let expected = UnsafeMutablePointer<Double>.allocate(capacity: count)
        let packed = UnsafeMutablePointer<Double>.allocate(capacity: count)
        defer { cols.deallocate(); written.deallocate(); padded.deallocate(); expected.deallocate(); packed.deallocate() }
        x.scalars.withUnsafeBufferPointer { px in
            im2colImage(px.baseAddress!, g, into: cols, ld: positions)
            panels.fillPadded(px.baseAddress!, into: padded)
        }
        panels.writeMatrix(padded, into: written, ld: positions)
        #expect(Array(UnsafeBufferPointer(start: written, count: taps * positions))
                == Array(UnsafeBufferPointer(start: cols, count: taps * positions)))
        // X̂ᵀ (positions x taps) in blocks of kc positions as gemm cuts them, all panels of taps.
        let patchesT = MatrixOperand(UnsafePointer(cols), columns: positions, transposed: true)
        let allPanels = 0..<((taps + width - 1) / width)
        for pc in stride(from: 0, to: positions, by: blockDepth) {
            let kc = min(blockDepth, positions - pc)
            packBlockB(patchesT.offset(pc, 0), kc: kc, nc: taps, panels: allPanels, into: expected)
            panels.packTransposed(padded, pc: pc, kc: kc, jc: 0, nc: taps, panels: allPanels, into: packed)
            let size = allPanels.count * width * kc
            #expect(Array(UnsafeBufferPointer(start: packed, count: size))
                    == Array(UnsafeBufferPointer(start: expected, count: size)))
        }
    }

    @Test("conv2d through the panels equals the patch matrix times the filters, bit for bit")
    func sameProduct() throws {
        // LeNet's second layer on 3 images: the product W·X̂ by the plain packed gemm.
        let x = randomTensor([3, 6, 14, 14], seed: 41), w = randomTensor([16, 6, 5, 5], seed: 42)
        let y = try Tensor.conv2d(x, w)
        let g = try ConvGeometry(input: x.shape, kernel: (5, 5), stride: 1, padding: 0, op: "test", noun: "filter")
        let (k, n) = (g.patchSize, g.outPositions)
        let cols = UnsafeMutablePointer<Double>.allocate(capacity: k * n)
        let out = UnsafeMutablePointer<Double>.allocate(capacity: 16 * n)
        defer { cols.deallocate(); out.deallocate() }
        for image in 0..<3 {
            x.scalars.withUnsafeBufferPointer { px in
                w.scalars.withUnsafeBufferPointer { pw in
                    im2colImage(px.baseAddress! + image * 6 * 14 * 14, g, into: cols, ld: n)
                    gemm(m: 16, n: n, k: k, a: MatrixOperand(pw.baseAddress!, columns: k),
                         b: MatrixOperand(UnsafePointer(cols), columns: n), c: out, ldc: n, threads: 1, packed: true)
                }
            }
            #expect(Array(y.scalars[(image * 16 * n)..<((image + 1) * 16 * n)])
                    == Array(UnsafeBufferPointer(start: out, count: 16 * n)))
        }
    }
}
