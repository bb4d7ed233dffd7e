#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TensorEngine

/// The operators on values: numbers with numbers give numbers; anything with a tensor gives a
/// tensor (NumPy broadcasting), one that tracks gradients when the engine records the
/// operation (arithmetic, `**` and `@` on a tensor that requires a gradient); strings and
/// lists join with `+`.
extension Interpreter {
    func binary(_ op: BinaryOperator, _ a: Value, _ b: Value, _ range: SourceRange) throws(LanguageError) -> Value {
        switch (a, b) {
        case let (.number(x), .number(y)):
            return try numberOperation(op, x, y, range)
        case let (.string(x), .string(y)) where op == .plus:
            try checkLength(x.utf8.count + y.utf8.count, "a string of", "bytes", range)
            return .string(x + y)
        case let (.list(x), .list(y)) where op == .plus:
            try checkLength(x.count + y.count, "a list of", "items", range)
            return .list(x + y)
        // `history + [loss]`: a list literal of numbers is a tensor, but joined to a list it
        // joins as the list of its items (numbers, or rows), as it would in Python.
        case let (.list(x), .tensor(t)) where op == .plus && t.rank > 0:
            try checkLength(x.count + t.shape[0], "a list of", "items", range)
            return .list(x + (try items(of: b, range)))
        case let (.tensor(t), .list(y)) where op == .plus && t.rank > 0:
            try checkLength(t.shape[0] + y.count, "a list of", "items", range)
            return .list((try items(of: a, range)) + y)
        default:
            break
        }
        if op == .equal || op == .notEqual, let same = plainEquality(a, b) {
            return .bool(op == .equal ? same : !same)
        }
        guard let x = a.tensorValue, let y = b.tensorValue else {
            throw .runtime("cannot apply '\(op.rawValue)' to \(a.aTypeName) and \(b.aTypeName)", range)
        }
        if op.isComparison, x.rank == 0, y.rank == 0 {
            // One number against another, even inside tensors: a bool, as `3 > 2` gives.
            return .bool(try tensorOperation(op, x, y, range).scalars[0] != 0)
        }
        return .tensor(try tensorOperation(op, x, y, range))
    }

    private func numberOperation(_ op: BinaryOperator, _ x: Double, _ y: Double, _ range: SourceRange) throws(LanguageError) -> Value {
        switch op {
        case .plus: return .number(x + y)
        case .minus: return .number(x - y)
        case .times: return .number(x * y)
        case .divide: return .number(x / y)
        case .power: return .number(y == 2 ? x * x : pow(x, y))
        case .modulo: return .number(floorModulo(x, y))
        case .floorDivide: return .number(floorDivide(x, y))
        case .equal: return .bool(x == y)
        case .notEqual: return .bool(x != y)
        case .less: return .bool(x < y)
        case .lessEqual: return .bool(x <= y)
        case .greater: return .bool(x > y)
        case .greaterEqual: return .bool(x >= y)
        case .matmul: throw .runtime("'@' multiplies matrices; for numbers use '*'", range)
        }
    }

    /// The engine's operation for `op`. Comparisons, `%` and `//` give plain tensors: they are
    /// not differentiable (a step function's gradient is zero almost everywhere), so no
    /// gradient flows through them; the others record a graph when an operand requires a
    /// gradient.
    private func tensorOperation(_ op: BinaryOperator, _ x: Tensor, _ y: Tensor, _ range: SourceRange) throws(LanguageError) -> Tensor {
        try engine(range) {
            switch op {
            case .plus: try x + y
            case .minus: try x - y
            case .times: try x * y
            case .divide: try x / y
            case .power: try Tensor.pow(x, y)
            case .modulo: try Tensor.zip(x, y, op: "%", floorModulo)
            case .floorDivide: try Tensor.zip(x, y, op: "//", floorDivide)
            case .matmul: try Tensor.matmul(x, y)
            case .equal: try Tensor.equal(x, y)
            case .notEqual: try Tensor.notEqual(x, y)
            case .less: try Tensor.less(x, y)
            case .lessEqual: try Tensor.lessEqual(x, y)
            case .greater: try Tensor.greater(x, y)
            case .greaterEqual: try Tensor.greaterEqual(x, y)
            }
        }
    }

    /// The items of a tensor as a loop sees them: numbers for a vector, rows otherwise.
    func items(of tensor: Value, _ range: SourceRange) throws(LanguageError) -> [Value] {
        var items: [Value] = []
        for index in 0..<(try iterationCount(tensor, range)) { items.append(try element(of: tensor, at: index, range)) }
        return items
    }

    /// `-x`.
    func negate(_ value: Value, _ range: SourceRange) throws(LanguageError) -> Value {
        switch value {
        case let .number(x): return .number(-x)
        case let .tensor(t): return .tensor(-t)
        default: throw .runtime("cannot negate \(value.aTypeName)", range)
        }
    }

    /// Equality of values that are not tensors (none, bools, strings, lists...); nil when
    /// the comparison is a tensor comparison instead.
    func plainEquality(_ a: Value, _ b: Value) -> Bool? {
        switch (a, b) {
        case (.none, .none): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.list(x), .list(y)):
            guard x.count == y.count else { return false }
            for (p, q) in zip(x, y) {
                guard let same = plainEquality(p, q) else {
                    guard let s = p.tensorValue, let t = q.tensorValue else { return false }
                    if s != t { return false }
                    continue
                }
                if !same { return false }
            }
            return true
        // `x.shape == [2, 3]`: a list against a list literal of numbers (a tensor of one axis)
        // compares as a whole, as a NumPy user's `x.shape == (2, 3)` does.
        case let (.list(x), .tensor(t)), let (.tensor(t), .list(x)):
            guard t.rank == 1, t.count == x.count else { return false }
            for (item, scalar) in zip(x, t.scalars) {
                guard case let .number(n) = item, n == scalar else { return false }
            }
            return true
        case let (.function(f), .function(g)): return f.isSame(as: g)
        case let (.object(o), .object(p)): return o === p
        case (.number, _), (.tensor, _):
            return b.tensorValue == nil ? false : nil
        default:
            return a.tensorValue == nil ? false : nil
        }
    }
}

/// NumPy's `//` (`np.floor_divide`, ported from `npy_divmod`): floor(x / y), computed from
/// the remainder so that `x == (x // y) * y + x % y`: `-7 // 2` is -4, `7 // -2` is -4,
/// `7.5 // 2` is 3, `0.3 // 0.1` is 2. By zero it gives x / y (`inf`, `-inf`, or `nan` for
/// 0 // 0); `inf // 2` is `nan`.
func floorDivide(_ x: Double, _ y: Double) -> Double {
    guard y != 0 else { return x / y }
    let remainder = x.truncatingRemainder(dividingBy: y)
    var quotient = (x - remainder) / y
    if remainder != 0 && (remainder < 0) != (y < 0) { quotient -= 1 }
    guard quotient != 0 else { return Double(signOf: x / y, magnitudeOf: 0) }
    // x - remainder is a multiple of y, but the division may land just off a whole number.
    let whole = quotient.rounded(.down)
    return quotient - whole > 0.5 ? whole + 1 : whole
}

/// Python's `%`: the remainder with the sign of the divisor, x − floor(x / y)·y.
func floorModulo(_ x: Double, _ y: Double) -> Double {
    let r = x.truncatingRemainder(dividingBy: y)
    return r != 0 && (r < 0) != (y < 0) ? r + y : r
}
