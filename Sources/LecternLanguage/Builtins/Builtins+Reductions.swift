import TensorEngine

extension Builtins {
    static let reductions: [Builtin] = [
        reduction("sum", summary: "The sum over axis (all elements when none).", example: "sum([[1, 2], [3, 4]], axis=0)",
                  { t, axes, keep in try t.sum(axes: axes, keepDims: keep) }),
        reduction("mean", summary: "The mean over axis (all elements when none).", example: "mean([[1, 2], [3, 4]], axis=1)",
                  { t, axes, keep in try t.mean(axes: axes, keepDims: keep) }),
        reduction("max", summary: "The largest element over axis (all elements when none).", example: "max([[1, 5], [3, 4]], axis=0)",
                  { t, axes, keep in try t.max(axes: axes, keepDims: keep) }),
        reduction("min", summary: "The smallest element over axis (all elements when none).", example: "min([[1, 5], [3, 4]])",
                  { t, axes, keep in try t.min(axes: axes, keepDims: keep) }),
        spread("var", summary: "The variance over axis: mean((x - mean(x))**2), divided by n - correction.",
               example: "var([1, 2, 3, 4])") { t, axes, keep, c in try t.variance(axes: axes, keepDims: keep, correction: c) },
        spread("std", summary: "The standard deviation over axis: sqrt(var(x)).", example: "std([1, 2, 3, 4])")
               { t, axes, keep, c in try t.std(axes: axes, keepDims: keep, correction: c) },
        argReduction("argmax", summary: "The index of the largest element along axis (of the flattened tensor when none).",
                     example: "argmax([[1, 9], [7, 3]], axis=1)") { t, axis, keep in try t.argmax(axis: axis, keepDims: keep) },
        argReduction("argmin", summary: "The index of the smallest element along axis (of the flattened tensor when none).",
                     example: "argmin([4, 1, 3])") { t, axis, keep in try t.argmin(axis: axis, keepDims: keep) },
    ]

    static let reductionShapes = "x (d0, d1, ...) -> x without the axes reduced (kept as 1 with keepdims=true)"

    /// A reduction `name(x, axis=none, keepdims=false)`; axis may be a number or a list.
    static func reduction(_ name: String, summary: String, example: String,
                          _ onTensor: @escaping @Sendable (Tensor, [Int]?, Bool) throws -> Tensor) -> Builtin {
        Builtin(name, [.init("x"), .init("axis", .null), .init("keepdims", .bool(false))], category: .reduction,
                summary: summary, example: example, shapes: reductionShapes) { args, _ in
            if name == "min" || name == "max", case .number = args.value("x"), !args.isNone("axis") {
                // Python's min(a, b): here the second argument is an axis.
                let elementwise = name == "min" ? "minimum" : "maximum"
                throw LanguageError.runtime("\(name)(a, b) of two numbers: \(name)'s second argument is an axis;"
                                            + " the \(name == "min" ? "smaller" : "larger") of a and b is \(elementwise)(a, b)", args.range("axis"))
            }
            let (axes, keep) = (try axes(args), try args.bool("keepdims"))
            return plain(try onTensor(try args.tensor("x"), axes, keep))
        }
    }

    /// `var` and `std`, which also take `correction` (NumPy's ddof: 0 divides by n, 1 by n - 1).
    static func spread(_ name: String, summary: String, example: String,
                       _ onTensor: @escaping @Sendable (Tensor, [Int]?, Bool, Int) throws -> Tensor) -> Builtin {
        Builtin(name, [.init("x"), .init("axis", .null), .init("keepdims", .bool(false)), .init("correction", .number(0))],
                category: .reduction, summary: summary, example: example, shapes: reductionShapes) { args, _ in
            let (axes, keep, correction) = (try axes(args), try args.bool("keepdims"), try args.integer("correction"))
            return plain(try onTensor(try args.tensor("x"), axes, keep, correction))
        }
    }

    /// `argmax` and `argmin`: indices, never gradients.
    static func argReduction(_ name: String, summary: String, example: String,
                             _ body: @escaping @Sendable (Tensor, Int?, Bool) throws -> Tensor) -> Builtin {
        Builtin(name, [.init("x"), .init("axis", .null), .init("keepdims", .bool(false))], category: .reduction,
                summary: summary, example: example, shapes: "x (d0, d1, ...) -> x without axis") { args, _ in
            plain(try body(try args.tensor("x"), try args.optionalInteger("axis"), try args.bool("keepdims")))
        }
    }
}
