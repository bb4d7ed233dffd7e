import TensorEngine

extension Builtins {
    static let shapes: [Builtin] = [
        Builtin("reshape", [.init("x"), .init("shape", variadic: true)], category: .shape,
                summary: "The same elements in a new shape; one dimension may be -1 (inferred).",
                example: "reshape(arange(6), 2, 3)", shapes: "x (n elements) -> shape (n elements)") { args, _ in
            let shape = try args.shape()
            return plain(try args.tensor("x").reshape(shape))
        },
        Builtin("transpose", [.init("x"), .init("axes", .null)], category: .shape,
                summary: "The axes reversed (a matrix transposed), or put in the order axes gives.",
                example: "transpose(zeros(2, 3)).shape", shapes: "(a, b) -> (b, a); with axes [0, 2, 1]: (a, b, c) -> (a, c, b)") { args, _ in
            let order = try axes(args, "axes")
            let t = try args.tensor("x")
            return plain(try order.map { try t.permute($0) } ?? t.transpose())
        },
        Builtin("flatten", [.init("x"), .init("start", .number(0))], category: .shape,
                summary: "The dimensions from start on merged into one.", example: "flatten(zeros(2, 3, 4), start=1).shape",
                shapes: "(N, C, H, W) with start=1 -> (N, C*H*W)") { args, _ in
            let start = try args.integer("start")
            return plain(try args.tensor("x").flatten(startAxis: start))
        },
        Builtin("squeeze", [.init("x"), .init("axis", .null)], category: .shape,
                summary: "Dimensions of size 1 removed (all of them, or those named by axis).", example: "squeeze(zeros(1, 3, 1)).shape",
                shapes: "(1, 3, 1) -> (3)") { args, _ in
            let which = try axes(args)
            return plain(try args.tensor("x").squeeze(axes: which))
        },
        Builtin("unsqueeze", [.init("x"), .init("axis")], category: .shape,
                summary: "A new dimension of size 1 inserted at axis.", example: "unsqueeze(zeros(3), 0).shape",
                shapes: "(3) with axis=0 -> (1, 3)") { args, _ in
            let axis = try args.integer("axis")
            return plain(try args.tensor("x").unsqueeze(axis: axis))
        },
        join("concat", summary: "Tensors joined along an existing axis (they must agree on every other).",
             example: "concat([zeros(2, 3), ones(1, 3)]).shape", shapes: "[(a, n), (b, n)] -> (a + b, n)",
             { try Tensor.concat($0, axis: $1) }),
        join("stack", summary: "Tensors of one shape stacked along a new axis.",
             example: "stack([zeros(3), ones(3)]).shape", shapes: "k tensors (n) -> (k, n)",
             { try Tensor.stack($0, axis: $1) }),
        Builtin("pad", [.init("x"), .init("width"), .init("value", .number(0))], category: .shape,
                summary: "x with width values added before and after every axis (or a pair [before, after], or one pair per axis).",
                example: "pad([[1, 2], [3, 4]], 1)", shapes: "(h, w) with width p -> (h + 2p, w + 2p)") { args, _ in
            let widths = try padWidths(args)
            let fill = try args.number("value")
            return plain(try args.tensor("x").pad(widths, value: fill))
        },
        Builtin("gather", [.init("x"), .init("indices")], category: .shape,
                summary: "The rows of x at indices, as NumPy's x[indices] (a mini-batch).",
                example: "gather([[1, 2], [3, 4], [5, 6]], [2, 0])", shapes: "x (N, ...), indices (B) -> (B, ...)") { args, _ in
            let indices = try args.tensor("indices")
            return plain(try args.tensor("x").gather(rows: indices))
        },
        Builtin("nonzero", [.init("x")], category: .shape,
                summary: "Where x is nonzero: for a vector, the indices; otherwise a list of index tensors, one per axis (NumPy's tuple).",
                example: "nonzero([0, 3, 0, 5])", shapes: "x (n) -> (k); x (a, b) -> [(k), (k)]") { args, _ in
            let parts = try args.tensor("x").nonzero()
            return parts.count == 1 ? .tensor(parts[0]) : .list(parts.map(Value.tensor))
        },
        Builtin("one_hot", [.init("labels"), .init("classes")], category: .shape,
                summary: "Class labels as rows with a single 1.", example: "one_hot([0, 2], 3)",
                shapes: "labels (N) -> (N, classes)") { args, _ in
            let labels = try args.tensor("labels"), classes = try args.integer("classes", atLeast: 1)
            return .tensor(try Tensor.oneHot(labels, classes: classes))
        },
    ]

    /// `concat` and `stack`: a list of tensors and an axis.
    static func join(_ name: String, summary: String, example: String, shapes: String,
                     _ onTensors: @escaping @Sendable ([Tensor], Int) throws -> Tensor) -> Builtin {
        Builtin(name, [.init("tensors"), .init("axis", .number(0))], category: .shape, summary: summary,
                example: example, shapes: shapes) { args, _ in
            let items = try tensors(args, "tensors"), axis = try args.integer("axis")
            return plain(try onTensors(items.compactMap(\.tensorValue), axis))
        }
    }
}
