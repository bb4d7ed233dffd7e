import TensorEngine

extension Builtins {
    static let creation: [Builtin] = [
        shapeBuiltin("zeros", summary: "A tensor of zeros.", example: "zeros(2, 3)") { shape, _ in try Tensor.zeros(shape) },
        shapeBuiltin("ones", summary: "A tensor of ones.", example: "ones(2, 3)") { shape, _ in try Tensor.ones(shape) },
        shapeBuiltin("randn", summary: "Standard normal samples (mean 0, std 1) from the session's generator.",
                     example: "randn(1, 3, 32, 32)") { shape, interpreter in try Tensor.randn(shape, using: &interpreter.rng) },
        shapeBuiltin("rand", summary: "Uniform samples in [0, 1) from the session's generator.",
                     example: "rand(2, 2)") { shape, interpreter in try Tensor.rand(shape, using: &interpreter.rng) },
        Builtin("full", [.init("shape"), .init("value")], category: .creation,
                summary: "A tensor of the given shape filled with value.", example: "full([2, 2], 7)") { args, _ in
            let shape = try args.integers("shape")
            let value = try args.number("value")
            return .tensor(try args.sizing("shape") { try Tensor.full(shape, value) })
        },
        Builtin("arange", [.init("start"), .init("stop", .null), .init("step", .number(1))], category: .creation,
                summary: "Evenly spaced numbers from start (inclusive) to stop (exclusive), as NumPy's arange.",
                example: "arange(0, 1, 0.25)", shapes: "-> (n)") { args, _ in
            var (start, stop) = (try args.number("start"), try args.optionalNumber("stop"))
            if stop == nil { (start, stop) = (0, start) }
            let step = try args.number("step")
            return .tensor(try Tensor.arange(start, stop!, step))
        },
        Builtin("linspace", [.init("start"), .init("stop"), .init("num", .number(50))], category: .creation,
                summary: "num evenly spaced numbers from start to stop, both included.",
                example: "linspace(0, 1, 5)", shapes: "-> (num)") { args, _ in
            let count = try args.integer("num")
            let (start, stop) = (try args.number("start"), try args.number("stop"))
            return .tensor(try args.sizing("num") { try Tensor.linspace(start, stop, count: count) })
        },
        Builtin("eye", [.init("n")], category: .creation, summary: "The n x n identity matrix.", example: "eye(3)",
                shapes: "-> (n, n)") { args, _ in
            let n = try args.integer("n")
            return .tensor(try args.sizing("n") { try Tensor.eye(n) })
        },
        Builtin("uniform", [.init("shape", variadic: true), .init("low", .number(0)), .init("high", .number(1))],
                category: .creation, summary: "Uniform samples in [low, high) from the session's generator.",
                example: "uniform(2, 3, low=-1, high=1)", shapes: "uniform(d1, d2, ...) -> (d1, d2, ...)") { args, interpreter in
            let shape = try args.shape()
            return .tensor(try Tensor.uniform(shape, low: try args.number("low"), high: try args.number("high"), using: &interpreter.rng))
        },
        Builtin("normal", [.init("shape", variadic: true), .init("mean", .number(0)), .init("std", .number(1))],
                category: .creation, summary: "Normal samples with the given mean and standard deviation.",
                example: "normal(2, 3, mean=5, std=0.1)", shapes: "normal(d1, d2, ...) -> (d1, d2, ...)") { args, interpreter in
            let shape = try args.shape()
            return .tensor(try Tensor.normal(shape, mean: try args.number("mean"), std: try args.nonNegativeNumber("std"),
                                             using: &interpreter.rng))
        },
        Builtin("permutation", [.init("n")], category: .creation,
                summary: "The numbers 0 to n-1 in a random order (to shuffle rows: gather(x, permutation(len(x)))).",
                example: "permutation(5)", shapes: "-> (n)") { args, interpreter in
            let n = try args.integer("n", atLeast: 0)
            return .tensor(try args.sizing("n") { try Tensor.permutation(n, using: &interpreter.rng) })
        },
        Builtin("shuffle", [.init("x")], category: .creation, summary: "The rows of x in a random order.",
                example: "shuffle([[1, 2], [3, 4], [5, 6]])", shapes: "x (N, ...) -> (N, ...)") { args, interpreter in
            let x = try args.tensor("x")
            guard x.rank >= 1 else {
                throw LanguageError.runtime("shuffle: 'x' must have rows to shuffle, got \(args.value("x").aTypeName)"
                                            + " (for 0 to n-1 in a random order, use permutation(n))", args.range("x"))
            }
            return .tensor(x.shuffled(using: &interpreter.rng))
        },
        Builtin("tensor", [.init("data")], category: .creation,
                summary: "A tensor from a number, a list of numbers, a range, or a list of tensors of one shape (stacked).",
                example: "tensor([[1, 2], [3, 4]])") { args, _ in
            if case let .object(range as RangeObject) = args.value("data") {
                _ = try args.sizing("data") { try Tensor.checkedCount([range.count]) }  // made here, so checked here
                return .tensor(Tensor((0..<range.count).map(range.value(at:))))
            }
            return .tensor(try args.tensor("data").detached())
        },
    ]

    /// A builtin that takes a shape as `f(2, 3)` or `f([2, 3])` and makes a tensor of it.
    static func shapeBuiltin(_ name: String, summary: String, example: String,
                             _ make: @escaping @Sendable ([Int], Interpreter) throws -> Tensor) -> Builtin {
        Builtin(name, [.init("shape", variadic: true)], category: .creation, summary: summary, example: example,
                shapes: "\(name)(d1, d2, ...) -> (d1, d2, ...)") { args, interpreter in
            let shape = try args.shape()
            return .tensor(try make(shape, interpreter))
        }
    }
}
