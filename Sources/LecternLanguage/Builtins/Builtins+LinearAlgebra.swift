import TensorEngine

extension Builtins {
    static let linearAlgebra: [Builtin] = [
        Builtin("matmul", [.init("a"), .init("b")], category: .linearAlgebra,
                summary: "The matrix product a @ b (batched, with NumPy's rules).", example: "matmul(eye(2), [[1, 2], [3, 4]])",
                shapes: "(m, k) x (k, n) -> (m, n); (..., m, k) x (..., k, n) -> (..., m, n)") { args, _ in
            if args.anyVariable("a", "b") { return .variable(try Variable.matmul(try args.variable("a"), try args.variable("b"))) }
            return .tensor(try Tensor.matmul(try args.tensor("a"), try args.tensor("b")))
        },
    ]
}
