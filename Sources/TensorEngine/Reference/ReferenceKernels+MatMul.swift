/// The matrix product by its definition: each entry of C is the dot product of a row of A and
/// a column of B. The fast `Tensor.matmul` (GEMM, `Kernels/GEMM.swift`) computes the same
/// numbers in blocks that stay in cache, with a vectorised micro-kernel and threads.
extension ReferenceKernels {
    /// C = A·B for A (m, k) and B (k, n), giving C (m, n):
    ///
    ///     C[i, j] = Σ_p A[i, p] · B[p, j]
    ///
    /// Three nested loops: 2·m·n·k floating-point operations. (Batches and vectors, which
    /// `Tensor.matmul` also takes, are this product repeated or with a dimension of size 1.)
    /// - Precondition: a and b of rank 2, a's columns as many as b's rows.
    public static func matmul(_ a: Tensor, _ b: Tensor) -> Tensor {
        precondition(a.rank == 2 && b.rank == 2, "matmul: a is (m, k) and b is (k, n)")
        precondition(a.shape[1] == b.shape[0], "matmul: a has \(a.shape[1]) columns, b \(b.shape[0]) rows")
        let (rows, inner, columns) = (a.shape[0], a.shape[1], b.shape[1])

        var c = zeros([rows, columns])
        for i in 0..<rows {                     // every row of A
            for j in 0..<columns {              // times every column of B
                var sum = 0.0
                for p in 0..<inner { sum += a[i, p] * b[p, j] }
                c[i, j] = sum
            }
        }
        return c
    }
}
