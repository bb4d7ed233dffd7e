/// Matrix products on variables.
extension Variable {
    /// a @ b with NumPy's `matmul` rules (batched, batch dimensions broadcast, 1-D operands).
    /// Backward, for C = A·B with upstream G: dL/dA = G·Bᵀ, dL/dB = Aᵀ·G — computed on the
    /// operands promoted to matrices, then summed over broadcast batch dimensions.
    public static func matmul(_ a: Variable, _ b: Variable) throws -> Variable {
        let value = try Tensor.matmul(a.value, b.value)
        return .result(value, op: "matmul", parents: [a, b]) { g in
            // Promote 1-D operands (and g) to matrices so one rule serves every case.
            let a2 = a.rank == 1 ? try a.value.reshape([1, a.shape[0]]) : a.value
            let b2 = b.rank == 1 ? try b.value.reshape([b.shape[0], 1]) : b.value
            var gShape = Array(value.shape)
            if b.rank == 1 { gShape.append(1) }
            if a.rank == 1 { gShape.insert(1, at: gShape.count - 1) }
            let g2 = try g.reshape(gShape)
            let da = a.requiresGrad
                ? try Tensor.batchedMatmul(g2, b2, transposeB: true).unbroadcast(to: a2.shape).reshape(a.shape) : nil
            let db = b.requiresGrad
                ? try Tensor.batchedMatmul(a2, g2, transposeA: true).unbroadcast(to: b2.shape).reshape(b.shape) : nil
            return [da, db]
        }
    }

    /// `a.matmul(b)` is `Variable.matmul(a, b)`.
    public func matmul(_ other: Variable) throws -> Variable { try Variable.matmul(self, other) }

    /// The number of dimensions of `value`.
    public var rank: Int { value.rank }
}

/// NumPy's `dot` and `outer` on variables, composed from matmul, reshape and ·.
extension Variable {
    /// As `Tensor.dot`: the inner product of two vectors (a rank-0 result), a matrix product
    /// for ranks 1 and 2, elementwise · when one operand has rank 0.
    /// - Throws: `TensorError.matmul` on mismatched sizes, `.rank` for rank > 2.
    public static func dot(_ a: Variable, _ b: Variable) throws -> Variable {
        if a.rank == 0 || b.rank == 0 { return try a * b }
        for (name, v) in [("a", a), ("b", b)] where v.rank > 2 {
            throw TensorError.rank(op: "dot", argument: name, expected: "rank 1 or 2 (use matmul for batches)", shape: v.shape)
        }
        return try matmul(a, b)
    }

    /// As `Tensor.outer`: both flattened, then (m) x (n) -> (m, n), `result[i, j] = a[i]·b[j]`;
    /// a column times a row, broadcast.
    public static func outer(_ a: Variable, _ b: Variable) throws -> Variable {
        try a.reshape([a.value.count, 1]) * b.reshape([1, b.value.count])
    }
}
