import Testing
@testable import TensorEngine

/// `gemmPacked` with A packed once (`PackedMatrixA`) must give `gemm`'s bits, and conv2d's
/// bias gradient, summed four filters side by side, the bits of one running sum per filter.
@Suite("prepacked GEMM and the conv bias gradient")
struct PrepackedGEMMTests {
    @Test("a prepacked A gives gemm's product bit for bit", arguments: [(6, 784, 25), (16, 100, 150), (25, 784, 6),
                                                                        (150, 100, 16), (200, 40, 300), (7, 9, 3)])
    func prepackedA(shape: (Int, Int, Int)) {
        let (m, n, k) = shape
        let a = randomTensor([k, m], seed: 50), b = randomTensor([k, n], seed: 51)   // A used transposed
        a.scalars.withUnsafeBufferPointer { pa in
            b.scalars.withUnsafeBufferPointer { pb in
                let opA = MatrixOperand(pa.baseAddress!, columns: m, transposed: true)
                let opB = MatrixOperand(pb.baseAddress!, columns: n)
                let expected = UnsafeMutablePointer<Double>.allocate(capacity: m * n)
                let got = UnsafeMutablePointer<Double>.allocate(capacity: m * n)
                defer { expected.deallocate(); got.deallocate() }
                gemm(m: m, n: n, k: k, a: opA, b: opB, c: expected, ldc: n, threads: 1, plan: .packed)
                let packed = PackedMatrixA(opA, m: m, k: k)
                defer { packed.deallocate() }
                for threads in [1, 2] {
                    gemmPacked(m: m, n: n, k: k, a: opA, c: got, ldc: n, accumulate: false, threads: threads,
                               prepackedA: packed) {
                        packBlockB(opB.offset($0, $2), kc: $1, nc: $3, panels: $4, into: $5)
                    }
                    #expect(Array(UnsafeBufferPointer(start: got, count: m * n))
                            == Array(UnsafeBufferPointer(start: expected, count: m * n)))
                }
            }
        }
    }

    @Test("db is each filter's running sum in index order, bit for bit", arguments: [1, 6, 7, 16])
    func biasGradient(filters: Int) throws {
        let x = randomTensor([3, 2, 9, 9], seed: 52), w = randomTensor([filters, 2, 3, 3], seed: 53)
        let dy = randomTensor([3, filters, 7, 7], seed: 54)
        for threads in [1, 2, 3] {
            let grads = try Tensor.conv2dGradients(dy, x: x, w: w, geometry: try Tensor.conv2dGeometry(
                x, w, bias: nil, stride: 1, padding: 0, dilation: 1, floorMode: false), wantX: false, wantW: false,
                wantBias: true, threads: threads)
            let expected = (0..<filters).map { k in
                var sum = 0.0
                for n in 0..<3 { for p in 0..<49 { sum += dy.scalars[(n * filters + k) * 49 + p] } }
                return sum
            }
            #expect(grads.db!.scalars == expected)
        }
    }
}
