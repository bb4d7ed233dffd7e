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

/// Copies a `rows` x `kc` block of A into panels of 6 rows, k-major: panel `q` holds rows
/// `6q ..< 6q+6` as `kc` groups of 6 (zeros past the last row).
func packBlockA(_ a: MatrixOperand, rows: Int, kc: Int, into packed: UnsafeMutablePointer<Double>) {
    let mr = MicroTile.rows
    var out = packed
    for i0 in stride(from: 0, to: rows, by: mr) {
        let height = min(mr, rows - i0)
        for p in 0..<kc {
            let source = a.base + i0 * a.rowStride + p * a.columnStride
            for r in 0..<height { out[r] = source[r * a.rowStride] }
            for r in height..<mr { out[r] = 0 }
            out += mr
        }
    }
}

/// Copies a `kc` x `columns` slice of B (columns <= 8) into one panel, row by row,
/// padding each row to 8 with zeros.
func packPanelB(_ b: MatrixOperand, kc: Int, columns: Int, into packed: UnsafeMutablePointer<Double>) {
    let nr = MicroTile.columns
    for p in 0..<kc {
        let source = b.base + p * b.rowStride, out = packed + p * nr
        if columns == nr && b.columnStride == 1 {
            out.update(from: source, count: nr)
        } else {
            for j in 0..<columns { out[j] = source[j * b.columnStride] }
            for j in columns..<nr { out[j] = 0 }
        }
    }
}

/// Products too small to be worth packing (a few thousand multiply-adds): the plain
/// triple loop, ordered i-p-j so the inner loop runs along rows of B and C.
func smallGEMM(m: Int, n: Int, k: Int, a: MatrixOperand, b: MatrixOperand,
               c: UnsafeMutablePointer<Double>, ldc: Int, accumulate: Bool) {
    for i in 0..<m {
        let row = c + i * ldc
        if !accumulate { row.update(repeating: 0, count: n) }
        for p in 0..<k {
            let aip = a.base[i * a.rowStride + p * a.columnStride]
            let bRow = b.base + p * b.rowStride
            for j in 0..<n { row[j] += aip * bRow[j * b.columnStride] }
        }
    }
}
