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
        let container = try evaluate(base, in: scope)
        var items: [Value]
        switch container {
        case let .list(list): items = list
        case let .tensor(t) where t.rank > 0:
            items = []
            for index in 0..<t.shape[0] { items.append(try element(of: container, at: index, range)) }
        case .tensor, .variable:
            throw .runtime("\(container.aTypeName) of shape \(container.tensorValue!.shape) has no append;"
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
        try checkLength(items.count + 1, "a list of", "items", range)
        items.append(try evaluate(arguments[0].value, in: scope))
        let owner = if case let .name(name, _) = target { scope.owner(of: name) ?? scope } else { scope }
        try assign(try list(items, range), to: target, in: owner)
        return Value.none
    }
}
