import TensorEngine

extension Builtins {
    /// A plain tensor as a value: a rank-0 result is a number (as NumPy gives a scalar).
    static func plain(_ t: Tensor) -> Value {
        t.rank == 0 ? .number(t.scalars[0]) : .tensor(t)
    }

    /// The gradient-tracking path when any of `names` is a tensor that tracks gradients,
    /// else the plain path: one builtin serves both, so `relu(x)` works on data and in a
    /// network alike.
    static func either(_ args: Arguments, _ names: [String], tensor: () throws -> Tensor,
                       variable: () throws -> Variable) throws -> Value {
        let tracked = names.contains { if case .variable = args.value($0) { true } else { false } }
        return tracked ? .variable(try variable()) : plain(try tensor())
    }

    /// Axes given as none (all), a number or a list.
    static func axes(_ args: Arguments, _ name: String = "axis") throws -> [Int]? {
        args.isNone(name) ? nil : try args.integers(name)
    }

    /// A list of tensors (for concat and stack): a list value, each item a tensor.
    static func tensors(_ args: Arguments, _ name: String) throws -> [Value] {
        guard case let .list(items) = args.value(name) else { throw args.wrongType(name, expected: "a list of tensors") }
        for item in items where item.tensorValue == nil {
            throw LanguageError.runtime("\(args.builtin.name): '\(name)' must hold tensors, got a \(item.typeName)", args.range(name))
        }
        return items
    }
}
