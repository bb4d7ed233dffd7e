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
