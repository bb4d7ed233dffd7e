import TensorEngine

/// How a statement ended: normally, or by leaving a loop or a function early.
enum Flow {
    case normal
    case breakLoop
    case continueLoop
    case returnValue(Value)
}

extension Interpreter {
    /// A statement at the top of a program, where break, continue and return are errors (the
    /// parser reports them first; this keeps a tree built some other way from leaking a Flow).
    func executeTopLevel(_ statement: Stmt) throws(LanguageError) {
        switch try execute(statement, in: globals) {
        case .normal: return
        case .breakLoop: throw .outsideLoop("break", .runtime, statement.range)
        case .continueLoop: throw .outsideLoop("continue", .runtime, statement.range)
        case .returnValue: throw .runtime("'return' outside a function", statement.range)
        }
    }

    /// Executes statements in order until one leaves early.
    func execute(_ statements: [Stmt], in scope: Environment) throws(LanguageError) -> Flow {
        for statement in statements {
            let flow = try execute(statement, in: scope)
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }

    func execute(_ statement: Stmt, in scope: Environment) throws(LanguageError) -> Flow {
        try step(statement.range)
        switch statement.kind {
        case let .expression(expr):
            _ = try evaluate(expr, in: scope)
        case let .assign(target, expr):
            try assign(try evaluate(expr, in: scope), to: target, in: scope)
        case let .update(op, target, expr):
            var current: Value? = try evaluate(targetExpression(target), in: scope)
            let operand = try evaluate(expr, in: scope)
            if op == .plus, try appendInPlace(to: target, operand, current: &current, statement.range, in: scope) {
                // `l += [x]` on a list: appended in place.
            } else if let current, case let .tensor(parameter) = current, parameter.isTracked, parameter.isLeaf {
                // `w -= lr * w.grad` changes a param in place, as NumPy's `-=` changes an
                // array: the name keeps the same param, and no graph is recorded.
                let plainOperand = (operand.tensorValue ?? Tensor(0)).detached()
                let updated = try binary(op, .tensor(parameter.detached()), .tensor(plainOperand), statement.range)
                try engine(statement.range) { try parameter.assign(updated.tensorValue!) }
            } else if let current {
                try assign(try binary(op, current, operand, statement.range), to: target, in: scope)
            }
        case let .function(literal):
            scope.define(literal.name ?? "", .function(scope.makeClosure(literal, currentSource)))
        case let .if(condition, then, otherwise):
            if try truth(try evaluate(condition, in: scope), condition.range) {
                return try execute(then, in: scope)
            } else if let otherwise {
                return try execute(otherwise, in: scope)
            }
        case let .for(name, sequence, body):
            return try forLoop(name, try evaluate(sequence, in: scope), sequence.range, body, in: scope)
        case let .while(condition, body):
            while try truth(try evaluate(condition, in: scope), condition.range) {
                try step(statement.range)
                switch try execute(body, in: scope) {
                case .breakLoop: return .normal
                case .returnValue(let value): return .returnValue(value)
                case .normal, .continueLoop: continue
                }
            }
        case .break: return .breakLoop
        case .continue: return .continueLoop
        case let .return(expr):
            return .returnValue(try expr.map { expr throws(LanguageError) in try evaluate(expr, in: scope) } ?? .none)
        }
        return .normal
    }

    /// `for name in sequence { body }` over a range, a list, the rows of a tensor or the
    /// characters of a string.
    private func forLoop(_ name: Name, _ sequence: Value, _ range: SourceRange, _ body: [Stmt],
                         in scope: Environment) throws(LanguageError) -> Flow {
        let count = try iterationCount(sequence, range)
        for index in 0..<count {
            try step(range)
            scope.define(name, try element(of: sequence, at: index, range))
            switch try execute(body, in: scope) {
            case .breakLoop: return .normal
            case .returnValue(let value): return .returnValue(value)
            case .normal, .continueLoop: continue
            }
        }
        return .normal
    }

    /// How many items a `for` loop over `sequence` visits.
    func iterationCount(_ sequence: Value, _ range: SourceRange) throws(LanguageError) -> Int {
        switch sequence {
        case let .list(items): return items.count
        case let .string(text): return text.count
        case let .object(object as RangeObject): return object.count
        case let .tensor(t) where t.rank > 0: return t.shape[0]
        default:
            throw .runtime("cannot loop over \(sequence.aTypeName); use range(n), a list or a tensor", range)
        }
    }

    /// Item `index` of a sequence (`iterationCount` has checked the kind).
    func element(of sequence: Value, at index: Int, _ range: SourceRange) throws(LanguageError) -> Value {
        switch sequence {
        case let .list(items): return items[index]
        case let .string(text): return .string(String(text[text.index(text.startIndex, offsetBy: index)]))
        case let .object(object as RangeObject): return .number(object.value(at: index))
        default: return try subscriptValue(sequence, [.at(index, range)], range)
        }
    }

    /// Stores `value` into a name, an index or an attribute.
    func assign(_ value: Value, to target: Target, in scope: Environment) throws(LanguageError) {
        switch target {
        case let .name(name, _):
            // A variable may take a builtin's name; it then hides the builtin in this scope.
            scope.define(name, value)
        case let .index(base, subscripts, range):
            let container = try evaluate(base, in: scope)
            let indices = try evaluateSubscripts(subscripts, in: scope)
            let updated = try settingSubscript(container, indices, to: value, range)
            if case let .tensor(t) = container, t.isTracked { return }  // parameters change in place
            guard let baseTarget = Self.target(of: base) else {
                throw .runtime("cannot assign into this expression; assign to a variable's element, as in x[0] = 1", range)
            }
            try assign(updated, to: baseTarget, in: scope)
        case let .attribute(base, name, range):
            try setAttribute(try evaluate(base, in: scope), name, value, range)
        }
    }

    /// The expression a target reads from (for `x += 1`).
    func targetExpression(_ target: Target) -> Expr {
        switch target {
        case let .name(name, range): return Expr(kind: .name(name), range: range)
        case let .index(base, subscripts, range): return Expr(kind: .index(base, subscripts), range: range)
        case let .attribute(base, name, range): return Expr(kind: .attribute(base, name), range: range)
        }
    }

    /// The target an expression denotes, if it can be assigned to.
    static func target(of expr: Expr) -> Target? {
        switch expr.kind {
        case let .name(name): return .name(name, expr.range)
        case let .index(base, subscripts): return .index(base, subscripts, expr.range)
        case let .attribute(base, name): return .attribute(base, name, expr.range)
        default: return nil
        }
    }
}
