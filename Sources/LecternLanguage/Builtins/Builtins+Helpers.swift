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

    /// Refuses a result of `shape` beyond the interpreter's tensor-size limit before anything
    /// is allocated (a result too large for memory would otherwise end the process). nil: the
    /// shape is not known because the arguments are wrong, which the operation reports.
    static func checkResult(_ shape: [Int]?, _ interpreter: Interpreter, _ range: SourceRange) throws {
        if let shape { try interpreter.checkSize(shape, range) }
    }

    /// The shape `shapes` broadcast to, or nil when they do not broadcast.
    static func broadcastShape(_ shapes: [[Int]]) -> [Int]? {
        var result: [Int] = []
        for shape in shapes {
            guard let next = try? Shape.broadcast(result, shape, op: "") else { return nil }
            result = next
        }
        return result
    }

    /// The shape of `a @ b` by NumPy's rules, or nil when they cannot be multiplied.
    static func productShape(_ a: [Int], _ b: [Int]) -> [Int]? {
        guard !a.isEmpty, !b.isEmpty, let batch = broadcastShape([Array(a.dropLast(2)), Array(b.dropLast(2))]) else { return nil }
        return batch + (a.count >= 2 ? [a[a.count - 2]] : []) + (b.count >= 2 ? [b[b.count - 1]] : [])
    }

    /// a + b, or Int.max when that overflows (the size check then refuses it).
    static func saturatingSum(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }

    /// a · b for sizes, or Int.max when that overflows.
    static func saturatingProduct(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? Int.max : product
    }
}
