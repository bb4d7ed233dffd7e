/// The variables of one scope: the session's globals, or one call of a user function.
///
/// Scoping follows Python: a function call gets a fresh scope whose parent is the scope the
/// function was defined in (so closures see the variables around them); assigning inside a
/// function makes a local; blocks (if, for, while) do not open scopes.
public final class Environment {
    var slots = SlotTable()
    let parent: Environment?
    /// The functions made in this call's scope or in scopes inside it, weakly (see
    /// `Environment+Cycles.swift`); empty for the globals.
    var closures: [WeakFunction] = []

    public init(parent: Environment? = nil) {
        self.parent = parent
    }

    /// Frees what this scope held without recursion when it may hold other scopes: a chain of
    /// 100,000 closures, each holding the scope that holds the next, would otherwise be freed
    /// 100,000 deinits deep and overflow the stack (see `Environment+Release.swift`).
    deinit {
        if slots.containsValue(where: \.mayHoldScope) { Environment.release(slots.takeValues()) }
    }

    /// The value of `name` here or in an enclosing scope.
    func lookup(_ name: Name) -> Value? {
        var scope: Environment? = self
        while let current = scope {
            if let value = current.slots[name.id] { return value }
            scope = current.parent
        }
        return nil
    }

    /// The scope (this or an enclosing one) where `name` is defined.
    func owner(of name: Name) -> Environment? {
        var scope: Environment? = self
        while let current = scope, current.slots[name.id] == nil { scope = current.parent }
        return scope
    }

    /// Sets `name` in this scope.
    func define(_ name: Name, _ value: Value) {
        slots[name.id] = value
    }

    /// The value of `name` in this scope only.
    func lookupLocal(_ name: Name) -> Value? { slots[name.id] }

    /// Removes `name` from this scope and returns its value, which then has one owner fewer
    /// (a list held only here can be grown in place, then defined again).
    func takeLocal(_ name: Name) -> Value? {
        let value = slots[name.id]
        slots[name.id] = nil
        return value
    }

    /// The value of `name` here or in an enclosing scope.
    public func lookup(_ name: String) -> Value? { lookup(Name(name)) }

    /// Sets `name` in this scope.
    public func define(_ name: String, _ value: Value) { define(Name(name), value) }

    /// Removes a variable from this scope.
    public func remove(_ name: String) { slots[Name(name).id] = nil }

    /// The names defined in this scope, sorted.
    public var names: [String] { slots.ids.map(Symbols.name).sorted() }

    /// Every name visible from here (this scope and the enclosing ones).
    var visibleNames: [String] { Array(Set(names).union(parent?.visibleNames ?? [])) }
}
