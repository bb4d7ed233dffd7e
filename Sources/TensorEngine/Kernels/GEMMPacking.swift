import _GEMMKernel

/// A read-only matrix operand: element (i, j) is at `base[i * rowStride + j * columnStride]`.
/// A transposed matrix is the same memory with the two strides swapped.
struct MatrixOperand {
    var base: UnsafePointer<Double>
    var rowStride: Int
    var columnStride: Int

    /// A row-major matrix with `columns` columns, or its transpose when `transposed`.
    init(_ base: UnsafePointer<Double>, columns: Int, transposed: Bool = false) {
        self.base = base
        (rowStride, columnStride) = transposed ? (1, columns) : (columns, 1)
    }

    /// The operand starting at element (i, j).
    func offset(_ i: Int, _ j: Int) -> MatrixOperand {
        var moved = self
        moved.base += i * rowStride + j * columnStride
        return moved
    }
}

/// Copies a `rows` x `kc` block of A into panels of mr = `GEMMKernel.rows` rows (6, or 12
/// for AVX-512), k-major: panel `q` holds rows `mr*q ..< mr*q+mr` as `kc` groups of mr
/// (zeros past the last row).
func packBlockA(_ a: MatrixOperand, rows: Int, kc: Int, into packed: UnsafeMutablePointer<Double>) {
    let mr = GEMMKernel.rows
    for i0 in stride(from: 0, to: rows, by: mr) {
        let panel = packed + i0 * kc, source = a.offset(i0, 0)
        if rows - i0 == mr {
            // Six rows at a time: a panel of 12 is two groups of 6 in each k-group.
            for r0 in stride(from: 0, to: mr, by: 6) {
                let out: UnsafeMutablePointer<Double> = panel + r0
                packSixRowsA(source.offset(r0, 0), kc: kc, into: out, step: mr)
            }
            continue
        }
        for p in 0..<kc {
            for r in 0..<mr {
                panel[p * mr + r] = r < rows - i0 ? source.base[r * source.rowStride + p * source.columnStride] : 0
            }
        }
    }
}

/// A whole m x k matrix A packed once for `gemmPacked`, for products that use the same A
/// many times (a convolution's filters, in the product of every image). Each `kc`-deep block
/// of columns is `packBlockA` of all m rows: the block at column `pc` starts at
/// `storage + pc·M` (M = m rounded up to whole panels), and the rows from `ic` on (a whole
/// number of panels) at `ic·kc` within it, exactly where `packBlockA` of that block puts them.
struct PackedMatrixA {
    let storage: UnsafeMutablePointer<Double>
    /// m rounded up to a multiple of the panel height.
    let paddedRows: Int

    /// Packs `a` (m x k) in blocks of `kc` columns. Call `deallocate()` when done.
    init(_ a: MatrixOperand, m: Int, k: Int, kc: Int = GEMMBlocking().kc) {
        paddedRows = (m + GEMMKernel.rows - 1) / GEMMKernel.rows * GEMMKernel.rows
        storage = allocateAligned(Swift.max(1, paddedRows * k))
        for pc in stride(from: 0, to: k, by: kc) {
            packBlockA(a.offset(0, pc), rows: m, kc: Swift.min(kc, k - pc), into: storage + pc * paddedRows)
        }
    }

    /// The packed rows from `ic` (a multiple of the panel height) of the block at column `pc`,
    /// `kc` deep.
    func block(row ic: Int, depth pc: Int, kc: Int) -> UnsafePointer<Double> {
        UnsafePointer(storage + pc * paddedRows + ic * kc)
    }

    func deallocate() { storage.deallocate() }
}

/// The common case of `packBlockA`: six whole rows, read as six streams, written to
/// `panel[p*step + 0..<6]` for p in 0..<kc.
@inline(__always)
private func packSixRowsA(_ a: MatrixOperand, kc: Int, into panel: UnsafeMutablePointer<Double>, step outStep: Int) {
    let r0 = a.base, r1 = r0 + a.rowStride, r2 = r1 + a.rowStride
    let r3 = r2 + a.rowStride, r4 = r3 + a.rowStride, r5 = r4 + a.rowStride
    let step = a.columnStride
    var out = panel
    for p in 0..<kc {
        let q = p * step
        out[0] = r0[q]; out[1] = r1[q]; out[2] = r2[q]
        out[3] = r3[q]; out[4] = r4[q]; out[5] = r5[q]
        out += outStep
    }
}

/// Copies panels `panels` of a `kc` x `nc` block of B into `packed`, panel `q` (columns
/// `8q ..< 8q+8`) at `packed + q*kc*8`, in the layout of `packPanelB`.
///
/// When B's rows are contiguous (`columnStride == 1`) the block is read row by row, front
/// to back, each row's 8-column pieces going to their panels. Why: reading one panel at a
/// time reads 64 bytes from each of `kc` rows, every one on another page when n >= 512;
/// the hardware prefetchers do not follow that, so each load waited for L3 or memory
/// (packing took 5-8% of W1 at n = 512-1024). Rows read whole stream at full speed.
func packBlockB(_ b: MatrixOperand, kc: Int, nc: Int, panels: Range<Int>,
                into packed: UnsafeMutablePointer<Double>) {
    let nr = MicroTile.columns
    let wholePanels = panels.lowerBound..<min(panels.upperBound, nc / nr)
    if b.columnStride == 1 && !wholePanels.isEmpty {
        for p in 0..<kc {
            let row = b.base + p * b.rowStride
            for q in wholePanels {
                let piece = UnsafeRawPointer(row + q * nr).loadUnaligned(as: SIMD8<Double>.self)
                UnsafeMutableRawPointer(packed + (q * kc + p) * nr).storeBytes(of: piece, as: SIMD8<Double>.self)
            }
        }
        for q in wholePanels.upperBound..<panels.upperBound {    // the last, narrower panel
            packPanelB(b.offset(0, q * nr), kc: kc, columns: nc - q * nr, into: packed + q * kc * nr)
        }
        return
    }
    for q in panels {
        packPanelB(b.offset(0, q * nr), kc: kc, columns: min(nr, nc - q * nr), into: packed + q * kc * nr)
    }
}

/// Copies a `kc` x `columns` slice of B (columns <= 8) into one panel, row by row,
/// padding each row to 8 with zeros.
func packPanelB(_ b: MatrixOperand, kc: Int, columns: Int, into packed: UnsafeMutablePointer<Double>) {
    let nr = MicroTile.columns
    if columns == nr && b.columnStride == 1 {
        // Whole rows of 8 contiguous doubles: one vector load and store each.
        for p in 0..<kc {
            let row = UnsafeRawPointer(b.base + p * b.rowStride).loadUnaligned(as: SIMD8<Double>.self)
            UnsafeMutableRawPointer(packed + p * nr).storeBytes(of: row, as: SIMD8<Double>.self)
        }
        return
    }
    if columns == nr && b.rowStride == 1 {
        // B is a transposed row-major matrix (dW = dY·X̂ᵀ in convolution, G·Bᵀ in matmul's
        // backward): its 8 columns are 8 contiguous rows in memory, read as 8 streams.
        packTransposedPanelB(b, kc: kc, into: packed)
        return
    }
    for p in 0..<kc {
        let source = b.base + p * b.rowStride, out = packed + p * nr
        for j in 0..<nr { out[j] = j < columns ? source[j * b.columnStride] : 0 }
    }
}

/// `packPanelB` for 8 whole columns of B that are rows in memory (`rowStride == 1`).
@inline(__always)
private func packTransposedPanelB(_ b: MatrixOperand, kc: Int, into packed: UnsafeMutablePointer<Double>) {
    let step = b.columnStride
    let r0 = b.base, r1 = r0 + step, r2 = r1 + step, r3 = r2 + step
    let r4 = r3 + step, r5 = r4 + step, r6 = r5 + step, r7 = r6 + step
    var out = packed
    for p in 0..<kc {
        out[0] = r0[p]; out[1] = r1[p]; out[2] = r2[p]; out[3] = r3[p]
        out[4] = r4[p]; out[5] = r5[p]; out[6] = r6[p]; out[7] = r7[p]
        out += 8
    }
}
