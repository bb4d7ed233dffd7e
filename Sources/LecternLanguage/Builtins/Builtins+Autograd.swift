import TensorEngine

extension Builtins {
    static let autograd: [Builtin] = [
        Builtin("param", [.init("x")], category: .autograd,
                summary: "A copy of x that tracks gradients: after backward(loss), its .grad holds dloss/dx.",
                example: "w = param(randn(2, 3) * 0.01)") { args, _ in
            .tensor(Tensor(try args.tensor("x"), requiresGrad: true))
        },
        Builtin("backward", [.init("loss"), .init("accumulate", .bool(false))], category: .autograd,
                summary: "Fills .grad of every param the loss depends on (replacing old gradients unless accumulate=true).",
                example: "backward(sum(w * w))") { args, _ in
            guard case let .tensor(loss) = args.value("loss"), loss.isTracked else {
                throw LanguageError.runtime("backward: the loss does not depend on any param, so it has no gradient;"
                                            + " make the weights with param(...)", args.range("loss"))
            }
            // The engine's own message offers a seed gradient, which the language has no way to pass.
            guard loss.count == 1 else {
                throw LanguageError.runtime("backward: the loss must be one number, but it has shape \(loss.shape);"
                                            + " reduce it first, e.g. with sum(...) or mean(...)", args.range("loss"))
            }
            try loss.backward(accumulate: try args.bool("accumulate"))
            return .none
        },
        Builtin("detach", [.init("x")], category: .autograd,
                summary: "The value of x as plain data, cut from the graph: no gradient flows through it.",
                example: "detach(w * 2)") { args, _ in plain(try args.tensor("x").detached()) },
        Builtin("gradcheck", [.init("f"), .init("inputs", variadic: true), .init("step", .number(1e-6))], category: .autograd,
                summary: "The largest relative error between f's backward pass and central differences (below 1e-7: right).",
                example: "gradcheck(fn(a) = sum(a * a), randn(3))") { args, interpreter in
            let (f, inputs, step) = (try callable(args, "f"), try gradcheckInputs(args), try args.positiveNumber("step"))
            var first = true
            // The random upstream gradient g has a generator of its own, seeded apart from the
            // seeds people type (0, 1, 42): with seed 0, g for `gradcheck(f, randn(8, 3))` at
            // seed 0 would be the input itself, and a batch norm's gradient for such a g is 0.
            let result = try gradcheck(inputs, step: step, seed: 0x6772_6164) { tensors in
                let output = try interpreter.call(f, tensors.map { (Value.tensor($0), args.callRange) }, [], args.callRange)
                if first { try checkGradcheckOutput(output, args) }
                first = false
                return output.tensorValue ?? Tensor(0)
            }
            return .number(result.maxRelativeError)
        },
        Builtin("zero_grad", [.init("x")], category: .autograd,
                summary: "Clears the gradient of a param, a list of params, a model or an optimizer's params.",
                example: "zero_grad(w)") { args, _ in
            for v in try parameters(args, "x") { v.zeroGrad() }
            return .none
        },
    ]

    /// The parameters in argument `name`: one param, a list of them, or a model's (or an
    /// optimizer's).
    static func parameters(_ args: Arguments, _ name: String) throws -> [Tensor] {
        let value = args.value(name)
        if let found = parameters(in: value) { return found }
        guard case let .list(items) = value, let bad = items.first(where: { parameters(in: $0) == nil }) else {
            throw args.wrongType(name, expected: "a param, a list of params or a model")
        }
        throw LanguageError.runtime("\(args.builtin.name): '\(name)' must be a param, a list of params or a model,"
                                    + " got a list holding \(bad.aTypeName)", args.range(name))
    }

    /// The parameters a value holds, or nil when it holds something else.
    static func parameters(in value: Value) -> [Tensor]? {
        switch value {
        case let .tensor(t) where t.isTracked: return [t]
        case let .object(object as LayerObject): return object.layer.parameters
        case let .object(object as OptimizerObject): return object.optimizer.parameters
        case let .list(items):
            var all: [Tensor] = []
            for item in items {
                guard let found = parameters(in: item) else { return nil }
                all += found
            }
            return all
        default: return nil
        }
    }

    /// A function or a model: something `interpreter.call` can call.
    static func callable(_ args: Arguments, _ name: String) throws -> Value {
        switch args.value(name) {
        case .function: return args.value(name)
        case let .object(object) where object is any CallableObject: return args.value(name)
        default: throw args.wrongType(name, expected: "a function")
        }
    }

    /// gradcheck's input tensors, each checked at its place in the call.
    static func gradcheckInputs(_ args: Arguments) throws -> [Tensor] {
        guard !args.rest.isEmpty else {
            throw LanguageError.runtime("gradcheck needs at least one input tensor after f: \(args.builtin.signature)", args.callRange)
        }
        return try args.rest.map { value, range in
            guard let t = value.tensorValue else {
                throw LanguageError.runtime("gradcheck: the inputs must be tensors, got \(value.aTypeName)", range)
            }
            return t
        }
    }

    /// Refuses an output of f that is not a tensor, or that does not depend on the inputs
    /// (the engine would only say that nothing requires a gradient).
    static func checkGradcheckOutput(_ output: Value, _ args: Arguments) throws {
        guard output.tensorValue != nil else {
            throw LanguageError.runtime("gradcheck: f must return a tensor computed from its inputs, got \(output.aTypeName)",
                                        args.callRange)
        }
        guard case let .tensor(v) = output, v.requiresGrad else {
            throw LanguageError.runtime("gradcheck: the result of f does not depend on its inputs, so there is no gradient to check",
                                        args.callRange)
        }
    }
}
