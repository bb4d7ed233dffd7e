/// Matrix products with NumPy's `matmul` rules.
extension Tensor {
    /// Matrix product, `a @ b`.
    /// - (m, k) x (k, n) -> (m, n).
    /// - Batched: (..., m, k) x (..., k, n) -> (..., m, n); the batch dimensions broadcast,
    ///   so (8, m, k) x (k, n) multiplies each of the 8 matrices by the same (k, n).
    /// - A 1-D operand is a row (left) or column (right) vector, and that dimension is
    ///   dropped from the result: (k) x (k, n) -> (n); (k) x (k) -> a rank-0 scalar.
    /// - Throws: `TensorError.matmul` for rank 0 operands, inner sizes that differ, or batch
    ///   dimensions that do not broadcast.
    /// - Complexity: O(batch · m · n · k).
    public static func matmul(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        guard a.rank >= 1, b.rank >= 1 else { throw TensorError.matmul(lhs: a.shape, rhs: b.shape) }
        let left = a.rank == 1 ? [1] + a.shape : a.shape
        let right = b.rank == 1 ? b.shape + [1] : b.shape
        let (m, k) = (left[left.count - 2], left[left.count - 1])
        let (k2, n) = (right[right.count - 2], right[right.count - 1])
        guard k == k2 else { throw TensorError.matmul(lhs: a.shape, rhs: b.shape) }
        let batchA = Array(left.dropLast(2)), batchB = Array(right.dropLast(2))
        guard let batch = try? Shape.broadcast(batchA, batchB, op: "@") else {
            throw TensorError.matmul(lhs: a.shape, rhs: b.shape)
        }
        var shape = batch + [m, n]
        let product = multiplyBatches(a, b, batch: batch, batchA: batchA, batchB: batchB, m: m, n: n, k: k)
        if b.rank == 1 { shape.removeLast() }
        if a.rank == 1 { shape.remove(at: shape.count - (b.rank == 1 ? 1 : 2)) }
        return product.withShape(shape)
    }

    /// Each batch of the broadcast batch shape through `gemm`. Many small products run in
    /// parallel, one per task; a few large ones are each split by `gemm` itself.
    private static func multiplyBatches(_ a: Tensor, _ b: Tensor, batch: [Int], batchA: [Int], batchB: [Int],
                                        m: Int, n: Int, k: Int) -> Tensor {
        let batches = batch.reduce(1, *)
        let stridesA = Shape.broadcastStrides(batchA, to: batch), stridesB = Shape.broadcastStrides(batchB, to: batch)
        let batchStrides = Shape.strides(batch)
        let threads = KernelThreads.count, perBatch = batches >= threads && batches > 1
        return Tensor(unchecked: batch + [m, n]) { out in
            a.scalars.withUnsafeBufferPointer { pa in
                b.scalars.withUnsafeBufferPointer { pb in
                    guard let c = out.baseAddress else { return }
                    parallelFor(parts: batches, threads: perBatch ? threads : 1) { index in
                        var offA = 0, offB = 0, rest = index
                        for d in batch.indices {
                            let i = rest / batchStrides[d]
                            rest %= batchStrides[d]
                            offA += i * stridesA[d] * m * k
                            offB += i * stridesB[d] * k * n
                        }
                        gemm(m: m, n: n, k: k, a: MatrixOperand(pa.baseAddress! + offA, columns: k),
                             b: MatrixOperand(pb.baseAddress! + offB, columns: n),
                             c: c + index * m * n, ldc: n, threads: perBatch ? 1 : threads)
                    }
                }
            }
        }
    }

    /// NumPy's `dot` for ranks up to 2: the inner product of two vectors (a rank-0 result),
    /// otherwise `matmul`; a rank-0 operand multiplies elementwise.
    /// - Throws: `TensorError.matmul` on mismatched sizes, `.rank` for rank > 2 (use `matmul`).
    public static func dot(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        if a.rank == 0 || b.rank == 0 { return try a * b }
        for (name, t) in [("a", a), ("b", b)] where t.rank > 2 {
            throw TensorError.rank(op: "dot", argument: name, expected: "rank 1 or 2 (use matmul for batches)", shape: t.shape)
        }
        return try matmul(a, b)
    }

    /// The outer product of two tensors, flattened first: (m) x (n) -> (m, n), with
    /// `result[i, j] = a[i] · b[j]`.
    public static func outer(_ a: Tensor, _ b: Tensor) -> Tensor {
        Tensor(unchecked: [a.count, b.count]) { out in
            for i in 0..<a.count {
                let x = a.scalars[i]
                for j in 0..<b.count { out[i * b.count + j] = x * b.scalars[j] }
            }
        }
    }
}

extension Tensor {
    /// `a.matmul(b)` is `Tensor.matmul(a, b)` (Swift has no `@` operator).
    public func matmul(_ other: Tensor) throws -> Tensor { try Tensor.matmul(self, other) }
}
