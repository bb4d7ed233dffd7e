// Loops for matrix products too small or too skinny to be worth packing: a layer with 2
// inputs, a product with 3 output columns. Like MicroKernel.swift, this file is compiled
// twice (generic and AVX2 + FMA), so these loops are 4 doubles wide with fused
// multiply-adds on CPUs that have them.

/// c + a·b, fused into one rounding where the CPU has FMA (see `multiplyAdd` in MicroKernel.swift).
@inline(__always)
private func fusedMultiplyAdd(_ c: Double, _ a: Double, _ b: Double) -> Double {
    #if LECTERN_FMA || arch(arm64)
    c.addingProduct(a, b)
    #else
    c + a * b
    #endif
}

/// C[i, :] (+)= Σ_p A[i, p] · B[p, :], p in order, for B with contiguous rows (`ldb` apart)
/// and A read through strides. The inner loop runs along a row of B and of C, so it
/// vectorises whatever m and k are: good for k or m of a few, n of dozens or more.
/// - Complexity: m·n·k multiply-adds.
public func multiplyAlongRows(m: Int, n: Int, k: Int, a: UnsafePointer<Double>, aRowStride: Int, aColumnStride: Int,
                              b: UnsafePointer<Double>, ldb: Int, c: UnsafeMutablePointer<Double>, ldc: Int,
                              accumulate: Bool) {
    for i in 0..<m {
        let row = c + i * ldc
        if !accumulate { row.update(repeating: 0, count: n) }
        for p in 0..<k {
            let aip = a[i * aRowStride + p * aColumnStride], bRow = b + p * ldb
            for j in 0..<n { row[j] = fusedMultiplyAdd(row[j], aip, bRow[j]) }
        }
    }
}

/// C[i, j] (+)= Σ_p A[i, p] · Bt[j, p]: each element one dot product of a row of A and a
/// row of Bt (a column of B), both contiguous. Four columns of C are computed together, so a
/// row of A is loaded once for them, and each dot product keeps eight partial sums (two
/// vectors of four), which keeps the multiply-adds from waiting on each other. A column's
/// partial sums are always added in the same order, (v0 + v1) lane by lane then
/// (l0 + l1) + (l2 + l3), then the last k mod 8 terms in order, whatever the block.
/// Good for n of a few and k of dozens or more.
/// - Complexity: m·n·k multiply-adds.
public func multiplyByDotProducts(m: Int, n: Int, k: Int, a: UnsafePointer<Double>, lda: Int,
                                  bt: UnsafePointer<Double>, ldbt: Int, c: UnsafeMutablePointer<Double>, ldc: Int,
                                  accumulate: Bool) {
    for i in 0..<m {
        for j in stride(from: 0, to: n, by: 4) {
            // Columns past n repeat the last one; their sums are computed and dropped.
            let last = n - 1
            let sums = dotProducts(a + i * lda, bt + j * ldbt, bt + min(j + 1, last) * ldbt,
                                   bt + min(j + 2, last) * ldbt, bt + min(j + 3, last) * ldbt, k)
            for jj in 0..<min(4, n - j) {
                c[i * ldc + j + jj] = accumulate ? c[i * ldc + j + jj] + sums[jj] : sums[jj]
            }
        }
    }
}

/// The dot products of `x` with four vectors of length k.
@inline(__always)
private func dotProducts(_ x: UnsafePointer<Double>, _ y0: UnsafePointer<Double>, _ y1: UnsafePointer<Double>,
                         _ y2: UnsafePointer<Double>, _ y3: UnsafePointer<Double>, _ k: Int) -> SIMD4<Double> {
    var s0 = (SIMD4<Double>(), SIMD4<Double>()), s1 = s0, s2 = s0, s3 = s0
    let whole = k - k % 8
    for p in stride(from: 0, to: whole, by: 8) {
        let xa = load(x + p), xb = load(x + p + 4)
        accumulate(&s0, xa, xb, y0 + p)
        accumulate(&s1, xa, xb, y1 + p)
        accumulate(&s2, xa, xb, y2 + p)
        accumulate(&s3, xa, xb, y3 + p)
    }
    var result = SIMD4(reduce(s0), reduce(s1), reduce(s2), reduce(s3))
    for p in whole..<k {
        result = fusedMultiplyAdd(result, SIMD4(repeating: x[p]), SIMD4(y0[p], y1[p], y2[p], y3[p]))
    }
    return result
}

@inline(__always)
private func load(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
    UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
}

@inline(__always)
private func accumulate(_ s: inout (SIMD4<Double>, SIMD4<Double>), _ xa: SIMD4<Double>, _ xb: SIMD4<Double>,
                        _ y: UnsafePointer<Double>) {
    s.0 = fusedMultiplyAdd(s.0, xa, load(y))
    s.1 = fusedMultiplyAdd(s.1, xb, load(y + 4))
}

@inline(__always)
private func reduce(_ s: (SIMD4<Double>, SIMD4<Double>)) -> Double {
    let v = s.0 + s.1
    return (v[0] + v[1]) + (v[2] + v[3])
}

@inline(__always)
private func fusedMultiplyAdd(_ c: SIMD4<Double>, _ a: SIMD4<Double>, _ b: SIMD4<Double>) -> SIMD4<Double> {
    #if LECTERN_FMA || arch(arm64)
    c.addingProduct(a, b)
    #else
    c + a * b
    #endif
}
