/// Matrix products with NumPy's `matmul` rules.
extension Tensor {
    /// Matrix product, `a @ b`.
    /// - (m, k) x (k, n) -> (m, n).
    /// - Batched: (..., m, k) x (..., k, n) -> (..., m, n); the batch dimensions broadcast,
    ///   so (8, m, k) x (k, n) multiplies each of the 8 matrices by the same (k, n).
    /// - A 1-D operand is a row (left) or column (right) vector, and that dimension is
    ///   dropped from the result: (k) x (k, n) -> (n); (k) x (k) -> a rank-0 scalar.
    /// The plain loops this computes (for one (m, k) x (k, n) product): `ReferenceKernels.matmul`
    /// (Sources/TensorEngine/Reference/ReferenceKernels+MatMul.swift).
    /// - Throws: `TensorError.matmul` for rank 0 operands, inner sizes that differ, or batch
    ///   dimensions that do not broadcast.
    /// - Complexity: O(batch · m · n · k).
    ///
    /// Backward, for C = A·B with upstream G: dL/dA = G·Bᵀ, dL/dB = Aᵀ·G — computed on the
    /// operands promoted to matrices, then summed over broadcast batch dimensions.
    public static func matmul(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        let y = try plainMatmul(a, b)
        guard anyRequiresGrad(a, b) else { return y }
        let (x, z, ga, gb) = (a.detached(), b.detached(), a.requiresGrad, b.requiresGrad)
        return y.recorded("matmul", [a, b]) { g in
            // Promote 1-D operands (and g) to matrices so one rule serves every case.
            let x2 = x.rank == 1 ? x.withShape([1, x.shape[0]]) : x
            let z2 = z.rank == 1 ? z.withShape([z.shape[0], 1]) : z
            var gShape = y.shape
            if z.rank == 1 { gShape.append(1) }
            if x.rank == 1 { gShape.insert(1, at: gShape.count - 1) }
            let g2 = try g.reshape(gShape)
            let da = ga ? try batchedMatmul(g2, z2, transposeB: true).unbroadcast(to: x2.shape).reshape(x.shape) : nil
            let db = gb ? try batchedMatmul(x2, g2, transposeA: true).unbroadcast(to: z2.shape).reshape(z.shape) : nil
            return [da, db]
        }
    }

    /// `matmul` without the graph.
    private static func plainMatmul(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        guard a.rank >= 1, b.rank >= 1 else { throw TensorError.matmul(lhs: a.shape, rhs: b.shape) }
        let left = a.rank == 1 ? a.withShape([1] + a.shape) : a
        let right = b.rank == 1 ? b.withShape(b.shape + [1]) : b
        let product: Tensor
        // The shapes in the message are the caller's, before vectors became matrices.
        do { product = try batchedMatmul(left, right) } catch TensorError.matmul { throw TensorError.matmul(lhs: a.shape, rhs: b.shape) }
        var shape = product.shape
        if b.rank == 1 { shape.removeLast() }
        if a.rank == 1 { shape.remove(at: shape.count - (b.rank == 1 ? 1 : 2)) }
        return product.withShape(shape)
    }

    /// (..., m, k) x (..., k, n) -> (..., m, n) for operands of rank 2 or more, batch
    /// dimensions broadcast. With `transposeA`, each stored matrix of `a` is read as its
    /// transpose (so `a` holds (..., k, m)); likewise `transposeB`. The transposes cost nothing:
    /// GEMM reads the operands through strides. The backward pass of `matmul` uses them.
    /// - Throws: `TensorError.matmul` when the inner sizes differ or the batches do not broadcast.
    static func batchedMatmul(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false) throws -> Tensor {
        let (ra, ca) = (a.shape[a.rank - 2], a.shape[a.rank - 1]), (rb, cb) = (b.shape[b.rank - 2], b.shape[b.rank - 1])
        let (m, k) = transposeA ? (ca, ra) : (ra, ca), (k2, n) = transposeB ? (cb, rb) : (rb, cb)
        guard k == k2 else { throw TensorError.matmul(lhs: a.shape, rhs: b.shape) }
        let batchA = Array(a.shape.dropLast(2)), batchB = Array(b.shape.dropLast(2))
        guard let batch = try? Shape.broadcast(batchA, batchB, op: "@") else {
            throw TensorError.matmul(lhs: a.shape, rhs: b.shape)
        }
        let stridesA = Shape.broadcastStrides(batchA, to: batch).map { $0 * ra * ca }
        let stridesB = Shape.broadcastStrides(batchB, to: batch).map { $0 * rb * cb }
        return try Tensor(allocating: batch + [m, n]) { out in
            a.scalars.withUnsafeBufferPointer { pa in
                b.scalars.withUnsafeBufferPointer { pb in
                    guard let c = out.baseAddress else { return }
                    forEachBatch(batch, stridesA, stridesB) { index, offA, offB in
                        (MatrixOperand(pa.baseAddress! + offA, columns: ca, transposed: transposeA),
                         MatrixOperand(pb.baseAddress! + offB, columns: cb, transposed: transposeB),
                         c + index * m * n)
                    } multiply: { operandA, operandB, target, threads in
                        gemm(m: m, n: n, k: k, a: operandA, b: operandB, c: target, ldc: n, threads: threads)
                    }
                }
            }
        }
    }

    /// Runs `multiply` for every index of the batch shape, with the operands `locate` finds
    /// from the element offsets of the two inputs. Many small products run in parallel, one
    /// per task; with fewer batches than threads, each product is split by GEMM itself.
    private static func forEachBatch(
        _ batch: [Int], _ stridesA: [Int], _ stridesB: [Int],
        locate: (Int, Int, Int) -> (MatrixOperand, MatrixOperand, UnsafeMutablePointer<Double>),
        multiply: (MatrixOperand, MatrixOperand, UnsafeMutablePointer<Double>, Int) -> Void
    ) {
        let batches = batch.reduce(1, *), batchStrides = Shape.strides(batch)
        let threads = KernelThreads.count, perBatch = batches >= threads && batches > 1
        parallelFor(parts: batches, threads: perBatch ? threads : 1) { index in
            var offA = 0, offB = 0, rest = index
            for d in batch.indices {
                let i = rest / batchStrides[d]
                rest %= batchStrides[d]
                offA += i * stridesA[d]
                offB += i * stridesB[d]
            }
            let (operandA, operandB, target) = locate(index, offA, offB)
            multiply(operandA, operandB, target, perBatch ? 1 : threads)
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
    /// `result[i, j] = a[i] · b[j]`. With a gradient it is composed: a column times a row,
    /// broadcast.
    /// - Throws: a result larger than the session allows (`Tensor.checkedCount`).
    public static func outer(_ a: Tensor, _ b: Tensor) throws -> Tensor {
        if anyRequiresGrad(a, b) {
            return try a.reshape([a.count, 1]) * b.reshape([1, b.count])
        }
        let (u, v) = (a.scalars, b.scalars)
        return try Tensor(allocating: [u.count, v.count]) { out in
            for i in 0..<u.count {
                let x = u[i]
                for j in 0..<v.count { out[i * v.count + j] = x * v[j] }
            }
        }
    }
}

extension Tensor {
    /// `a.matmul(b)` is `Tensor.matmul(a, b)` (Swift has no `@` operator).
    public func matmul(_ other: Tensor) throws -> Tensor { try Tensor.matmul(self, other) }
}
