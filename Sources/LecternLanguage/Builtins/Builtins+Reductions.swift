import TensorEngine

extension Builtins {
    static let reductions: [Builtin] = [
        reduction("sum", summary: "The sum over axis (all elements when none).", example: "sum(x, axis=0)",
                  { t, axes, keep in try t.sum(axes: axes, keepDims: keep) }, { v, axes, keep in try v.sum(axes: axes, keepDims: keep) }),
        reduction("mean", summary: "The mean over axis (all elements when none).", example: "mean(x, axis=0)",
                  { t, axes, keep in try t.mean(axes: axes, keepDims: keep) }, { v, axes, keep in try v.mean(axes: axes, keepDims: keep) }),
    ]

    /// A reduction `name(x, axis=none, keepdims=false)`; axis may be a number or a list.
    /// Reducing a plain tensor to one element gives a number.
    static func reduction(_ name: String, summary: String, example: String,
                          _ onTensor: @escaping @Sendable (Tensor, [Int]?, Bool) throws -> Tensor,
                          _ onVariable: @escaping @Sendable (Variable, [Int]?, Bool) throws -> Variable) -> Builtin {
        Builtin(name, [.init("x"), .init("axis", .null), .init("keepdims", .bool(false))], category: .reduction,
                summary: summary, example: example,
                shapes: "x (d0, d1, ...) -> x without the axes reduced (kept as 1 with keepdims=true)") { args, _ in
            let axes = args.isNone("axis") ? nil : try args.integers("axis")
            let keep = try args.bool("keepdims")
            if case let .variable(v) = args.value("x") { return .variable(try onVariable(v, axes, keep)) }
            let result = try onTensor(try args.tensor("x"), axes, keep)
            return result.rank == 0 ? .number(result.scalars[0]) : .tensor(result)
        }
    }
}
