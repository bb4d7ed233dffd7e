import TensorEngine

extension Interpreter {
    /// The value of an expression at the top level of the session.
    func evaluate(_ expr: Expr) throws(LanguageError) -> Value {
        try evaluate(expr, in: globals)
    }

    func evaluate(_ expr: Expr, in scope: Environment) throws(LanguageError) -> Value {
        if stackGuard.isNearlyFull { throw stackNearlyFull(expr.range) }
        switch expr.kind {
        case let .number(value): return .number(value)
        case let .string(text): return .string(text)
        case let .bool(value): return .bool(value)
        case .none: return .none
        case let .name(name): return try lookup(name, expr.range, in: scope)
        case let .list(elements): return try listLiteral(elements, expr.range, in: scope)
        case let .negate(operand): return try negate(try evaluate(operand, in: scope), expr.range)
        case let .not(operand): return .bool(!(try truth(try evaluate(operand, in: scope), operand.range)))
        case let .binary(op, left, right):
            return try binary(op, try evaluate(left, in: scope), try evaluate(right, in: scope), expr.range)
        case let .logical(isAnd, left, right):
            let first = try truth(try evaluate(left, in: scope), left.range)
            if isAnd != first { return .bool(first) }
            return .bool(try truth(try evaluate(right, in: scope), right.range))
        case let .call(callee, arguments):
            return try call(callee, arguments, expr.range, in: scope)
        case let .index(base, subscripts):
            let container = try evaluate(base, in: scope)
            return try subscriptValue(container, try evaluateSubscripts(subscripts, in: scope), expr.range)
        case let .attribute(base, name):
            return try attribute(try evaluate(base, in: scope), name, expr.range)
        case let .function(literal):
            return .function(scope.makeClosure(literal, currentSource))
        }
    }

    /// A variable, or else a builtin; an unknown name suggests the nearest known one.
    func lookup(_ name: Name, _ range: SourceRange, in scope: Environment) throws(LanguageError) -> Value {
        if let value = scope.lookup(name) { return value }
        if let builtin = builtinsByName[name.text] { return .function(Function(.builtin(builtin))) }
        var message = "'\(name.text)' is not defined"
        // Of the keywords, only those that are values: `f` should not suggest 'fn', but `True` 'true'.
        let candidates = scope.visibleNames + builtinNames + ["true", "false", "none"]
        if let hint = Wording.didYouMean(name.text, in: candidates) { message += hint }
        throw .runtime(message, range)
    }

    /// `[...]`: a tensor when every element is a number, or when every element is a nested
    /// list literal that became a tensor (all of one shape); otherwise a list of values.
    private func listLiteral(_ elements: [Expr], _ range: SourceRange, in scope: Environment) throws(LanguageError) -> Value {
        var values: [Value] = []
        values.reserveCapacity(elements.count)
        for element in elements { values.append(try evaluate(element, in: scope)) }
        guard !values.isEmpty else { return .list([]) }
        var numbers: [Double] = []
        numbers.reserveCapacity(values.count)
        for value in values {
            guard case let .number(x) = value else { break }
            numbers.append(x)
        }
        if numbers.count == values.count { return .tensor(Tensor(numbers)) }
        let nested = elements.allSatisfy { if case .list = $0.kind { true } else { false } }
        guard nested else { return try list(values, range) }
        var rows: [Tensor] = []
        for (value, element) in zip(values, elements) {
            guard case let .tensor(row) = value else { return try list(values, range) }
            if let first = rows.first, first.shape != row.shape {
                throw .runtime("rows of a tensor must have the same shape: row 0 has shape \(first.shape),"
                               + " row \(rows.count) has \(row.shape)", element.range)
            }
            rows.append(row)
        }
        return .tensor(try engine(range) { try Tensor.stack(rows) })
    }

    /// A list of `items`, refused when it would nest lists more than `maxListNesting` deep.
    func list(_ items: [Value], _ range: SourceRange) throws(LanguageError) -> Value {
        let value = Value.list(items)
        guard value.listNesting(upTo: Self.maxListNesting) <= Self.maxListNesting else {
            throw LanguageError(.limit, "lists nested more than \(Self.maxListNesting) deep (lists inside lists inside ...)", range)
        }
        return value
    }

    /// Whether a value counts as true in `if`, `while`, `and`, `or` and `not`.
    func truth(_ value: Value, _ range: SourceRange) throws(LanguageError) -> Bool {
        switch value {
        case let .bool(b): return b
        case let .number(x): return x != 0
        case .none: return false
        case let .string(s): return !s.isEmpty
        case let .list(items): return !items.isEmpty
        case let .tensor(t):
            guard t.count == 1 else {
                throw .runtime("the truth of a tensor with \(t.count) elements is ambiguous; use any(t) or all(t)", range)
            }
            return t.scalars[0] != 0
        case .record, .function, .object: return true
        }
    }

    /// The subscripts of `x[...]`, evaluated.
    func evaluateSubscripts(_ subscripts: [Subscript], in scope: Environment) throws(LanguageError) -> [IndexValue] {
        var result: [IndexValue] = []
        for item in subscripts {
            switch item {
            case let .index(expr):
                let value = try evaluate(expr, in: scope)
                if case .none = value { result.append(.newAxis); continue }
                if let array = try indexTensor(value, expr.range) { result.append(.array(array, expr.range)); continue }
                result.append(.at(try integer(value, "an index", expr.range), expr.range))
            case let .slice(start, stop, step, range):
                func bound(_ expr: Expr?) throws(LanguageError) -> Int? {
                    guard let expr else { return nil }
                    let value = try evaluate(expr, in: scope)
                    if case .none = value { return nil }
                    return try integer(value, "a slice bound", expr.range)
                }
                result.append(.slice(try bound(start), try bound(stop), try bound(step), range))
            }
        }
        return result
    }

    /// The tensor of an index that selects by a tensor: a tensor of rank 1 or more, a list
    /// or a range (NumPy's index arrays). Nil for anything else, numbers and rank-0 tensors
    /// included (they index one position). Whether it is a mask or positions is the tensor's
    /// `isBoolean`: comparisons and lists of true/false make masks.
    private func indexTensor(_ value: Value, _ range: SourceRange) throws(LanguageError) -> Tensor? {
        switch value {
        case let .tensor(t) where t.rank > 0: return t
        case let .list(items): return try tensorFromList(items, range)
        case let .object(r as RangeObject):
            _ = try engine(range) { try Tensor.checkedCount([r.count]) }  // made here, so checked here
            return Tensor((0..<r.count).map(r.value(at:)))
        default: return nil
        }
    }

    /// A whole number from a value, or an error naming `what` it was for.
    func integer(_ value: Value, _ what: String, _ range: SourceRange) throws(LanguageError) -> Int {
        let number: Double
        switch value {
        case let .number(x): number = x
        case let .bool(b): number = b ? 1 : 0
        case let .tensor(t):
            guard t.count == 1 else {
                throw .notWholeNumber(what, got: value.aTypeName, range)
            }
            number = t.scalars[0]
        default:
            throw .notWholeNumber(what, got: value.aTypeName, range)
        }
        switch WholeNumber.problem(number) {
        case nil: return Int(number)
        case .notWhole: throw .notWholeNumber(what, got: formatNumber(number), range)
        // Every use is an index or a slice bound: a number this large is past any list's end.
        case .tooLarge: throw .runtime("\(what) of \(formatNumber(number)) is out of range", range)
        }
    }
}

/// An evaluated subscript entry, with where it came from.
enum IndexValue {
    case at(Int, SourceRange)
    case slice(Int?, Int?, Int?, SourceRange)
    case newAxis
    /// A mask (a boolean tensor) or a tensor of positions.
    case array(Tensor, SourceRange)

    var engineIndex: TensorIndex {
        switch self {
        case let .at(i, _): .at(i)
        case let .slice(start, stop, step, _): .range(start: start, stop: stop, step: step)
        case .newAxis: .newAxis
        case let .array(t, _): t.isBoolean ? .mask(t) : .indices(t)
        }
    }
}
