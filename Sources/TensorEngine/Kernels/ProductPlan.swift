import _GEMMKernel
import _GEMMKernelAVX2

/// How `gemm` computes one product. Big products are packed for the micro-kernel; small or
/// skinny ones (a layer with 2 inputs, a product with 3 output columns, the shapes of a
/// small MLP) are cheaper as one of three plain loops, each vectorised along a contiguous
/// row. The choice depends only on the shapes and strides, never on the thread count.
enum ProductPlan: CaseIterable {
    /// Pack A and B, run the 6 x 8 micro-kernel (`gemm`'s main path).
    case packed
    /// C[i, :] += A[i, p]·B[p, :]: B's rows contiguous (B is copied if they are not).
    case alongRows
    /// The same on the transposed problem, Cᵀ = Bᵀ·Aᵀ: needs A's columns contiguous.
    case alongRowsTransposed
    /// C[i, j] = A[i, :]·B[:, j]: needs A's rows contiguous (B's columns are copied if not).
    case dotProducts

    /// The plan with the fewest cycles by a rough count: packing copies m·k + k·n numbers and
    /// pays ~40 cycles per 6 x 8 tile plus 6 per step of k; a loop along rows pays ~4 cycles
    /// per (row, step) plus one per 4 elements of the row; a dot product ~10 plus one per 4
    /// terms. `preferPacked` (convolutions, whose products are long and thin) keeps the
    /// packed path for all but tiny products.
    static func choose(m: Int, n: Int, k: Int, a: MatrixOperand, b: MatrixOperand, preferPacked: Bool) -> ProductPlan {
        let tiles = ((m + 5) / 6) * ((n + 7) / 8)
        var best = (plan: ProductPlan.packed, cost: 2 * (m * k + k * n) + tiles * (40 + 6 * k))
        if preferPacked && m * n * k > 4096 { return .packed }
        func consider(_ plan: ProductPlan, _ cost: Int) { if cost < best.cost { best = (plan, cost) } }
        if b.columnStride == 1 { consider(.alongRows, m * k * (4 + (n + 3) / 4)) }
        // A transposed B (a layer's backward, x·Wᵀ) is copied to rows first. Only for k ≤ kc,
        // where the packed path sums each element in one run over k as this loop does: the
        // choice then changes the speed, never a bit of the result.
        if b.columnStride != 1, k <= GEMMBlocking().kc { consider(.alongRows, m * k * (4 + (n + 3) / 4) + 2 * k * n) }
        if a.rowStride == 1 { consider(.alongRowsTransposed, n * k * (4 + (m + 3) / 4) + 2 * m * n) }
        if a.columnStride == 1 { consider(.dotProducts, m * n * (10 + (k + 3) / 4) + (b.rowStride == 1 ? 0 : 2 * k * n)) }
        return best.plan
    }
}

/// The plain-loop plans of `ProductPlan`, on one thread (they serve small products).
func multiplySmall(_ plan: ProductPlan, m: Int, n: Int, k: Int, a: MatrixOperand, b: MatrixOperand,
                   c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool) {
    switch plan {
    case .packed:
        preconditionFailure("the packed plan runs in gemm")
    case .alongRows where b.columnStride == 1:
        SmallProductKernel.alongRows(m: m, n: n, k: k, a: a.base, aRowStride: a.rowStride, aColumnStride: a.columnStride,
                                     b: b.base, ldb: b.rowStride, c: c, ldc: ldc, accumulate: accumulate)
    case .alongRows:  // B's rows copied out first
        let rows = UnsafeMutablePointer<Double>.allocate(capacity: k * n)
        defer { rows.deallocate() }
        for p in 0..<k { for j in 0..<n { rows[p * n + j] = b.base[p * b.rowStride + j * b.columnStride] } }
        SmallProductKernel.alongRows(m: m, n: n, k: k, a: a.base, aRowStride: a.rowStride, aColumnStride: a.columnStride,
                                     b: rows, ldb: n, c: c, ldc: ldc, accumulate: accumulate)
    case .alongRowsTransposed:
        // Cᵀ (n x m) = Bᵀ (n x k) · Aᵀ (k x m); Aᵀ's rows are A's columns, contiguous.
        let ct = UnsafeMutablePointer<Double>.allocate(capacity: n * m)
        defer { ct.deallocate() }
        SmallProductKernel.alongRows(m: n, n: m, k: k, a: b.base, aRowStride: b.columnStride, aColumnStride: b.rowStride,
                                     b: a.base, ldb: a.columnStride, c: ct, ldc: m, accumulate: false)
        for i in 0..<m {
            for j in 0..<n { c[i * ldc + j] = accumulate ? c[i * ldc + j] + ct[j * m + i] : ct[j * m + i] }
        }
    case .dotProducts:
        if b.rowStride == 1 {  // B stored transposed: its columns are contiguous already.
            SmallProductKernel.dots(m: m, n: n, k: k, a: a.base, lda: a.rowStride, bt: b.base, ldbt: b.columnStride,
                                    c: c, ldc: ldc, accumulate: accumulate)
            return
        }
        let bt = UnsafeMutablePointer<Double>.allocate(capacity: n * k)
        defer { bt.deallocate() }
        for p in 0..<k { for j in 0..<n { bt[j * k + p] = b.base[p * b.rowStride + j * b.columnStride] } }
        SmallProductKernel.dots(m: m, n: n, k: k, a: a.base, lda: a.rowStride, bt: bt, ldbt: k, c: c, ldc: ldc,
                                accumulate: accumulate)
    }
}

/// The small-product loops of the variant this CPU can run (see `GEMMKernel`).
enum SmallProductKernel {
    static func alongRows(m: Int, n: Int, k: Int, a: UnsafePointer<Double>, aRowStride: Int, aColumnStride: Int,
                          b: UnsafePointer<Double>, ldb: Int, c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool) {
        if GEMMKernel.hasAVX2 {
            _GEMMKernelAVX2.multiplyAlongRows(m: m, n: n, k: k, a: a, aRowStride: aRowStride, aColumnStride: aColumnStride,
                                              b: b, ldb: ldb, c: c, ldc: ldc, accumulate: accumulate)
        } else {
            _GEMMKernel.multiplyAlongRows(m: m, n: n, k: k, a: a, aRowStride: aRowStride, aColumnStride: aColumnStride,
                                          b: b, ldb: ldb, c: c, ldc: ldc, accumulate: accumulate)
        }
    }

    static func dots(m: Int, n: Int, k: Int, a: UnsafePointer<Double>, lda: Int, bt: UnsafePointer<Double>, ldbt: Int,
                     c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool) {
        if GEMMKernel.hasAVX2 {
            _GEMMKernelAVX2.multiplyByDotProducts(m: m, n: n, k: k, a: a, lda: lda, bt: bt, ldbt: ldbt, c: c, ldc: ldc,
                                                  accumulate: accumulate)
        } else {
            _GEMMKernel.multiplyByDotProducts(m: m, n: n, k: k, a: a, lda: lda, bt: bt, ldbt: ldbt, c: c, ldc: ldc,
                                              accumulate: accumulate)
        }
    }
}
