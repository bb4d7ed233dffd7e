import LecternLanguage

/// How loosely an expression binds, which decides whether it needs brackets as an operand
/// (`a < b < c` and `2 * not x` do not parse; `(a < b) < c` and `2 * (not x)` do).
enum Level: Int, Comparable {
    case atom, unary, arithmetic, comparison, not, logic, lambda

    static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
}

/// A generated expression and how loosely it binds.
struct Generated {
    let text: String
    let level: Level
}

extension ProgramGenerator {
    mutating func expression(depth: Int) -> Generated {
        if depth > maxDepth { return atom() }
        switch rng.int(0...23) {
        case 0...5: return atom()
        case 6...8:
            let op = rng.pick(["+", "-", "*", "/", "%", "**", "@", "+", "*"])
            return Generated(text: "\(operand(depth: depth + 1)) \(op) \(operand(depth: depth + 1))", level: .arithmetic)
        case 9: return Generated(text: condition(), level: .comparison)
        case 10:
            let op = rng.pick(["and", "or"])
            return Generated(text: "\(wrap(expression(depth: depth + 1), upTo: .logic)) \(op) "
                             + wrap(expression(depth: depth + 1), upTo: .logic), level: .logic)
        case 11: return Generated(text: "not \(wrap(expression(depth: depth + 1), upTo: .logic))", level: .not)
        case 12: return Generated(text: "\(rng.pick(["-", "+", "- -"]))\(operand(depth: depth + 1))", level: .unary)
        case 13...15: return call(depth: depth + 1)
        case 16: return userCall(depth: depth + 1)
        case 17: return Generated(text: "\(postfixBase(depth: depth + 1))[\(subscripts())]", level: .atom)
        case 18: return Generated(text: "\(postfixBase(depth: depth + 1)).\(rng.pick(Self.attributes))", level: .atom)
        case 19: return list(depth: depth + 1)
        case 20: return lambda(depth: depth + 1)
        case 21: return Generated(text: "(\(expression(depth: depth + 1).text))", level: .atom)
        default: return atom()
        }
    }

    static let attributes = ["shape", "T", "size", "rank", "length", "grad", "value", "requires_grad", "shap", "foo"]

    /// An expression that can stand beside an arithmetic operator.
    mutating func operand(depth: Int) -> String { wrap(expression(depth: depth), upTo: .arithmetic) }

    /// An expression that can be called, indexed or have an attribute read.
    mutating func postfixBase(depth: Int) -> String {
        if rng.chance(0.6) { return variable() }
        let base = expression(depth: depth)
        return base.level == .atom && !base.text.first!.isNumber ? base.text : "(\(base.text))"
    }

    func wrap(_ expr: Generated, upTo level: Level) -> String { expr.level <= level ? expr.text : "(\(expr.text))" }

    mutating func atom() -> Generated {
        switch rng.int(0...11) {
        case 0...2: return Generated(text: variable(), level: .atom)
        case 3...4:
            let number = rng.chance(0.9) ? String(rng.int(-2...6)) : rng.pick(Samples.numbers)
            return Generated(text: number, level: number.hasPrefix("-") ? .unary : .atom)
        case 5: return Generated(text: rng.pick(Samples.strings), level: .atom)
        case 6: return Generated(text: rng.pick(["true", "false", "none", "print", "len", "relu"]), level: .atom)
        case 7...9:
            return Generated(text: rng.pick([
                "zeros(\(dims()))", "ones(\(dims()))", "randn(\(dims()))", "rand(\(dims()))", "arange(\(rng.int(-1...8)))",
                "eye(\(rng.int(0...3)))", "[1, 2, 3]", "[[1, 2], [3, 4]]", rng.chance(0.2) ? "[[1], [2, 3]]" : "[2, 1]",
                "range(\(rng.int(0...5)))",
                "param(randn(\(dims())))", "linspace(0, 1, \(rng.int(0...5)))",
            ]), level: .atom)
        default: return Generated(text: "\(rng.int(0...9))", level: .atom)
        }
    }

    /// A small shape: mostly one to three sizes from 0 to 4, sometimes a bad one.
    mutating func dims() -> String {
        if rng.chance(0.1) { return rng.pick(["", "-1", "2.5", "[2, 3]", "\"a\"", "1000, 1000"]) }
        return (0..<rng.int(1...3)).map { _ in String(rng.int(0...4)) }.joined(separator: ", ")
    }

    mutating func subscripts() -> String {
        let one = { (g: inout ProgramGenerator) -> String in
            g.rng.pick(["0", "1", "-1", "2", "1:3", ":2", "::-1", "::2", "-2:", ":", "none", "1.5", "\"a\"", "0:0",
                        "5", "::0", String(g.rng.int(-3...3)), g.operand(depth: g.maxDepth)])
        }
        return (0..<rng.int(1...3)).map { _ in one(&self) }.joined(separator: ", ")
    }

    /// A call of a builtin, its arguments given by position or keyword, sometimes wrongly.
    mutating func call(depth: Int) -> Generated {
        let builtin = rng.pick(Builtins.all)
        var arguments: [String] = [], keywords = false
        for parameter in builtin.parameters {
            if parameter.isVariadic {
                for _ in 0..<rng.int(0...3) where !keywords { arguments.append(argument(for: parameter.name, depth: depth)) }
                continue
            }
            // Required parameters mostly given, optional ones mostly left out.
            let roll = rng.int(0...9) + (parameter.defaultValue == nil ? 0 : 3)
            if roll < 7 && !keywords {
                arguments.append(argument(for: parameter.name, depth: depth))
            } else if roll < 9 {
                arguments.append("\(parameter.name)=\(argument(for: parameter.name, depth: depth))")
                keywords = true
            }
        }
        if rng.chance(0.03) { arguments.append(keywords ? rng.pick(["extra=2", "axis=0"]) : rng.pick(["1", "extra=2"])) }
        return Generated(text: "\(builtin.name)(\(arguments.joined(separator: ", ")))", level: .atom)
    }

    /// An argument for a parameter: mostly of the kind its name suggests, sometimes anything.
    mutating func argument(for parameter: String, depth: Int) -> String {
        if rng.chance(0.15) { return expression(depth: depth).text }
        switch parameter {
        case "shape": return rng.chance(0.7) ? String(rng.int(0...4)) : "[\(dims())]"
        case "axis": return rng.pick(["0", "1", "-1", "[0, 1]", "none", "2"])
        case "keepdims", "accumulate": return rng.pick(["true", "false"])
        case "n", "num": return String(rng.int(0...5))
        case "start", "stop", "step", "value": return rng.pick(["0", "1", "2", "5", "-1", "0.5", "-2"])
        case "sep", "end": return rng.pick(Samples.strings)
        case "values": return expression(depth: depth).text
        case "loss": return rng.pick(["sum(w * w)", "mean(w)", "sum(relu(w @ w))", variable()])
        default: return tensor(depth: depth)
        }
    }

    /// An expression that is probably a tensor (or a number).
    mutating func tensor(depth: Int) -> String {
        switch rng.int(0...5) {
        case 0: return variable()
        case 1: return "\(rng.pick(["zeros", "ones", "randn", "rand"]))(\(dims()))"
        case 2: return rng.pick(["[1, 2, 3]", "[[1, 2], [3, 4]]", "[0.5, -1]", "arange(6)", "eye(2)", "w", "randn(2, 2)"])
        case 3: return "\(operand(depth: depth)) \(rng.pick(["+", "*", "-"])) \(rng.pick(["1", "x", "randn(2, 2)"]))"
        default: return expression(depth: depth).text
        }
    }

    mutating func userCall(depth: Int) -> Generated {
        guard let function = functions.isEmpty ? nil : rng.pick(functions) else { return call(depth: depth) }
        let count = Swift.max(0, function.arity + rng.pick([0, 0, 0, -1, 1]))
        var arguments = (0..<count).map { _ in expression(depth: depth).text }
        if count > 0, rng.chance(0.2) { arguments[count - 1] = "p\(count - 1)=" + arguments[count - 1] }
        return Generated(text: "\(function.name)(\(arguments.joined(separator: ", ")))", level: .atom)
    }

    mutating func arguments(count: Int) -> String {
        var parts = (0..<count).map { _ in expression(depth: 1).text }
        if rng.chance(0.2) { parts.append(rng.pick(["sep=\", \"", "end=\"!\\n\"", "sep=1"])) }
        return parts.joined(separator: ", ")
    }

    mutating func list(depth: Int) -> Generated {
        let elements = (0..<rng.int(0...4)).map { _ in expression(depth: depth).text }
        return Generated(text: "[\(elements.joined(separator: ", "))]", level: .atom)
    }

    mutating func lambda(depth: Int) -> Generated {
        let body = expression(depth: depth).text
        return Generated(text: rng.pick(["fn(a) = \(body)", "fn(a, b=2) = a * b + (\(body))", "fn() { return \(body) }"]),
                         level: .lambda)
    }
}
