import TensorEngine

extension Builtins {
    static let layers: [Builtin] = [
        Builtin("Linear", [.init("inputs"), .init("outputs"), .init("init", .string("he")), .init("std", .null)], category: .layers,
                summary: "A fully connected layer y = x @ W + b, W (inputs, outputs) drawn by init, b zero. " + initHelp + " (fan_in = inputs).",
                example: "Linear(2, 100)", shapes: "x (N, inputs) -> (N, outputs)") { args, interpreter in
            let (inputs, outputs) = (try args.integer("inputs", atLeast: 1), try args.integer("outputs", atLeast: 1))
            let initializer = try Builtins.initializer(args)
            return layer(try Linear(inputs, outputs, initializer: initializer, using: &interpreter.rng))
        },
        Builtin("Conv2d", [.init("in_channels"), .init("out_channels"), .init("size"), .init("stride", .number(1)),
                           .init("pad", .number(0)), .init("dilation", .number(1)), .init("bias", .bool(true)),
                           .init("init", .string("he")), .init("std", .null)],
                category: .layers,
                summary: "A convolution layer: out_channels filters of size x size over in_channels, taps dilation apart. "
                    + initHelp + " (fan_in = in_channels * size * size).",
                example: "Conv2d(3, 6, 5)",
                shapes: "x (N, C, H, W) -> (N, out_channels, (H + 2*pad - dilation*(size-1) - 1) / stride + 1, ...)") { args, interpreter in
            let (inputs, outputs) = (try args.integer("in_channels", atLeast: 1), try args.integer("out_channels", atLeast: 1))
            let size = try args.integer("size", atLeast: 1)
            let (stride, pad) = (try args.integer("stride", atLeast: 1), try args.integer("pad", atLeast: 0))
            let (bias, initializer) = (try args.bool("bias"), try Builtins.initializer(args))
            let dilation = try args.integer("dilation", atLeast: 1)
            return layer(try Conv2d(inputs, outputs, size, stride: stride, padding: pad, dilation: dilation, bias: bias,
                                    initializer: initializer, using: &interpreter.rng))
        },
        Builtin("MaxPool2d", [.init("size"), .init("stride", .null), .init("pad", .number(0))], category: .layers,
                summary: "Max pooling as a layer (stride defaults to size).", example: "MaxPool2d(2)",
                shapes: "x (N, C, H, W) -> (N, C, H / size, W / size) at the default stride") { args, _ in
            let (size, stride, pad) = try poolingSizes(args)
            return layer(try MaxPool2d(size, stride: stride, padding: pad))
        },
        Builtin("AvgPool2d", [.init("size"), .init("stride", .null), .init("pad", .number(0))], category: .layers,
                summary: "Average pooling as a layer (stride defaults to size).", example: "AvgPool2d(2)",
                shapes: "x (N, C, H, W) -> (N, C, H / size, W / size) at the default stride") { args, _ in
            let (size, stride, pad) = try poolingSizes(args)
            return layer(try AvgPool2d(size, stride: stride, padding: pad))
        },
        Builtin("Flatten", [], category: .layers, summary: "Each example flattened to one row, before a Linear layer.",
                example: "Flatten()", shapes: "x (N, C, H, W) -> (N, C*H*W)") { _, _ in layer(Flatten()) },
        Builtin("ReLU", [], category: .layers, summary: "max(x, 0) as a layer.", example: "ReLU()") { _, _ in layer(ReLU()) },
        Builtin("LeakyReLU", [.init("slope", .number(0.01))], category: .layers, summary: "leaky_relu as a layer.",
                example: "LeakyReLU(0.1)") { args, _ in layer(LeakyReLU(slope: try args.number("slope"))) },
        Builtin("Tanh", [], category: .layers, summary: "tanh as a layer.", example: "Tanh()") { _, _ in layer(Tanh()) },
        Builtin("Sigmoid", [], category: .layers, summary: "sigmoid as a layer.", example: "Sigmoid()") { _, _ in layer(Sigmoid()) },
        Builtin("BatchNorm1d", [.init("features"), .init("momentum", .number(0.1)), .init("eps", .number(1e-5))],
                category: .layers,
                summary: "Batch normalisation of each feature: batch statistics in training, running ones in eval.",
                example: "BatchNorm1d(100)", shapes: "x (N, features) -> same shape") { args, _ in
            let (features, momentum, eps) = try batchNormSizes(args, "features")
            return layer(try args.sizing("features") { try BatchNorm1d(features, momentum: momentum, eps: eps) })
        },
        Builtin("BatchNorm2d", [.init("channels"), .init("momentum", .number(0.1)), .init("eps", .number(1e-5))],
                category: .layers,
                summary: "Batch normalisation of each channel over (N, H, W): batch statistics in training, running in eval.",
                example: "BatchNorm2d(6)", shapes: "x (N, channels, H, W) -> same shape") { args, _ in
            let (channels, momentum, eps) = try batchNormSizes(args, "channels")
            return layer(try args.sizing("channels") { try BatchNorm2d(channels, momentum: momentum, eps: eps) })
        },
        Builtin("Dropout", [.init("p", .number(0.5)), .init("seed", .number(0))], category: .layers,
                summary: "Inverted dropout: in training, zeroes each value with probability p and scales the rest by 1/(1-p).",
                example: "Dropout(0.5)") { args, _ in
            let p = try args.number("p", "must be a probability from 0 to 1") { (0...1).contains($0) }
            return layer(try Dropout(p, seed: UInt64(try args.integer("seed", atLeast: 0))))
        },
        Builtin("Sequential", [.init("layers", variadic: true)], category: .layers,
                summary: "Layers applied in order: a model.", example: "Sequential(Linear(2, 100), ReLU(), Linear(100, 3))") { args, _ in
            try checked(Sequential(try args.restValues.flatMap { value in try layerList(value, args) }), args)
        },
        Builtin("Residual", [.init("layer")], category: .layers,
                summary: "A skip connection around any layer or Sequential: y = x + layer(x), shapes equal.",
                example: "Residual(Sequential(Linear(4, 4), ReLU()))", shapes: "x (any) -> x's shape") { args, _ in
            guard case let .object(object as LayerObject) = args.value("layer") else {
                throw args.wrongType("layer", expected: "a layer or Sequential")
            }
            return try checked(Residual(object.layer), args)
        },
        Builtin("ResidualBlock", [.init("in_channels"), .init("out_channels"), .init("stride", .number(1))], category: .layers,
                summary: "Two 3x3 convolutions with batch norm and a shortcut: relu(f(x) + x).",
                example: "ResidualBlock(8, 16, stride=2)",
                shapes: "x (N, in, H, W) -> (N, out, H / stride, W / stride)") { args, interpreter in
            let (inputs, outputs) = (try args.integer("in_channels", atLeast: 1), try args.integer("out_channels", atLeast: 1))
            let stride = try args.integer("stride", atLeast: 1)
            return layer(try ResidualBlock(inputs, outputs, stride: stride, using: &interpreter.rng))
        },
        modelFunction("train", summary: "Puts a model in training mode (batch statistics, dropout on).") { $0.train() },
        modelFunction("eval", summary: "Puts a model in evaluation mode (running statistics, no dropout).") { $0.eval() },
        modelFunction("freeze", summary: "Stops training a model's parameters (for transfer learning); a frozen batch norm keeps its running statistics.") { $0.freeze() },
        modelFunction("unfreeze", summary: "Lets a frozen model's parameters train again.") { $0.unfreeze() },
        Builtin("parameters", [.init("model")], category: .layers, summary: "The parameters of a model, as a list.",
                example: "parameters(Linear(2, 3))") { args, _ in
            .list(try model(args).parameters.map(Value.tensor))
        },
        Builtin("count_params", [.init("model"), .init("trainable", .bool(false))], category: .layers,
                summary: "The number of numbers in a model's parameters (only those not frozen, with trainable=true).",
                example: "count_params(Conv2d(3, 6, 5))") { args, _ in
            let parameters = try model(args).parameters, trainable = try args.bool("trainable")
            return .number(Double(parameters.filter { $0.requiresGrad || !trainable }.reduce(0) { $0 + $1.count }))
        },
    ]

    static func layer(_ layer: any Layer) -> Value { .object(LayerObject(layer)) }

    /// A model made of layers, once `LayerNesting` allows it.
    static func checked(_ model: any Layer, _ args: Arguments) throws -> Value {
        try LayerNesting.check(model, args.callRange)
        return layer(model)
    }

    /// Batch norm's size (at least 1), momentum (from 0 to 1) and eps (positive).
    static func batchNormSizes(_ args: Arguments, _ name: String) throws -> (Int, Double, Double) {
        let size = try args.integer(name, atLeast: 1)
        let momentum = try args.number("momentum", Wording.fromZeroToOne) { (0...1).contains($0) }
        return (size, momentum, try args.positiveNumber("eps"))
    }

    /// The layer in the argument `model`.
    static func model(_ args: Arguments, _ name: String = "model") throws -> any Layer {
        guard case let .object(object as LayerObject) = args.value(name) else { throw args.wrongType(name, expected: "a model or layer") }
        return object.layer
    }

    /// Layers given one by one or as a list.
    static func layerList(_ value: Value, _ args: Arguments) throws -> [any Layer] {
        switch value {
        case let .object(object as LayerObject): return [object.layer]
        case let .list(items): return try items.flatMap { try layerList($0, args) }
        default: throw LanguageError.runtime("Sequential takes layers, got \(value.aTypeName)", args.callRange)
        }
    }

    /// What each `init` draws, for `help(Linear)` and `help(Conv2d)`.
    static let initHelp = "init: \"he\" (default) N(0, 1) * sqrt(2 / fan_in); \"xavier\" N(0, 1) * sqrt(1 / fan_in); "
        + "\"normal\" N(0, 1) * std (std=0.01 is 0.01 * randn); \"small\" 0.01 * N(0, 1); a number c: every weight c"

    /// `init="he"`, `"xavier"`, `"normal"` (with `std`), `"small"`, or a number for constant weights.
    static func initializer(_ args: Arguments) throws -> Initializer {
        let std = try args.isNone("std") ? nil : args.positiveNumber("std")
        var isNormal = false
        if case .string("normal") = args.value("init") { isNormal = true }
        if std != nil, !isNormal {
            throw LanguageError.runtime("'std' is the spread of init=\"normal\"; give init=\"normal\" with it", args.range("std"))
        }
        switch args.value("init") {
        case let .number(value): return .constant(value)
        case let .string(name):
            let all: [Initializer] = [.he, .xavier, .normal(std: std ?? 1), .small]
            if let found = all.first(where: { $0.name == name }) { return found }
            let hint = Wording.didYouMean(name, in: all.map(\.name)) ?? ""
            throw LanguageError.runtime("unknown init '\(name)' (use \"he\", \"xavier\", \"normal\", \"small\" or a number)\(hint)",
                                        args.range("init"))
        default:
            throw args.wrongType("init", expected: "\"he\", \"xavier\", \"normal\", \"small\" or a number")
        }
    }

    /// A builtin that does something to a model and returns it.
    static func modelFunction(_ name: String, summary: String, _ body: @escaping @Sendable (any Layer) -> Void) -> Builtin {
        Builtin(name, [.init("model")], category: .layers, summary: summary, example: "\(name)(Linear(2, 3))") { args, _ in
            body(try model(args))
            return args.value("model")
        }
    }
}
