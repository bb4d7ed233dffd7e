import Testing
@testable import TensorEngine

@Suite("matmul, dot, outer")
struct MatMulTests {
    @Test("2x3 by 3x2 by hand")
    func byHand() throws {
        let a = try Tensor([[1, 2, 3], [4, 5, 6]]), b = try Tensor([[7, 8], [9, 10], [11, 12]])
        expectClose(try Tensor.matmul(a, b), shape: [2, 2], [58, 64, 139, 154])
    }

    @Test("GEMM equals the naive loop across block edges", arguments: [
        (1, 1, 1), (5, 7, 3), (6, 8, 256), (7, 9, 257), (97, 33, 300), (130, 70, 513), (13, 2100, 20),
        // Edge tails of every micro-tile (6 x 8, and 12 x 8 for AVX-512) and of the blocks.
        (33, 257, 7), (257, 33, 1), (7, 1, 33), (1, 257, 33), (257, 257, 257), (25, 31, 600),
        // Last panels of 2, 3 and 4 rows (12 + 4 is LeNet's m = 16), full and partial columns, k past kc.
        (14, 16, 30), (15, 40, 600), (16, 150, 100), (16, 100, 150), (8, 24, 520),
    ])
    // Each variant of the micro-kernel is checked against the naive loop in its own process:
    // `LECTERN_KERNEL=generic|avx2|avx512 swift test --filter MatMul` (the choice is made once).
    // Variants differ from each other only by rounding (fused or separate multiply-add, and
    // none sums in a different order), within the `.sums` tolerance (rtol = atol = 1e-10).
    func againstNaive(m: Int, n: Int, k: Int) throws {
        let a = randomTensor([m, k], seed: 1), b = randomTensor([k, n], seed: 2)
        expectClose(try Tensor.matmul(a, b), ReferenceKernels.matmul(a, b), .sums)
    }

    @Test("transposed operands are read through strides")
    func transposedOperands() throws {
        let (m, n, k) = (37, 29, 300)
        let at = randomTensor([k, m], seed: 3), bt = randomTensor([n, k], seed: 4)
        let c = UnsafeMutablePointer<Double>.allocate(capacity: m * n)
        defer { c.deallocate() }
        at.scalars.withUnsafeBufferPointer { pa in
            bt.scalars.withUnsafeBufferPointer { pb in
                gemm(m: m, n: n, k: k, a: MatrixOperand(pa.baseAddress!, columns: m, transposed: true),
                     b: MatrixOperand(pb.baseAddress!, columns: k, transposed: true), c: c, ldc: n)
            }
        }
        let result = Tensor(unchecked: [m, n], scalars: Array(UnsafeBufferPointer(start: c, count: m * n)))
        let a = naiveTranspose(at), b = naiveTranspose(bt)
        expectClose(result, ReferenceKernels.matmul(a, b), .sums)
    }

    @Test("results are identical bit for bit with 1, 2 and 3 threads", arguments: [(300, 200, 600), (6, 5000, 75)])
    func threadCountIndependence(m: Int, n: Int, k: Int) throws {
        let a = randomTensor([m, k], seed: 5), b = randomTensor([k, n], seed: 6)
        var results: [[Double]] = []
        for threads in [1, 2, 3] {
            let c = UnsafeMutablePointer<Double>.allocate(capacity: m * n)
            defer { c.deallocate() }
            a.scalars.withUnsafeBufferPointer { pa in
                b.scalars.withUnsafeBufferPointer { pb in
                    gemm(m: m, n: n, k: k, a: MatrixOperand(pa.baseAddress!, columns: k),
                         b: MatrixOperand(pb.baseAddress!, columns: n), c: c, ldc: n, threads: threads)
                }
            }
            results.append(Array(UnsafeBufferPointer(start: c, count: m * n)))
        }
        #expect(results[0] == results[1])
        #expect(results[0] == results[2])
    }

    @Test("batched matmul broadcasts batch dimensions")
    func batched() throws {
        let a = randomTensor([2, 1, 4, 3], seed: 7), b = randomTensor([5, 3, 2], seed: 8)
        let c = try Tensor.matmul(a, b)
        #expect(c.shape == [2, 5, 4, 2])
        for i in 0..<2 {
            for j in 0..<5 {
                let ai = Tensor(unchecked: [4, 3], scalars: Array(a.scalars[(i * 12)..<(i * 12 + 12)]))
                let bj = Tensor(unchecked: [3, 2], scalars: Array(b.scalars[(j * 6)..<(j * 6 + 6)]))
                let slice = Array(c.scalars[((i * 5 + j) * 8)..<((i * 5 + j) * 8 + 8)])
                expectClose(Tensor(unchecked: [4, 2], scalars: slice), ReferenceKernels.matmul(ai, bj), .sums)
            }
        }
    }

    @Test("1-D operands: vector-matrix, matrix-vector and the inner product")
    func vectors() throws {
        let m = try Tensor([[1, 2], [3, 4], [5, 6]]), v = Tensor([1, -1, 2]), u = Tensor([2, 1])
        expectClose(try Tensor.matmul(v, m), shape: [2], [8, 10])
        expectClose(try Tensor.matmul(m, u), shape: [3], [4, 10, 16])
        expectClose(try Tensor.matmul(v, v), shape: [], [6])
        expectClose(try Tensor.dot(v, v), shape: [], [6])
        expectClose(try Tensor.dot(Tensor(2), v), shape: [3], [2, -2, 4])
        expectClose(try Tensor.outer(Tensor([1, 2]), Tensor([3, 4, 5])), shape: [2, 3], [3, 4, 5, 6, 8, 10])
    }

    @Test("shape errors name both shapes")
    func errors() throws {
        let a = try Tensor.zeros([2, 3]), b = try Tensor.zeros([4, 3])
        let message = expectError(.matmul(lhs: [2, 3], rhs: [4, 3])) { try Tensor.matmul(a, b) }
        #expect(message == "shapes [2, 3] and [4, 3] cannot be multiplied (inner sizes 3 and 4 differ)")
        expectError(.matmul(lhs: [], rhs: [3])) { try Tensor.matmul(Tensor(1), Tensor([1, 2, 3])) }
        let batchMessage = expectError(.matmul(lhs: [2, 2, 3], rhs: [3, 3, 4])) {
            try Tensor.matmul(try Tensor.zeros([2, 2, 3]), try Tensor.zeros([3, 3, 4]))
        }
        #expect(batchMessage.contains("batch dimensions"))
        expectError(.rank(op: "dot", argument: "a", expected: "rank 1 or 2 (use matmul for batches)", shape: [2, 2, 2])) {
            try Tensor.dot(try Tensor.zeros([2, 2, 2]), try Tensor.zeros([2, 2]))
        }
    }

    @Test("empty and zero-k products")
    func empty() throws {
        let c = try Tensor.matmul(try Tensor.zeros([3, 0]), try Tensor.zeros([0, 4]))
        expectClose(c, try Tensor.zeros([3, 4]))
        #expect(try Tensor.matmul(try Tensor.zeros([0, 2]), try Tensor.zeros([2, 5])).shape == [0, 5])
    }
}

func naiveTranspose(_ t: Tensor) -> Tensor {
    let (r, c) = (t.shape[0], t.shape[1])
    return Tensor(unchecked: [c, r], scalars: (0..<(r * c)).map { t.scalars[($0 % r) * c + $0 / r] })
}

@Suite("GEMM plans for small and skinny products")
struct ProductPlanTests {
    /// Every plan that applies to the operands' layout gives the naive product.
    @Test("each plan equals the naive loop", arguments: [(300, 100, 2), (300, 3, 100), (100, 3, 300), (2, 100, 300), (7, 5, 3), (13, 9, 17)])
    func plansAgree(m: Int, n: Int, k: Int) throws {
        for (transposeA, transposeB) in [(false, false), (true, false), (false, true), (true, true)] {
            let a = randomTensor(transposeA ? [k, m] : [m, k], seed: 11), b = randomTensor(transposeB ? [n, k] : [k, n], seed: 12)
            let expected = ReferenceKernels.matmul(transposeA ? naiveTranspose(a) : a, transposeB ? naiveTranspose(b) : b)
            try a.scalars.withUnsafeBufferPointer { pa in
                try b.scalars.withUnsafeBufferPointer { pb in
                    let opA = MatrixOperand(pa.baseAddress!, columns: transposeA ? m : k, transposed: transposeA)
                    let opB = MatrixOperand(pb.baseAddress!, columns: transposeB ? k : n, transposed: transposeB)
                    for plan in ProductPlan.allCases where applies(plan, opA, opB) {
                        var c = [Double](repeating: 1, count: m * n)
                        c.withUnsafeMutableBufferPointer { pc in
                            gemm(m: m, n: n, k: k, a: opA, b: opB, c: pc.baseAddress!, ldc: n, plan: plan)
                        }
                        expectClose(try Tensor(shape: [m, n], scalars: c), expected, .sums)
                    }
                }
            }
        }
    }

    /// The product by `plan` computed whole, and one column of C at a time (a product one
    /// column wide: every element alone), as bit patterns; B is k x n, stored transposed
    /// (n x k) when `transposedB`.
    static func wholeAndByColumn(_ plan: ProductPlan, m: Int, n: Int, k: Int, transposedB: Bool,
                                 seeds: (UInt64, UInt64)) -> (whole: [UInt64], byColumn: [UInt64]) {
        let a = randomTensor([m, k], seed: seeds.0), b = randomTensor(transposedB ? [n, k] : [k, n], seed: seeds.1)
        var whole = [Double](repeating: 0, count: m * n), byColumn = whole
        a.scalars.withUnsafeBufferPointer { pa in
            b.scalars.withUnsafeBufferPointer { pb in
                let opA = MatrixOperand(pa.baseAddress!, columns: k)
                let opB = MatrixOperand(pb.baseAddress!, columns: transposedB ? k : n, transposed: transposedB)
                whole.withUnsafeMutableBufferPointer { pc in
                    multiplySmall(plan, m: m, n: n, k: k, a: opA, b: opB, c: pc.baseAddress!, ldc: n, accumulate: false)
                }
                byColumn.withUnsafeMutableBufferPointer { pc in
                    for j in 0..<n {
                        multiplySmall(plan, m: m, n: 1, k: k, a: opA, b: opB.offset(0, j), c: pc.baseAddress! + j, ldc: n,
                                      accumulate: false)
                    }
                }
            }
        }
        return (whole.map(\.bitPattern), byColumn.map(\.bitPattern))
    }

    /// The along-rows loop computes a column of C in a 32- or 16-wide tile, a 4-wide one or
    /// alone (the last n mod 4); each element must come out the same, bit for bit, whichever did it.
    @Test("along rows: an element's value does not depend on the tile that computed it",
          arguments: [(3, 100, 300), (2, 21, 17), (5, 7, 2), (1, 36, 9)])
    func alongRowsTiles(m: Int, n: Int, k: Int) throws {
        let (whole, byColumn) = Self.wholeAndByColumn(.alongRows, m: m, n: n, k: k, transposedB: false, seeds: (15, 16))
        #expect(whole == byColumn)
    }

    /// The dot-product loop computes columns 4, 3, 2 or 1 at a time (the last n mod 4 together);
    /// each element must come out the same, bit for bit, whichever group computed it.
    @Test("dot products: an element's value does not depend on how many columns went with it",
          arguments: [(300, 3, 100), (6, 25, 784), (2, 7, 13), (5, 6, 8)])
    func dotProductGroups(m: Int, n: Int, k: Int) throws {
        let (whole, byColumn) = Self.wholeAndByColumn(.dotProducts, m: m, n: n, k: k, transposedB: true, seeds: (19, 20))
        #expect(whole == byColumn)
    }

    /// For k ≤ kc the packed path sums each element in one run over k, from zero, as the
    /// along-rows loop does; so choosing one or the other for a transposed B (ProductPlan)
    /// changes no bit.
    @Test("transposed B: along rows and packed give the same bits for k up to kc",
          arguments: [(300, 100, 3), (50, 84, 10), (7, 13, 256), (9, 20, 400), (12, 40, 1)])
    func transposedBSameBits(m: Int, n: Int, k: Int) throws {
        let a = randomTensor([m, k], seed: 17), bt = randomTensor([n, k], seed: 18)
        var along = [Double](repeating: 0, count: m * n), packed = along
        a.scalars.withUnsafeBufferPointer { pa in
            bt.scalars.withUnsafeBufferPointer { pb in
                let opA = MatrixOperand(pa.baseAddress!, columns: k), opB = MatrixOperand(pb.baseAddress!, columns: k, transposed: true)
                along.withUnsafeMutableBufferPointer { gemm(m: m, n: n, k: k, a: opA, b: opB, c: $0.baseAddress!, ldc: n, plan: .alongRows) }
                packed.withUnsafeMutableBufferPointer { gemm(m: m, n: n, k: k, a: opA, b: opB, c: $0.baseAddress!, ldc: n, plan: .packed) }
            }
        }
        #expect(along.map(\.bitPattern) == packed.map(\.bitPattern))
    }

    @Test("accumulate adds to C in every plan")
    func accumulate() throws {
        let a = randomTensor([5, 4], seed: 13), b = randomTensor([4, 3], seed: 14)
        let expected = ReferenceKernels.matmul(a, b) + 1
        try a.scalars.withUnsafeBufferPointer { pa in
            try b.scalars.withUnsafeBufferPointer { pb in
                let opA = MatrixOperand(pa.baseAddress!, columns: 4), opB = MatrixOperand(pb.baseAddress!, columns: 3)
                for plan in ProductPlan.allCases where applies(plan, opA, opB) {
                    var c = [Double](repeating: 1, count: 15)
                    c.withUnsafeMutableBufferPointer { pc in
                        gemm(m: 5, n: 3, k: 4, a: opA, b: opB, c: pc.baseAddress!, ldc: 3, accumulate: true, plan: plan)
                    }
                    expectClose(try Tensor(shape: [5, 3], scalars: c), expected, .sums)
                }
            }
        }
    }

    @Test("the plans chosen for the spiral MLP's products are plain loops")
    func spiralShapes() {
        let dummy = UnsafePointer<Double>(bitPattern: 64)!
        let rowMajor = { (columns: Int) in MatrixOperand(dummy, columns: columns) }
        #expect(ProductPlan.choose(m: 300, n: 100, k: 2, a: rowMajor(2), b: rowMajor(100), preferPacked: false) == .alongRows)
        #expect(ProductPlan.choose(m: 300, n: 3, k: 100, a: rowMajor(100), b: rowMajor(3), preferPacked: false) == .dotProducts)
        // The hidden layer's gradient, dscores · W2ᵀ: W2ᵀ's rows are copied out.
        #expect(ProductPlan.choose(m: 300, n: 100, k: 3, a: rowMajor(3), b: MatrixOperand(dummy, columns: 3, transposed: true),
                                   preferPacked: false) == .alongRows)
        #expect(ProductPlan.choose(m: 512, n: 512, k: 512, a: rowMajor(512), b: rowMajor(512), preferPacked: false) == .packed)
    }

    private func applies(_ plan: ProductPlan, _ a: MatrixOperand, _ b: MatrixOperand) -> Bool {
        switch plan {
        case .packed: true
        case .alongRows: true
        case .alongRowsTransposed: a.rowStride == 1
        case .dotProducts: a.columnStride == 1
        }
    }
}
