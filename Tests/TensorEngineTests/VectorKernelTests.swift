import Testing
@testable import TensorEngine

/// Every variant of the vector kernels (Sources/_VectorKernels: the default target, AVX2 and
/// AVX-512 builds of one source) against plain loops written here, bit for bit: the kernels
/// must not fuse a multiply-add or reorder a sum. Each test runs every variant this CPU has
/// (`VectorKernels.available`) in one process; under `make test-portable` (no AVX2) only the
/// default build runs. `LECTERN_KERNEL=generic|avx2|avx512` picks the variant the rest of the
/// engine uses, as for GEMM; these tests do not depend on it.
@Suite("vector kernels")
struct VectorKernelTests {
    static let lengths = [0, 1, 7, 33, 1000, 1031]

    /// Random numbers with the awkward ones mixed in: ±0, ±inf, nan, a subnormal, ties.
    static func values(_ count: Int, seed: UInt64) -> [Double] {
        var values = randomTensor([Swift.max(count, 1)], seed: seed).scalars
        let specials: [Double] = [0, -0.0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, 1, 1, -1]
        for i in Swift.stride(from: 0, to: count, by: 5) { values[i] = specials[(i / 5) % specials.count] }
        return Array(values.prefix(count))
    }

    static var variants: [(String, VectorKernels)] {
        VectorKernels.available.map { ("\($0)", VectorKernels($0)) }
    }

    typealias BinaryCase = (name: String, kernel: (VectorKernels) -> VectorKernels.Binary, plain: (Double, Double) -> Double)
    static var binaries: [BinaryCase] { [
        ("add", { $0.add }, { $0 + $1 }), ("subtract", { $0.subtract }, { $0 - $1 }),
        ("multiply", { $0.multiply }, { $0 * $1 }), ("divide", { $0.divide }, { $0 / $1 }),
        ("passWherePositive", { $0.passWherePositive }, { $1 > 0 ? $0 : 0 }),
    ] }

    @Test("binary ops, same shape and a number on either side", arguments: lengths)
    func binary(n: Int) {
        for (sx, sy) in [(1, 1), (1, 0), (0, 1), (2, 3)] {
            let xs = Self.values(Swift.max(n * sx, 1), seed: 1), ys = Self.values(Swift.max(n * sy, 1), seed: 2)
            for op in Self.binaries {
                let expected = (0..<n).map { op.plain(xs[$0 * sx], ys[$0 * sy]) }
                for (name, kernels) in Self.variants {
                    let got = run(n) { op.kernel(kernels)(n, $0, xs, sx, ys, sy) }
                    expectSameBits(got, expected, "\(op.name) \(name) strides (\(sx), \(sy))")
                }
            }
        }
    }

    @Test("patch panels: a copy, one load or two and a blend per row of 8", arguments: [8, 5, 3, 1])
    func patchPanel(split: Int) {
        let image = Self.values(300, seed: 6), taps = [0, 1, 2, 40, 41, 42, 80, 81, 82, 120, 200]
        let (first, second) = (3, split == 8 ? 3 : 3 + 4)
        let expected = taps.flatMap { tap in (0..<8).map { image[tap + ($0 < split ? first : second) + $0] } }
        for (name, kernels) in Self.variants {
            let got = run(expected.count) { kernels.packPatchPanel(image, taps, taps.count, first, second, split, $0) }
            expectSameBits(got, expected, "packPatchPanel \(name) split \(split)")
        }
    }

    @Test("relu and negate", arguments: lengths)
    func unary(n: Int) {
        let x = Self.values(n, seed: 3)
        for (name, kernels) in Self.variants {
            expectSameBits(run(n) { kernels.relu(n, $0, x) }, x.map { $0 <= 0 ? 0 : $0 }, "relu \(name)")
            expectSameBits(run(n) { kernels.negate(n, $0, x) }, x.map { -$0 }, "negate \(name)")
        }
    }

    @Test("column sums add each column's rows in order", arguments: [(0, 5), (1, 1), (7, 33), (33, 7), (5, 1000), (1001, 3), (6, 128)])
    func columnSums(rows: Int, width: Int) {
        // Terms of very different sizes: any other order of the sums would change bits.
        let x = Self.values(rows * width, seed: 4).enumerated().map { $0.element * (1 + Double($0.offset % 7) * 1e8) }
        let start = Self.values(width, seed: 5)
        var expected = start
        for r in 0..<rows { for i in 0..<width { expected[i] = expected[i] + x[r * width + i] } }
        for (name, kernels) in Self.variants {
            var got = start
            got.withUnsafeMutableBufferPointer { dst in kernels.addRows(rows, width, x, dst.baseAddress!) }
            expectSameBits(got, expected, "addRows \(name)")
        }
    }

    @Test("SGD, momentum and Adam updates", arguments: lengths)
    func optimizers(n: Int) {
        let w = Self.values(n, seed: 6), g = Self.values(n, seed: 7), v0 = Self.values(n, seed: 8)
        let m0 = Self.values(n, seed: 9).map { Swift.abs($0) }
        let (lr, mu, decay) = (0.1, 0.9, 1e-4)
        let h = [0.01, 0.9, 0.999, 1e-8, 1e-4, 1 - 0.9 * 0.9, 1 - 0.999 * 0.999]
        var v = v0, mo = v0, vo = m0, sgd = [Double](), mom = [Double](), adam = [Double]()
        for i in 0..<n {
            sgd.append(w[i] - lr * (g[i] + decay * w[i]))
            v[i] = mu * v[i] - lr * (g[i] + decay * w[i])
            mom.append(w[i] + v[i])
            let gi = g[i] + h[4] * w[i]
            mo[i] = h[1] * mo[i] + (1 - h[1]) * gi
            vo[i] = h[2] * vo[i] + (1 - h[2]) * gi * gi
            adam.append(w[i] - h[0] * (mo[i] / h[5]) / ((vo[i] / h[6]).squareRoot() + h[3]))
        }
        for (name, k) in Self.variants {
            expectSameBits(run(n) { k.sgd(n, $0, w, g, lr, decay) }, sgd, "sgd \(name)")
            var vk = v0
            let out = run(n) { out in vk.withUnsafeMutableBufferPointer { k.momentum(n, out, w, g, $0.baseAddress!, lr, mu, decay) } }
            expectSameBits(out, mom, "momentum \(name)")
            expectSameBits(vk, v, "momentum's velocity \(name)")
            var (mk, vk2) = (v0, m0)
            let step = run(n) { out in
                mk.withUnsafeMutableBufferPointer { m in
                    vk2.withUnsafeMutableBufferPointer { k.adam(n, out, w, g, m.baseAddress!, $0.baseAddress!, h) }
                }
            }
            expectSameBits(step, adam, "adam \(name)")
            expectSameBits(mk, mo, "adam's m \(name)")
            expectSameBits(vk2, vo, "adam's v \(name)")
        }
    }

    @Test("2x2 max pooling: the same winner (first maximum, last nan) forward and backward",
          arguments: [(2, 2), (3, 5), (7, 9), (28, 28), (6, 33), (2, 1002)])
    func maxPool(height: Int, width: Int) {
        // Few distinct values, so windows tie; ±0 tie too and differ in bits.
        let x = Self.values(height * width, seed: 10).map { $0.isFinite ? ($0 * 2).rounded() : $0 }
        let dy0 = Self.values(height / 2 * (width / 2), seed: 11)
        let (oh, ow) = (height / 2, width / 2)
        var y = [Double](repeating: 0, count: oh * ow), dx = [Double](repeating: 0, count: height * width)
        for i in 0..<oh {
            for j in 0..<ow {
                var best = -Double.infinity, at: Int? = nil
                for (r, q) in [(0, 0), (0, 1), (1, 0), (1, 1)] {
                    let k = (2 * i + r) * width + 2 * j + q
                    if at == nil || x[k] > best || x[k].isNaN { (best, at) = (x[k], k) }
                }
                y[i * ow + j] = x[at!]
                dx[at!] += dy0[i * ow + j]
            }
        }
        for (name, k) in Self.variants {
            expectSameBits(run(oh * ow) { k.maxPoolForward(x, width, oh, ow, $0) }, y, "forward \(name)")
            let got = run(height * width, fill: 7) { k.maxPoolBackward(x, height, width, oh, ow, dy0, $0) }
            expectSameBits(got, dx, "backward \(name)")
        }
    }

    @Test("batch-norm sweeps, rows in order", arguments: [(1, 1), (3, 7), (4, 33), (9, 100), (2, 1001)])
    func batchNormSweeps(rows: Int, width: Int) {
        let stride = width + 3  // a block is part of each row
        let x = Self.values(rows * stride, seed: 12), g = Self.values(rows * stride, seed: 13)
        let col = (0..<6).map { Self.values(width, seed: 20 + UInt64($0)) }
        let (mu, inv, gamma, beta, a, b) = (col[0], col[1], col[2], col[3], col[4], col[5])
        var sums = col[0], squares = col[1], sumG = col[2], sumGX = col[3]
        var y = [Double](repeating: 0, count: rows * stride), dx = y
        for r in 0..<rows {
            for k in 0..<width {
                let i = r * stride + k, d = x[i] - mu[k], xhat = (x[i] - mu[k]) * inv[k]
                sums[k] += x[i]
                squares[k] += d * d
                y[i] = (x[i] - mu[k]) * inv[k] * gamma[k] + beta[k]
                sumG[k] += g[i]
                sumGX[k] += g[i] * xhat
                dx[i] = gamma[k] * (g[i] - a[k] - xhat * b[k])
            }
        }
        for (name, k) in Self.variants {
            var s = col[0], q = col[1], sg = col[2], sgx = col[3]
            s.withUnsafeMutableBufferPointer { k.batchNormAddValues(x, rows, stride, width, $0.baseAddress!) }
            q.withUnsafeMutableBufferPointer { k.batchNormAddSquares(x, rows, stride, width, mu, $0.baseAddress!) }
            sg.withUnsafeMutableBufferPointer { sg in
                sgx.withUnsafeMutableBufferPointer { k.batchNormAddGradients(g, x, rows, stride, width, mu, inv, sg.baseAddress!, $0.baseAddress!) }
            }
            expectSameBits(s, sums, "sums \(name)")
            expectSameBits(q, squares, "squares \(name)")
            expectSameBits(sg, sumG, "Σ g \(name)")
            expectSameBits(sgx, sumGX, "Σ g·x̂ \(name)")
            let yk = run(rows * stride) { k.batchNormNormalize(x, rows, stride, width, mu, inv, gamma, beta, $0) }
            let dxk = run(rows * stride) { k.batchNormInputGradient(g, x, rows, stride, width, mu, inv, gamma, a, b, $0) }
            expectSameBits(yk, y, "normalize \(name)")
            expectSameBits(dxk, dx, "input gradient \(name)")
        }
    }

    @Test("broadcast arithmetic through Tensor on odd shapes equals the plain loop")
    func broadcastShapes() throws {
        for (sa, sb) in [([3, 1, 5], [1, 4, 1]), ([7, 33], [33]), ([1, 9], [5, 1]), ([2, 3, 1], [3, 7]), ([0, 3], [3])] {
            let a = Tensor(unchecked: sa, scalars: Self.values(sa.reduce(1, *), seed: 30))
            let b = Tensor(unchecked: sb, scalars: Self.values(sb.reduce(1, *), seed: 31))
            let shape = try Shape.broadcast(sa, sb, op: "test")
            let sx = Shape.broadcastStrides(sa, to: shape), sy = Shape.broadcastStrides(sb, to: shape)
            var expected = [Double]()
            for flat in 0..<shape.reduce(1, *) {
                var rest = flat, ia = 0, ib = 0
                for d in shape.indices.reversed() {
                    let i = rest % shape[d]
                    rest /= shape[d]
                    (ia, ib) = (ia + i * sx[d], ib + i * sy[d])
                }
                expected.append(a.scalars[ia] - b.scalars[ib])
            }
            expectSameBits(try (a - b).scalars, expected, "\(sa) - \(sb)")
            expectSameBits(try a.sum(axes: [0]).scalars, ReferenceSum.columns(a), "sum over axis 0 of \(sa)")
        }
    }

    @Test("batch norm and 2x2 max pooling give the same bits on 1, 2 and 3 threads")
    func threadCounts() throws {
        // Big enough for two threads' blocks in batch norm (BatchNormKernel.minimumPerThread).
        let x = randomTensor([64, 8, 24, 24], seed: 40)
        let gamma = randomTensor([8], seed: 41), beta = randomTensor([8], seed: 42)
        var outputs: [[Double]] = []
        for threads in [1, 2, 3] {
            let y = try Tensor.batchNorm(x, gamma: gamma, beta: beta, eps: 1e-5, statistics: nil, threads: threads).output
            let pooled = try Tensor.maxPool2d(y, size: 2, stride: 2, padding: 0, floorMode: false, threads: threads)
            outputs.append(y.scalars + pooled.scalars)
        }
        expectSameBits(outputs[1], outputs[0], "2 threads")
        expectSameBits(outputs[2], outputs[0], "3 threads")
    }
}

/// The sum over axis 0 of a (d0, rest...) tensor as the plain loop: rows in order.
enum ReferenceSum {
    static func columns(_ a: Tensor) -> [Double] {
        let rows = a.shape[0], width = a.shape.dropFirst().reduce(1, *)
        var out = [Double](repeating: 0, count: width)
        for r in 0..<rows { for i in 0..<width { out[i] = out[i] + a.scalars[r * width + i] } }
        return out
    }
}

/// A buffer of `count` doubles (set to `fill` first), filled by `body`.
private func run(_ count: Int, fill: Double = 0, _ body: (UnsafeMutablePointer<Double>) -> Void) -> [Double] {
    var out = [Double](repeating: fill, count: count)
    out.withUnsafeMutableBufferPointer { if count > 0 { body($0.baseAddress!) } }
    return out
}

/// The two arrays hold the same doubles, bit for bit (the sign of zero too), where a nan
/// matches any nan.
// NOTE: not nan's bits: when both operands of + or · are nan, x86 returns the first one's,
// and the optimiser may swap the operands of these commutative operations (the -Onone loops
// here and the kernels then give nans of different signs).
private func sameBits(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }

private func expectSameBits(_ got: [Double], _ expected: [Double], _ what: String,
                            sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(got.count == expected.count, "\(what): \(got.count) values, expected \(expected.count)", sourceLocation: sourceLocation)
    if let i = (0..<Swift.min(got.count, expected.count)).first(where: { !sameBits(got[$0], expected[$0]) }) {
        Issue.record("\(what): first difference at \(i): got \(got[i]), expected \(expected[i])", sourceLocation: sourceLocation)
    }
}
