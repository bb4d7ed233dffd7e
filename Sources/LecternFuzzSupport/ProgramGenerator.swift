import LecternLanguage

/// Random well-formed programs: statements and expressions drawn from the grammar with
/// bounded depth, names that are mostly defined, builtins called with random (often wrong)
/// arguments. Most parse; many fail at run time (a shape mismatch, a wrong argument), which
/// is the point: every failure must be a `LanguageError`, never a crash.
public struct ProgramGenerator {
    var rng: FuzzRandom
    /// Variables assigned so far (the generator does not track scopes exactly; a name used
    /// out of its scope is just a runtime error).
    var variables: [String] = ["x", "w"]
    /// User functions defined so far, with their number of parameters.
    var functions: [(name: String, arity: Int)] = []
    var lines: [String] = []
    var indent = 0
    var loops = 0, inFunction = false
    let maxDepth: Int

    public init(_ rng: FuzzRandom, maxDepth: Int = 3) {
        self.rng = rng
        self.maxDepth = maxDepth
    }

    /// One program as text.
    public static func text(seed: UInt64, index: Int) -> String {
        cells(seed: seed, index: index).joined(separator: "\n")
    }

    /// One program as the cells of a REPL session: one top-level statement each.
    public static func cells(seed: UInt64, index: Int) -> [String] {
        var generator = ProgramGenerator(FuzzRandom(seed: seed, index: index, stream: 2))
        return generator.cells()
    }

    public mutating func program() -> String { cells().joined(separator: "\n") }

    public mutating func cells() -> [String] {
        var cells = ["x = \(rng.pick(["1", "[1, 2, 3]", "zeros(2, 3)", "\"text\"", "[[1, 2], [3, 4]]"]))", "w = param(randn(2, 2))"]
        for _ in 0..<rng.int(1...8) {
            lines = []
            statement(depth: 0)
            cells.append(lines.joined(separator: "\n"))
        }
        return cells
    }

    // MARK: Statements

    mutating func emit(_ line: String) {
        lines.append(String(repeating: "  ", count: indent) + line)
    }

    mutating func statement(depth: Int) {
        let nested = depth < maxDepth
        switch rng.int(0...19) {
        case 0...4: assignment(depth: depth)
        case 5: emit("\(variable()) \(rng.pick(["+=", "-=", "*=", "/="])) \(expression(depth: 1).text)")
        case 6: emit("\(variable())[\(subscripts())] = \(expression(depth: 1).text)")
        case 7...8: emit("print(\(arguments(count: rng.int(0...3))))")
        case 9: emit(call(depth: 1).text)
        case 10 where nested: ifStatement(depth: depth)
        case 11 where nested: forStatement(depth: depth)
        case 12 where nested: whileStatement(depth: depth)
        case 13 where nested && !inFunction: functionDeclaration(depth: depth)
        case 14 where loops > 0: emit(rng.pick(["break", "continue"]))
        case 15 where inFunction: emit(rng.chance(0.8) ? "return \(expression(depth: 1).text)" : "return")
        case 16: emit(rng.pick(["seed(\(rng.int(0...3)))", "w = param(randn(2, 2))", "backward(sum(w * w))",
                                "zero_grad(w)", "print(w.grad)", "x.requires_grad = true"]))
        default: assignment(depth: depth)
        }
    }

    mutating func assignment(depth: Int) {
        let name = rng.chance(0.6) || variables.isEmpty ? newName() : variable()
        let value = expression(depth: depth > 1 ? 2 : 0).text
        emit("\(name) = \(value)")
        if !variables.contains(name) { variables.append(name) }
    }

    mutating func block(depth: Int, _ header: String) {
        emit(header + " {")
        indent += 1
        for _ in 0..<rng.int(1...3) { statement(depth: depth + 1) }
        indent -= 1
        emit("}")
    }

    mutating func ifStatement(depth: Int) {
        emit("if \(condition()) {")
        indent += 1
        for _ in 0..<rng.int(1...3) { statement(depth: depth + 1) }
        indent -= 1
        var elses = rng.int(0...2)
        while elses > 0 {
            let last = elses == 1 && rng.chance(0.5)
            emit(last ? "} else {" : "} else if \(condition()) {")
            indent += 1
            statement(depth: depth + 1)
            indent -= 1
            elses -= 1
        }
        emit("}")
    }

    mutating func forStatement(depth: Int) {
        let sequence = rng.pick([
            "range(\(rng.int(0...6)))", "range(\(rng.int(-3...3)), \(rng.int(-3...8)), \(rng.pick(["1", "2", "-1", "0.5"])))",
            "[1, \"a\", none]", "\"héllo\"", "zeros(3, 2)", variable(), "[[1, 2], [3, 4]]", expression(depth: 2).text,
        ])
        let name = newName()
        variables.append(name)
        loops += 1
        block(depth: depth, "for \(name) in \(sequence)")
        loops -= 1
    }

    mutating func whileStatement(depth: Int) {
        loops += 1
        if rng.chance(0.8) {
            // Bounded: a counter.
            let counter = "c\(rng.int(0...3))"
            emit("\(counter) = 0")
            variables.append(counter)
            emit("while \(counter) < \(rng.int(0...5)) {")
            indent += 1
            emit("\(counter) += 1")
            for _ in 0..<rng.int(1...2) { statement(depth: depth + 1) }
            indent -= 1
            emit("}")
        } else {
            // Any condition: may run until the step limit.
            block(depth: depth, "while \(condition())")
        }
        loops -= 1
    }

    mutating func functionDeclaration(depth: Int) {
        let name = rng.pick(["f", "g", "h", "step", "grad", "fact"])
        let arity = rng.int(0...3)
        var parameters = (0..<arity).map { "p\($0)" }
        if arity > 0, rng.chance(0.4) { parameters[arity - 1] += " = \(rng.int(0...3))" }
        functions.append((name, arity))  // before the body: it may call itself
        let saved = (variables, loops)
        variables += parameters.map { String($0.prefix(2)) }
        inFunction = true
        loops = 0
        if rng.chance(0.4) {
            emit("fn \(name)(\(parameters.joined(separator: ", "))) = \(expression(depth: 1).text)")
        } else {
            block(depth: depth, "fn \(name)(\(parameters.joined(separator: ", ")))")
        }
        inFunction = false
        (variables, loops) = saved
    }

    /// A condition: mostly one number compared with another (a tensor of several elements
    /// has no truth value), sometimes anything.
    mutating func condition() -> String {
        let comparison = rng.pick(["<", "<=", ">", ">=", "==", "!="])
        switch rng.int(0...9) {
        case 0...3: return "\(rng.pick(["sum", "mean", "len"]))(\(variable())) \(comparison) \(rng.int(-2...4))"
        case 4...5: return "\(variable()) \(rng.pick(["==", "!="])) \(rng.pick(["none", "0", "\"a\"", "true"]))"
        case 6...7: return "\(operand(depth: 2)) \(comparison) \(operand(depth: 2))"
        default: return expression(depth: 2).text
        }
    }

    mutating func newName() -> String {
        rng.chance(0.05) ? rng.pick(["len", "sum", "print", "range", "zeros"]) : rng.pick(Samples.names)
    }

    mutating func variable() -> String {
        rng.chance(0.05) || variables.isEmpty ? rng.pick(Samples.names) : rng.pick(variables)
    }
}
