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
/// and A read through strides: a packing-free kernel for products with k or m of a few.
/// Tiles of 2 rows x 16 columns of C are held in eight 4-wide registers while p runs, each
/// step loading 16 numbers of B for two broadcast numbers of A (a last odd row goes 32
/// columns at a time, so that it too has eight sums in flight); the columns past the last
/// multiple of 16 go in tiles 4 wide, and the last n mod 4 are plain dot products. Each element of C is summed over p in order (from C itself
/// when `accumulate`), so the tile that computes it does not change its value.
/// - Complexity: m·n·k multiply-adds.
public func multiplyAlongRows(m: Int, n: Int, k: Int, a: UnsafePointer<Double>, aRowStride: Int, aColumnStride: Int,
                              b: UnsafePointer<Double>, ldb: Int, c: UnsafeMutablePointer<Double>, ldc: Int,
                              accumulate: Bool) {
    var i = 0
    while i < m {
        // Rows go in pairs (two rows of C share each load of B); a last odd row goes alone.
        let pair = i + 1 < m
        let a0 = a + i * aRowStride, a1 = pair ? a0 + aRowStride : a0
        let c0 = c + i * ldc, c1 = c0 + ldc
        var j = 0
        while !pair && j + 32 <= n {
            tile32(a0, aColumnStride, b + j, ldb, k, c0 + j, accumulate)
            j += 32
        }
        while j + 16 <= n {
            if pair {
                tile16(a0, a1, aColumnStride, b + j, ldb, k, c0 + j, c1 + j, accumulate)
            } else {
                tile16(a0, aColumnStride, b + j, ldb, k, c0 + j, accumulate)
            }
            j += 16
        }
        while j + 4 <= n {
            if pair {
                tile4(a0, a1, aColumnStride, b + j, ldb, k, c0 + j, c1 + j, accumulate)
            } else {
                tile4(a0, aColumnStride, b + j, ldb, k, c0 + j, accumulate)
            }
            j += 4
        }
        for jj in j..<n {
            c0[jj] = dot(a0, aColumnStride, b + jj, ldb, k, accumulate ? c0[jj] : 0)
            if pair { c1[jj] = dot(a1, aColumnStride, b + jj, ldb, k, accumulate ? c1[jj] : 0) }
        }
        i += pair ? 2 : 1
    }
}

/// One row x 16 columns of C over all of k.
@inline(__always)
private func tile16(_ a0: UnsafePointer<Double>, _ aStep: Int, _ b: UnsafePointer<Double>, _ ldb: Int, _ k: Int,
                    _ c0: UnsafeMutablePointer<Double>, _ accumulate: Bool) {
    var r0 = accumulate ? loadRow(c0) : (SIMD4(), SIMD4(), SIMD4(), SIMD4())
    var pb = b
    for p in 0..<k {
        let row = loadRow(pb), x0 = SIMD4(repeating: a0[p * aStep])
        r0 = (fusedMultiplyAdd(r0.0, x0, row.0), fusedMultiplyAdd(r0.1, x0, row.1),
              fusedMultiplyAdd(r0.2, x0, row.2), fusedMultiplyAdd(r0.3, x0, row.3))
        pb += ldb
    }
    storeRow(r0, c0)
}

/// One row x 32 columns of C over all of k.
@inline(__always)
private func tile32(_ a0: UnsafePointer<Double>, _ aStep: Int, _ b: UnsafePointer<Double>, _ ldb: Int, _ k: Int,
                    _ c0: UnsafeMutablePointer<Double>, _ accumulate: Bool) {
    var r0 = accumulate ? loadRow(c0) : (SIMD4(), SIMD4(), SIMD4(), SIMD4())
    var r1 = accumulate ? loadRow(c0 + 16) : (SIMD4(), SIMD4(), SIMD4(), SIMD4())
    var pb = b
    for p in 0..<k {
        let low = loadRow(pb), high = loadRow(pb + 16), x0 = SIMD4(repeating: a0[p * aStep])
        r0 = (fusedMultiplyAdd(r0.0, x0, low.0), fusedMultiplyAdd(r0.1, x0, low.1),
              fusedMultiplyAdd(r0.2, x0, low.2), fusedMultiplyAdd(r0.3, x0, low.3))
        r1 = (fusedMultiplyAdd(r1.0, x0, high.0), fusedMultiplyAdd(r1.1, x0, high.1),
              fusedMultiplyAdd(r1.2, x0, high.2), fusedMultiplyAdd(r1.3, x0, high.3))
        pb += ldb
    }
    storeRow(r0, c0)
    storeRow(r1, c0 + 16)
}

/// start + Σ_p a[p·aStep]·b[p·ldb], p in order: one element at the right edge.
@inline(__always)
private func dot(_ a: UnsafePointer<Double>, _ aStep: Int, _ b: UnsafePointer<Double>, _ ldb: Int, _ k: Int,
                 _ start: Double) -> Double {
    var sum = start
    for p in 0..<k { sum = fusedMultiplyAdd(sum, a[p * aStep], b[p * ldb]) }
    return sum
}

/// Two rows x 16 columns of C over all of k.
@inline(__always)
private func tile16(_ a0: UnsafePointer<Double>, _ a1: UnsafePointer<Double>, _ aStep: Int,
                    _ b: UnsafePointer<Double>, _ ldb: Int, _ k: Int,
                    _ c0: UnsafeMutablePointer<Double>, _ c1: UnsafeMutablePointer<Double>, _ accumulate: Bool) {
    var r0 = accumulate ? loadRow(c0) : (SIMD4(), SIMD4(), SIMD4(), SIMD4())
    var r1 = accumulate ? loadRow(c1) : (SIMD4(), SIMD4(), SIMD4(), SIMD4())
    var pb = b
    for p in 0..<k {
        let row = loadRow(pb)
        let x0 = SIMD4(repeating: a0[p * aStep]), x1 = SIMD4(repeating: a1[p * aStep])
        r0 = (fusedMultiplyAdd(r0.0, x0, row.0), fusedMultiplyAdd(r0.1, x0, row.1),
              fusedMultiplyAdd(r0.2, x0, row.2), fusedMultiplyAdd(r0.3, x0, row.3))
        r1 = (fusedMultiplyAdd(r1.0, x1, row.0), fusedMultiplyAdd(r1.1, x1, row.1),
              fusedMultiplyAdd(r1.2, x1, row.2), fusedMultiplyAdd(r1.3, x1, row.3))
        pb += ldb
    }
    storeRow(r0, c0)
    storeRow(r1, c1)
}

/// One row x 4 columns of C over all of k.
@inline(__always)
private func tile4(_ a0: UnsafePointer<Double>, _ aStep: Int, _ b: UnsafePointer<Double>, _ ldb: Int, _ k: Int,
                   _ c0: UnsafeMutablePointer<Double>, _ accumulate: Bool) {
    var r0 = accumulate ? load(c0) : SIMD4()
    var pb = b
    for p in 0..<k {
        r0 = fusedMultiplyAdd(r0, SIMD4(repeating: a0[p * aStep]), load(pb))
        pb += ldb
    }
    UnsafeMutableRawPointer(c0).storeBytes(of: r0, as: SIMD4<Double>.self)
}

/// Two rows x 4 columns of C over all of k.
@inline(__always)
private func tile4(_ a0: UnsafePointer<Double>, _ a1: UnsafePointer<Double>, _ aStep: Int,
                   _ b: UnsafePointer<Double>, _ ldb: Int, _ k: Int,
                   _ c0: UnsafeMutablePointer<Double>, _ c1: UnsafeMutablePointer<Double>, _ accumulate: Bool) {
    var r0 = accumulate ? load(c0) : SIMD4(), r1 = accumulate ? load(c1) : SIMD4()
    var pb = b
    for p in 0..<k {
        let row = load(pb)
        r0 = fusedMultiplyAdd(r0, SIMD4(repeating: a0[p * aStep]), row)
        r1 = fusedMultiplyAdd(r1, SIMD4(repeating: a1[p * aStep]), row)
        pb += ldb
    }
    UnsafeMutableRawPointer(c0).storeBytes(of: r0, as: SIMD4<Double>.self)
    UnsafeMutableRawPointer(c1).storeBytes(of: r1, as: SIMD4<Double>.self)
}

private typealias Row16 = (SIMD4<Double>, SIMD4<Double>, SIMD4<Double>, SIMD4<Double>)

@inline(__always)
private func loadRow(_ p: UnsafePointer<Double>) -> Row16 {
    (load(p), load(p + 4), load(p + 8), load(p + 12))
}

@inline(__always)
private func storeRow(_ row: Row16, _ p: UnsafeMutablePointer<Double>) {
    let raw = UnsafeMutableRawPointer(p)
    raw.storeBytes(of: row.0, as: SIMD4<Double>.self)
    raw.storeBytes(of: row.1, toByteOffset: 32, as: SIMD4<Double>.self)
    raw.storeBytes(of: row.2, toByteOffset: 64, as: SIMD4<Double>.self)
    raw.storeBytes(of: row.3, toByteOffset: 96, as: SIMD4<Double>.self)
}

/// C[i, j] (+)= Σ_p A[i, p] · Bt[j, p]: each element one dot product of a row of A and a
/// row of Bt (a column of B), both contiguous. Four columns of C are computed together, so a
/// row of A is loaded once for them, and each dot product keeps eight partial sums (two
/// vectors of four), which keeps the multiply-adds from waiting on each other; the last
/// n mod 4 columns go together the same way (3 columns, a layer with 3 outputs, cost 3/4 of
/// 4). A column's partial sums are always added in the same order, (v0 + v1) lane by lane
/// then (l0 + l1) + (l2 + l3), then the last k mod 8 terms in order, whatever the block.
/// Good for n of a few and k of dozens or more.
/// - Complexity: m·n·k multiply-adds.
public func multiplyByDotProducts(m: Int, n: Int, k: Int, a: UnsafePointer<Double>, lda: Int,
                                  bt: UnsafePointer<Double>, ldbt: Int, c: UnsafeMutablePointer<Double>, ldc: Int,
                                  accumulate: Bool) {
    // Columns outside, rows inside: the four rows of Bt stay in L1 while the rows of A stream
    // past them (the other way round, every row of A would read all of Bt from L2 again).
    for j in stride(from: 0, to: n, by: 4) {
        // Column pointers past n repeat the last column; no sums are computed for them.
        let last = n - 1, columns = min(4, n - j)
        let (y0, y1, y2, y3) = (bt + j * ldbt, bt + min(j + 1, last) * ldbt,
                                bt + min(j + 2, last) * ldbt, bt + min(j + 3, last) * ldbt)
        for i in 0..<m {
            let x = a + i * lda
            let sums = switch columns {  // each case a copy of the loop with that many columns
            case 4: dotProducts(x, y0, y1, y2, y3, k, columns: 4)
            case 3: dotProducts(x, y0, y1, y2, y3, k, columns: 3)
            case 2: dotProducts(x, y0, y1, y2, y3, k, columns: 2)
            default: dotProducts(x, y0, y1, y2, y3, k, columns: 1)
            }
            for jj in 0..<columns {
                c[i * ldc + j + jj] = accumulate ? c[i * ldc + j + jj] + sums[jj] : sums[jj]
            }
        }
    }
}

/// The dot products of `x` with the first `columns` (1...4) of four vectors of length k, in
/// the lanes of the result (the other lanes hold no meaningful sum).
@inline(__always)
private func dotProducts(_ x: UnsafePointer<Double>, _ y0: UnsafePointer<Double>, _ y1: UnsafePointer<Double>,
                         _ y2: UnsafePointer<Double>, _ y3: UnsafePointer<Double>, _ k: Int,
                         columns: Int) -> SIMD4<Double> {
    var s0 = (SIMD4<Double>(), SIMD4<Double>()), s1 = s0, s2 = s0, s3 = s0
    let whole = k - k % 8
    var p = 0
    while p < whole {  // not stride(from:to:by:), whose overflow check sat in the loop
        let xa = load(x + p), xb = load(x + p + 4)
        accumulate(&s0, xa, xb, y0 + p)
        if columns > 1 { accumulate(&s1, xa, xb, y1 + p) }
        if columns > 2 { accumulate(&s2, xa, xb, y2 + p) }
        if columns > 3 { accumulate(&s3, xa, xb, y3 + p) }
        p &+= 8
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
