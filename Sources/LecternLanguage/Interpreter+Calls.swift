import TensorEngine

/// Something other than a function that can be called: a model or a layer (`model(x)`).
public protocol CallableObject: LanguageObject {
    func call(_ arguments: [Value], _ range: SourceRange, _ interpreter: Interpreter) throws -> Value
}

extension Interpreter {
    /// `callee(arguments...)`.
    func call(_ callee: Expr, _ arguments: [Argument], _ range: SourceRange, in scope: Environment) throws(LanguageError) -> Value {
        if case let .attribute(base, "append") = callee.kind, let result = try append(base, arguments, range, in: scope) {
            return result
        }
        let function = try evaluate(callee, in: scope)
        if case let .name(name) = callee.kind, builtin(named: name.text) != nil, !Self.isCallable(function) {
            // `fn g(x, pad=0) { return pad(x, 1) }`: the parameter hides the builtin.
            throw .runtime("'\(name.text)' is \(function.aTypeName) here, not the builtin \(name.text): a variable or"
                           + " parameter of that name hides it (give it another name)", callee.range)
        }
        var positional: [(Value, SourceRange)] = [], keywords: [(String, Value, SourceRange)] = []
        for argument in arguments {
            let value = try evaluate(argument.value, in: scope)
            if let label = argument.label {
                keywords.append((label, value, argument.range))
            } else {
                positional.append((value, argument.value.range))
            }
        }
        return try call(function, positional, keywords, range)
    }

    /// Whether `value` can be called: a function, a model or a layer.
    static func isCallable(_ value: Value) -> Bool {
        switch value {
        case .function: true
        case let .object(object): object is any CallableObject
        default: false
        }
    }

    /// Calls a function value: a builtin, a user function or a callable object.
    public func call(_ function: Value, _ positional: [(Value, SourceRange)], _ keywords: [(String, Value, SourceRange)] = [],
                     _ range: SourceRange) throws(LanguageError) -> Value {
        // A host may call a function outside `run`, on another thread: guard that thread's
        // stack, and install the session's guard there, so the engine enforces its limits.
        if callDepth == 0 {
            if !computeGuard.isInstalled {
                return try computeGuard.installed { () throws(LanguageError) -> Value in
                    try call(function, positional, keywords, range)
                }
            }
            stackGuard = .current()
        }
        switch function {
        case let .function(f):
            switch f.body {
            case let .builtin(builtin):
                let arguments = try Arguments(builtin, positional: positional, keywords: keywords, callRange: range)
                let result: Value
                do { result = try builtin.body(arguments, self) } catch {
                    try checkStop(range)
                    throw LanguageError.wrapping(error, range)
                }
                try checkStop(range)
                if cancelsAfterCall {
                    cancelsAfterCall = false
                    computeGuard.cancel()
                }
                return result
            case let .user(literal, closure, source):
                return try callUser(literal, closure, source, positional, keywords, range)
            }
        case let .object(object as any CallableObject):
            guard keywords.isEmpty else {
                throw .runtime("\(withArticle(object.typeName)) takes no keyword arguments", keywords[0].2)
            }
            let result: Value
            do { result = try object.call(positional.map(\.0), range, self) } catch {
                try checkStop(range)
                throw LanguageError.wrapping(error, range)
            }
            try checkStop(range)
            return result
        default:
            throw .runtime("\(function.aTypeName) cannot be called; only functions and models can", range)
        }
    }

    /// Calls a user function: binds the arguments in a new scope inside the one the function
    /// was defined in, runs the body, and adds this call to the trace of any error.
    private func callUser(_ literal: FunctionLiteral, _ closure: Environment, _ source: Source,
                          _ positional: [(Value, SourceRange)], _ keywords: [(String, Value, SourceRange)],
                          _ range: SourceRange) throws(LanguageError) -> Value {
        let name = literal.name ?? "<anonymous>"
        callDepth += 1
        defer { callDepth -= 1 }
        guard callDepth <= limits.maxCallDepth else {
            throw LanguageError(.limit, "recursion too deep: more than \(limits.maxCallDepth) nested calls (in \(name))", range)
        }
        // A mismatch of the arguments, or a limit reached at the call, is an error at the call,
        // in the caller's source; only what runs inside the function (its defaults, its body)
        // is in the function's source.
        let scope = try bind(literal, name, positional, keywords, range, closure: closure)
        // A function made in the call that only the call's own variables hold would keep the
        // scope alive for ever (scope -> function -> scope): let both go.
        defer { scope.releaseIfOnlyItsClosuresHoldIt() }
        try step(range)
        let caller = currentSource
        currentSource = source
        defer { currentSource = caller }
        do {
            try bindDefaults(literal, in: scope)
            switch literal.body {
            case let .expression(expr):
                return try evaluate(expr, in: scope)
            case let .block(statements):
                switch try execute(statements, in: scope) {
                case let .returnValue(value): return value
                case .normal: return .none
                case .breakLoop, .continueLoop: return .none
                }
            }
        } catch {
            var traced = error
            if traced.source == nil { traced.source = source }
            traced.trace.append(CallFrame(name: name, range: range, source: caller))
            throw traced
        }
    }

    /// A new scope with the arguments bound to the parameters: positional arguments first,
    /// then keywords; every parameter without a default must be given.
    private func bind(_ literal: FunctionLiteral, _ name: String, _ positional: [(Value, SourceRange)],
                      _ keywords: [(String, Value, SourceRange)], _ range: SourceRange,
                      closure: Environment) throws(LanguageError) -> Environment {
        let parameters = literal.parameters
        let scope = Environment(parent: closure)
        if positional.count > parameters.count {
            throw .runtime("\(name) takes \(Wording.counted(parameters.count, "argument")), got \(positional.count)",
                           positional[parameters.count].1)
        }
        for (parameter, argument) in zip(parameters, positional) { scope.define(parameter.name, argument.0) }
        for (label, value, argumentRange) in keywords {
            guard let index = parameters.firstIndex(where: { $0.name.text == label }) else {
                let hint = Wording.didYouMean(label, in: parameters.map(\.name.text)) ?? ""
                throw .runtime("\(name) has no parameter '\(label)'\(hint)", argumentRange)
            }
            guard index >= positional.count else {
                throw .runtime("\(name): '\(label)' is already given by position", argumentRange)
            }
            scope.define(parameters[index].name, value)
        }
        for parameter in parameters where parameter.defaultValue == nil && scope.lookupLocal(parameter.name) == nil {
            throw .missingArgument(name, parameter.name.text, range)
        }
        return scope
    }

    /// The defaults of the parameters not given, evaluated in the new scope (so a default may
    /// use an earlier parameter).
    private func bindDefaults(_ literal: FunctionLiteral, in scope: Environment) throws(LanguageError) {
        for parameter in literal.parameters where scope.lookupLocal(parameter.name) == nil {
            if let fallback = parameter.defaultValue { scope.define(parameter.name, try evaluate(fallback, in: scope)) }
        }
    }
}

