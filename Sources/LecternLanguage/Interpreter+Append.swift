/// `l.append(x)`: the one method of lists. Lists are values (`m = l` copies), so `append`
/// changes the variable (or element, or attribute) it is called on, as `l = l + [x]` would,
/// but with `x` added as one item even when it is a list or a tensor. Inside a function,
/// `l.append(x)` on a variable of the enclosing scope changes that variable, as in Python. A tensor of rank ≥ 1
/// (what `[1, 2]` makes) becomes the list of its items first, as `t + [x]` does.
extension Interpreter {
    /// The result of `base.append(...)` (none), or nil when `base` is not a list or a tensor,
    /// and the call is an ordinary attribute call.
    func append(_ base: Expr, _ arguments: [Argument], _ range: SourceRange,
                in scope: Environment) throws(LanguageError) -> Value? {
        var container: Value? = try evaluate(base, in: scope)
        switch container {
        case .list?: break
        case .tensor(let t)? where t.rank > 0: break
        case .tensor?:
            throw .runtime("\(container!.aTypeName) of shape \(container!.tensorValue!.shape) has no append;"
                           + " append adds to a list, as in l = [] then l.append(x)", range)
        default:
            return nil
        }
        guard arguments.count == 1, arguments[0].label == nil else {
            throw .runtime("append takes one value: l.append(x)", range)
        }
        guard let target = Self.target(of: base) else {
            throw .runtime("append changes a variable: call it on one, as in l.append(x), not on a computed list", base.range)
        }
        let value = try evaluate(arguments[0].value, in: scope)
        let owner = if case let .name(name, _) = target { scope.owner(of: name) ?? scope } else { scope }
        if case let .name(name, _) = target, try appendInPlace([value], to: name, in: owner, read: &container, range) {
            return Value.none
        }
        var items = try listItems(container!, range) ?? []
        try checkLength(items.count + 1, "a list of", "items", range)
        items.append(value)
        try assign(try list(items, range), to: target, in: owner)
        return Value.none
    }

    /// `l += x` for a list `l`: x's items (x a list, or a tensor of rank ≥ 1) appended in place
    /// when `l` is a variable of this scope (as `l = l + x` would, but without copying `l`).
    /// False when it does not apply, and `l = l + x` is done as usual with `current`.
    func appendInPlace(to target: Target, _ operand: Value, current: inout Value?, _ range: SourceRange,
                       in scope: Environment) throws(LanguageError) -> Bool {
        guard case let .name(name, _) = target, case .list? = current, let added = try listItems(operand, range) else {
            return false
        }
        return try appendInPlace(added, to: name, in: scope, read: &current, range)
    }

    /// Appends `added` to the list variable `name` of `scope` without copying it, when the
    /// variable still holds `read` (the list read before `added` was evaluated, which an
    /// argument such as `f()` could have changed); clears `read` then. Lists are values: the
    /// list is taken out of the scope, so that its only other owners are other variables
    /// holding the same list (`m = l`), which then keep theirs, as copying would leave them.
    func appendInPlace(_ added: [Value], to name: Name, in scope: Environment, read: inout Value?,
                       _ range: SourceRange) throws(LanguageError) -> Bool {
        guard let count = read?.listStorage?.count, let stored = scope.lookupLocal(name)?.listStorage,
              stored == read?.listStorage else { return false }
        try checkLength(count + added.count, "a list of", "items", range)
        read = nil
        guard case .list(var items)? = scope.takeLocal(name) else { preconditionFailure("the variable held a list just now") }
        items.append(contentsOf: added)
        scope.define(name, .list(items))
        return true
    }

    /// The items `+` joins to a list: a list's, or a tensor's of rank ≥ 1; nil for anything else.
    func listItems(_ value: Value, _ range: SourceRange) throws(LanguageError) -> [Value]? {
        switch value {
        case let .list(items): return items
        case let .tensor(t) where t.rank > 0: return try items(of: value, range)
        default: return nil
        }
    }
}

extension Value {
    /// Where a list's items are stored and how many there are: equal for two values exactly
    /// when they share one list; nil when not a list.
    var listStorage: ListStorage? {
        guard case let .list(items) = self else { return nil }
        return items.withUnsafeBufferPointer { ListStorage(address: $0.baseAddress.map(UnsafeRawPointer.init), count: $0.count) }
    }

    struct ListStorage: Equatable {
        let address: UnsafeRawPointer?
        let count: Int
    }
}
