import TensorEngine

extension Builtins {
    static let general: [Builtin] = [
        Builtin("print", [.init("values", variadic: true), .init("sep", .string(" ")), .init("end", .string("\n")),
                          .init("precision", .null)],
                category: .general, summary: "Writes values as text, separated by spaces, then a newline; tensors with"
                    + " `precision` decimals at most (default: the session's, see precision).",
                example: "print(\"loss\", 0.25)") { args, interpreter in
            var options = interpreter.printOptions
            if let digits = try args.optionalInteger("precision") {
                try Interpreter.checkPrecision(digits, "print", args.range("precision"))
                options.precision = digits
            }
            let text = args.restValues.map { $0.text(options) }.joined(separator: try args.string("sep")) + (try args.string("end"))
            try interpreter.emit(text, args.callRange)
            return .none
        },
        Builtin("range", [.init("start"), .init("stop", .null), .init("step", .number(1))],
                category: .general, summary: "The numbers start, start+step, ... before stop; range(n) is 0 to n-1.",
                example: "for i in range(3) { print(i) }") { args, _ in
            var (start, stop) = (try args.number("start"), try args.optionalNumber("stop"))
            if stop == nil { (start, stop) = (0, start) }
            let step = try args.number("step")
            guard step != 0 else { throw LanguageError.runtime("range: step must not be 0", args.range("step")) }
            guard start.isFinite, stop!.isFinite, step.isFinite else {
                throw LanguageError.runtime("range: start, stop and step must be finite numbers, got"
                                            + " \(formatNumber(start)), \(formatNumber(stop!)) and \(formatNumber(step))", args.callRange)
            }
            let count = try RangeObject.items(start: start, stop: stop!, step: step, args.callRange)
            return .object(RangeObject(start: start, stop: stop!, step: step, count: count))
        },
        Builtin("len", [.init("x")], category: .general,
                summary: "The number of items of a list or string, or the first dimension of a tensor.",
                example: "len([1, 2, 3])") { args, interpreter in
            let value = args.value("x")
            if case .number = value { throw args.wrongType("x", expected: "a list, string, range or tensor") }
            if value.tensorValue?.rank == 0 { throw LanguageError.runtime("len: a scalar has no length", args.range("x")) }
            return .number(Double(try interpreter.iterationCount(value, args.range("x"))))
        },
        Builtin("shape", [.init("x")], category: .general, summary: "The shape of a tensor as a list, like x.shape.",
                example: "shape(zeros(2, 3))") { args, _ in
            .list(try args.tensor("x").shape.map { .number(Double($0)) })
        },
        Builtin("seed", [.init("n")], category: .general,
                summary: "Restarts the random number generator from seed n: the same seed gives the same numbers.",
                example: "seed(42)") { args, interpreter in
            let n = try args.integer("n")
            guard n >= 0 else { throw LanguageError.runtime("seed: n \(Wording.notNegative), got \(n)", args.range("n")) }
            interpreter.rng = RandomGenerator(seed: UInt64(n))
            return .none
        },
        Builtin("help", [.init("name", .null)], category: .general,
                summary: "Prints the signature, summary, shapes and example of a builtin (or lists them all).",
                example: "help(\"conv2d\")") { args, interpreter in
            let text: String
            switch args.value("name") {
            case .none:
                text = Builtin.Category.allCases.compactMap { category in
                    let names = interpreter.builtins.filter { $0.category == category }.map(\.name)
                    return names.isEmpty ? nil : "\(category.rawValue): " + names.joined(separator: ", ")
                }.joined(separator: "\n")
            case let .function(f):
                guard case let .builtin(builtin) = f.body else { text = "\(f.name) is a user function"; break }
                text = Reference.help(builtin)
            case let .string(name):
                guard let builtin = interpreter.builtin(named: name) else {
                    let hint = Wording.didYouMean(name, in: interpreter.builtinNames) ?? ""
                    throw LanguageError.runtime("help: there is no builtin '\(name)'\(hint)", args.range("name"))
                }
                text = Reference.help(builtin)
            default:
                throw args.wrongType("name", expected: "a builtin or its name")
            }
            try interpreter.emit(text + "\n", args.callRange)
            return .none
        },
        Builtin("type", [.init("x")], category: .general, summary: "The name of a value's type.",
                example: "type([1, 2])") { args, _ in .string(args.value("x").typeName) },
    ]
}
