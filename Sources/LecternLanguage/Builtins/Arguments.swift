import TensorEngine

/// The arguments of one call of a builtin, bound to its parameters, with typed accessors that
/// report a wrong argument at the argument's own place in the text.
public struct Arguments {
    let builtin: Builtin
    /// The value of each parameter (nil for an optional one that was not given, and whose
    /// default is none), and where it came from.
    private var values: [String: (value: Value, range: SourceRange)] = [:]
    /// The extra positional arguments of the variadic parameter.
    private(set) var rest: [(value: Value, range: SourceRange)] = []
    /// The keyword arguments a keyword-collecting parameter took, in order.
    private(set) var restKeywords: [(name: String, value: Value, range: SourceRange)] = []
    /// The whole call, for errors about the call as a whole.
    public let callRange: SourceRange

    /// Binds positional and keyword arguments to `builtin`'s parameters.
    /// - Throws: on too many arguments, an unknown keyword (suggesting the nearest), an
    ///   argument given twice, or a missing required one.
    init(_ builtin: Builtin, positional: [(Value, SourceRange)], keywords: [(String, Value, SourceRange)],
         callRange: SourceRange) throws(LanguageError) {
        self.builtin = builtin
        self.callRange = callRange
        var index = 0
        for (value, range) in positional {
            guard index < builtin.parameters.count else {
                throw .runtime("\(builtin.name) takes at most \(builtin.parameters.count) arguments: \(builtin.signature)", range)
            }
            let parameter = builtin.parameters[index]
            if parameter.collectsKeywords {
                throw .runtime("\(builtin.name) takes only name=value arguments: \(builtin.signature)", range)
            }
            if parameter.isVariadic { rest.append((value, range)); continue }
            values[parameter.name] = (value, range)
            index += 1
        }
        let collectsKeywords = builtin.parameters.contains(where: \.collectsKeywords)
        for (name, value, range) in keywords {
            if collectsKeywords && !builtin.parameters.contains(where: { $0.name == name && !$0.isVariadic }) {
                guard !restKeywords.contains(where: { $0.name == name }) else {
                    throw .runtime("\(builtin.name): '\(name)' is given twice", range)
                }
                restKeywords.append((name, value, range))
                continue
            }
            guard builtin.parameters.contains(where: { $0.name == name && !$0.isVariadic }) else {
                let names = builtin.parameters.filter { !$0.isVariadic }.map(\.name)
                let hint = Wording.didYouMean(name, in: names)
                    ?? " (it takes \(builtin.signature))"
                throw .runtime("\(builtin.name) has no argument '\(name)'\(hint)", range)
            }
            guard values[name] == nil else { throw .runtime("\(builtin.name): argument '\(name)' is given twice", range) }
            values[name] = (value, range)
        }
        for parameter in builtin.parameters where values[parameter.name] == nil && !parameter.isVariadic {
            if let fallback = parameter.defaultValue {
                values[parameter.name] = (fallback.value, callRange)
            } else {
                throw .missingArgument(builtin.name, parameter.name, signature: builtin.signature, callRange)
            }
        }
    }

    /// The raw value of a parameter (none if it was not given and has no default).
    public func value(_ name: String) -> Value { values[name]?.value ?? .none }

    /// Where a parameter's argument is in the text (the call, for defaults).
    public func range(_ name: String) -> SourceRange { values[name]?.range ?? callRange }

    /// Runs `body`, which makes a tensor whose size argument `name` gives directly (`eye(n)`):
    /// a tensor the engine refuses for the element limit is reported at that argument.
    /// Every other error passes through, to be reported at the call.
    func sizing<T>(_ name: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as TensorError {
            guard case .overElementLimit = error else { throw error }
            throw LanguageError.wrapping(error, range(name))
        }
    }

    /// Whether the parameter is none (not given, or given as none).
    public func isNone(_ name: String) -> Bool { if case .none = value(name) { true } else { false } }

    /// The error for a parameter whose argument is not of the right kind.
    public func wrongType(_ name: String, expected: String) -> LanguageError {
        let got = if case .none = value(name) { "none" } else { "\(value(name).aTypeName)" }
        return .runtime("\(builtin.name): '\(name)' must be \(expected), got \(got)", range(name))
    }

    /// A number (or a one-element tensor).
    public func number(_ name: String) throws(LanguageError) -> Double {
        switch value(name) {
        case let .number(x): return x
        case let .bool(b): return b ? 1 : 0
        case let other:
            guard let t = other.tensorValue, t.count == 1 else { throw wrongType(name, expected: "a number") }
            return t.scalars[0]
        }
    }

    /// A whole number.
    public func integer(_ name: String) throws(LanguageError) -> Int {
        let x = try number(name)
        switch WholeNumber.problem(x) {
        case nil: return Int(x)
        case .notWhole:
            throw .notWholeNumber("\(builtin.name): '\(name)'", got: formatNumber(x), range(name))
        case .tooLarge:
            throw .runtime("\(builtin.name): '\(name)' is too large: \(formatNumber(x)) (at most \(WholeNumber.limitText))",
                           range(name))
        }
    }

    /// A number, or nil when none.
    public func optionalNumber(_ name: String) throws(LanguageError) -> Double? {
        isNone(name) ? nil : try number(name)
    }

    /// A whole number, or nil when none.
    public func optionalInteger(_ name: String) throws(LanguageError) -> Int? {
        isNone(name) ? nil : try integer(name)
    }

    public func bool(_ name: String) throws(LanguageError) -> Bool {
        guard case let .bool(b) = value(name) else { throw wrongType(name, expected: "true or false") }
        return b
    }

    public func string(_ name: String) throws(LanguageError) -> String {
        guard case let .string(s) = value(name) else { throw wrongType(name, expected: "a string") }
        return s
    }

    /// A tensor (a number becomes a rank-0 tensor), in its graph if it is in one.
    public func tensor(_ name: String) throws(LanguageError) -> Tensor {
        if case let .list(items) = value(name) { return try tensorFromList(items, range(name)) }
        guard let t = value(name).tensorValue else { throw wrongType(name, expected: "a tensor") }
        return t
    }

    /// A tensor or none.
    public func optionalTensor(_ name: String) throws(LanguageError) -> Tensor? {
        isNone(name) ? nil : try tensor(name)
    }

    /// A list of whole numbers: axes, a shape.
    public func integers(_ name: String) throws(LanguageError) -> [Int] {
        switch value(name) {
        case let .list(items):
            return try items.map { item throws(LanguageError) in try wholeNumber(item, name) }
        case .number:
            return [try integer(name)]
        case let other:
            guard let t = other.tensorValue, t.rank <= 1 else { throw wrongType(name, expected: "a list of whole numbers") }
            return try t.scalars.map { x throws(LanguageError) in try wholeNumber(.number(x), name) }
        }
    }

    /// A shape given either as the variadic arguments (`zeros(2, 3)`) or as one list
    /// (`zeros([2, 3])`, `zeros(x.shape)`).
    public func shape() throws(LanguageError) -> [Int] {
        if rest.count == 1, case let .list(items) = rest[0].value {
            return try items.map { item throws(LanguageError) in try wholeNumber(item, "shape", rest[0].range) }
        }
        // `[2, 3]` is a tensor (a list literal of numbers), and so is `tensor(x.shape)`.
        if rest.count == 1, case let .tensor(t) = rest[0].value, t.rank == 1 {
            return try t.scalars.map { x throws(LanguageError) in try wholeNumber(.number(x), "shape", rest[0].range) }
        }
        return try rest.map { item throws(LanguageError) in try wholeNumber(item.value, "shape", item.range) }
    }

    private func wholeNumber(_ value: Value, _ name: String, _ at: SourceRange? = nil) throws(LanguageError) -> Int {
        guard case let .number(x) = value else {
            throw .notWholeNumbers("\(builtin.name): '\(name)'", got: describe(value), at ?? range(name))
        }
        switch WholeNumber.problem(x) {
        case nil: return Int(x)
        case .notWhole:
            throw .notWholeNumbers("\(builtin.name): '\(name)'", got: formatNumber(x), at ?? range(name))
        case .tooLarge:
            throw .holdsTooLarge("\(builtin.name): '\(name)'", x, at ?? range(name))
        }
    }

    /// The extra positional arguments as values.
    public var restValues: [Value] { rest.map(\.value) }
}

/// A list of numbers, or of tensors of one shape, as one tensor (`tensor([x, y])` stacks).
func tensorFromList(_ items: [Value], _ range: SourceRange) throws(LanguageError) -> Tensor {
    var rows: [Tensor] = []
    for item in items {
        switch item {
        case let .list(inner): rows.append(try tensorFromList(inner, range))
        case let .bool(b): rows.append(try engine(range) { try Tensor(shape: [], booleans: [b]) })
        default:
            guard let t = item.tensorValue else {
                throw .runtime("a list holding \(item.aTypeName) cannot become a tensor", range)
            }
            rows.append(t)
        }
    }
    if rows.isEmpty { return Tensor([Double]()) }
    let stacked = try engine(range) { try Tensor.stack(rows) }
    // All true/false (at every depth): a mask, as np.array([True, False]) is boolean.
    guard rows.allSatisfy(\.isBoolean) else { return stacked }
    return try engine(range) { try stacked.asBoolean() }
}

/// A short description of a value for messages: `1.5`, `"text"`, `a list`.
func describe(_ value: Value) -> String {
    switch value {
    case let .number(x): formatNumber(x)
    case let .string(s): "\"\(s)\""
    case let .bool(b): b ? "true" : "false"
    case .none: "none"
    default: "\(value.aTypeName)"
    }
}
