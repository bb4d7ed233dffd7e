/// The variables of one scope: the session's globals, or one call of a user function.
///
/// Scoping follows Python: a function call gets a fresh scope whose parent is the scope the
/// function was defined in (so closures see the variables around them); assigning inside a
/// function makes a local; blocks (if, for, while) do not open scopes.
public final class Environment {
    private(set) var values: [String: Value] = [:]
    let parent: Environment?

    public init(parent: Environment? = nil) {
        self.parent = parent
    }

    /// The value of `name` here or in an enclosing scope.
    public func lookup(_ name: String) -> Value? {
        if let value = values[name] { return value }
        return parent?.lookup(name)
    }

    /// Sets `name` in this scope.
    public func define(_ name: String, _ value: Value) {
        values[name] = value
    }

    /// Removes a variable from this scope.
    public func remove(_ name: String) {
        values[name] = nil
    }

    /// The names defined in this scope, sorted.
    public var names: [String] { values.keys.sorted() }

    /// Every name visible from here (this scope and the enclosing ones).
    var visibleNames: [String] { Array(Set(values.keys).union(parent?.visibleNames ?? [])) }
}
