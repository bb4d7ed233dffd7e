import TensorEngine

extension Builtins {
    /// A tensor result as a value: a plain rank-0 result is a number (as NumPy gives a
    /// scalar); a tensor in a graph stays a tensor, so that a loss can still be
    /// differentiated. The engine decides which: an operation on a tensor that requires a
    /// gradient returns one in the graph, so `relu(x)` works on data and in a network alike.
    static func plain(_ t: Tensor) -> Value {
        t.rank == 0 && !t.isTracked ? .number(t.scalars[0]) : .tensor(t)
    }

    /// Axes given as none (all), a number or a list.
    static func axes(_ args: Arguments, _ name: String = "axis") throws -> [Int]? {
        args.isNone(name) ? nil : try args.integers(name)
    }

    /// A list of tensors (for concat and stack): a list value, each item a tensor.
    static func tensors(_ args: Arguments, _ name: String) throws -> [Value] {
        guard case let .list(items) = args.value(name) else { throw args.wrongType(name, expected: "a list of tensors") }
        for item in items where item.tensorValue == nil {
            throw LanguageError.runtime("\(args.builtin.name): '\(name)' must hold tensors, got \(item.aTypeName)", args.range(name))
        }
        return items
    }
}
