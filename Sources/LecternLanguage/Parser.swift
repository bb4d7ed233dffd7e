/// Builds the syntax tree from tokens, one method per grammar rule (the rule is in each
/// method's comment; `docs/language.md` has the whole grammar). The first error stops the
/// parse: its message says what was expected, and where.
struct Parser {
    /// How deep brackets, blocks and prefix operators may nest. The parser recurses once per
    /// level (a dozen frames for a bracket), so this keeps it far from the end of the stack;
    /// the stack guard below is the backstop for threads with small stacks.
    static let maxNesting = 200
    /// How tall an expression's tree may be. A chain `a + b + c + ...` nests each operation in
    /// the next without any brackets, and the interpreter walks the tree recursively.
    static let maxHeight = 1000

    private let tokens: [Token]
    private var current = 0
    /// The brackets, blocks and prefix operators open at this point.
    private var nesting = 0
    /// The loops around this point, inside the innermost function (break and continue need one).
    private var loops = 0
    /// The functions around this point (return needs one).
    private var functions = 0
    private let stack = StackGuard.current()
    /// What earlier parses of these tokens went past (see `parse(_:unclosed:checked:)`).
    private var checked: CheckedParts?

    /// Parses a whole program (a file, or a REPL cell).
    ///
    /// Input that stops while a bracket or block is open is `incompleteInput` (a REPL then asks
    /// for another line) only when the parse went wrong at the very end, for want of more
    /// tokens: a mistake before that (`foo(1 2`) is reported at once, as a syntax error.
    static func parse(_ source: Source) throws(LanguageError) -> [Stmt] {
        let (tokens, unclosed) = try Lexer.scan(source)
        return try parse(tokens, unclosed: unclosed)
    }

    /// Parses `tokens` (ending with `.end`; `unclosed` is the innermost bracket still open).
    ///
    /// With `checked`, a record kept between parses of a growing text (a REPL entry, parsed
    /// again after each line), the parse skips the statements, list elements and arguments
    /// that an earlier parse went past, and records how far it got: each line is parsed about
    /// once instead of once per later line. The skipped parts are missing from the tree, so
    /// this is for telling complete input from incomplete, not for running it.
    static func parse(_ tokens: [Token], unclosed: (symbol: Symbol, offset: Int)?,
                      checked: CheckedParts? = nil) throws(LanguageError) -> [Stmt] {
        var parser = Parser(tokens: tokens)
        parser.checked = checked
        guard let unclosed else { return try parser.program() }
        let incomplete = LanguageError.incompleteInput("'\(unclosed.symbol.rawValue)' is not closed",
                                                       SourceRange(unclosed.offset, unclosed.offset + 1))
        // Errors found at the end are placed just after the last real token (see `place`).
        let lastEnd = tokens.last { $0.kind != .newline && $0.kind != .end }?.range.end ?? 0
        do {
            _ = try parser.program()
        } catch where error.range.start < lastEnd {
            throw error
        } catch {}
        throw incomplete
    }

    private init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// program → { statement } END, statements separated by newlines or `;`
    private mutating func program() throws(LanguageError) -> [Stmt] {
        var statements: [Stmt] = []
        let list = current
        skipNewlines()
        while !isAtEnd {
            if skipChecked(list) { continue }
            statements.append(try statement())
            try endOfStatement()
            skipNewlines()
            recordChecked(list)
        }
        return statements
    }

    // MARK: Statements

    /// statement → fnDecl | if | for | while | "break" | "continue" | return | simple
    private mutating func statement() throws(LanguageError) -> Stmt {
        let token = peek
        switch token.kind {
        case .keyword(.fn) where peekNext.kind != .symbol(.leftParen):
            return try functionDeclaration()
        case .keyword(.if): return try ifStatement()
        case .keyword(.for): return try forStatement()
        case .keyword(.while): return try whileStatement()
        case .keyword(.break), .keyword(.continue):
            advance()
            let isBreak = token.kind == .keyword(.break)
            guard loops > 0 else { throw .outsideLoop(isBreak ? "break" : "continue", .syntax, token.range) }
            return Stmt(kind: isBreak ? .break : .continue, range: token.range)
        case .keyword(.return):
            guard functions > 0 else { throw .syntax("'return' outside a function", token.range) }
            return try returnStatement()
        case .keyword(.else):
            throw .syntax("'else' must follow the '}' of an if on the same line: } else {", token.range)
        default: return try simpleStatement()
        }
    }

    /// fnDecl → "fn" NAME "(" parameters? ")" ( "=" expression | block )
    private mutating func functionDeclaration() throws(LanguageError) -> Stmt {
        let start = advance().range
        let nameToken = peek
        guard case let .name(name) = nameToken.kind else {
            throw .syntax("expected a function name after 'fn', found \(nameToken.kind)", place(nameToken))
        }
        advance()
        let function = try functionRest(name: name, start: start)
        return Stmt(kind: .function(function), range: start.to(function.range))
    }

    /// The part of a function after its name: "(" parameters? ")" ( "=" expression | block )
    private mutating func functionRest(name: String?, start: SourceRange) throws(LanguageError) -> FunctionLiteral {
        // A loop around the definition is not a loop of the body: break there is an error.
        let outerLoops = loops
        (loops, functions) = (0, functions + 1)
        defer { (loops, functions) = (outerLoops, functions - 1) }
        try enter(at: start)
        defer { nesting -= 1 }
        try consume(.leftParen, "expected '(' to start the parameters")
        let parameters = try parameterList()
        if match(.assign) {
            let body = try expression()
            return FunctionLiteral(name: name, parameters: parameters, body: .expression(body), range: start.to(body.range))
        }
        guard check(.leftBrace) else {
            throw .syntax("expected '=' and an expression, or '{' and a block, after the parameters", place(peek))
        }
        let (body, range) = try block()
        return FunctionLiteral(name: name, parameters: parameters, body: .block(body), range: start.to(range))
    }

    /// parameters → parameter { "," parameter } ; parameter → NAME [ "=" expression ]
    private mutating func parameterList() throws(LanguageError) -> [Parameter] {
        var parameters: [Parameter] = []
        while !check(.rightParen) {
            let token = peek
            guard case let .name(name) = token.kind else {
                throw .syntax("expected a parameter name, found \(token.kind)", place(token))
            }
            advance()
            if parameters.contains(where: { $0.name.text == name }) {
                throw .syntax("parameter '\(name)' appears twice", token.range)
            }
            let defaultValue = match(.assign) ? try expression() : nil
            if defaultValue == nil, parameters.last?.defaultValue != nil {
                throw .syntax("parameter '\(name)' needs a default value: it follows one that has one", token.range)
            }
            parameters.append(Parameter(name: Name(name), defaultValue: defaultValue, range: token.range))
            if !match(.comma) { break }
        }
        try consume(.rightParen, "expected ')' after the parameters")
        return parameters
    }

    /// block → "{" { statement } "}"
    private mutating func block() throws(LanguageError) -> ([Stmt], SourceRange) {
        try enter(at: peek.range)
        defer { nesting -= 1 }
        let open = try consume(.leftBrace, "expected '{' to start a block")
        var statements: [Stmt] = []
        let list = current
        skipNewlines()
        while !check(.rightBrace) && !isAtEnd {
            if skipChecked(list) { continue }
            statements.append(try statement())
            if !check(.rightBrace) { try endOfStatement() }
            skipNewlines()
            recordChecked(list)
        }
        let close = try consume(.rightBrace, "expected '}' to close the block")
        return (statements, open.to(close))
    }

    /// if → "if" expression block [ "else" ( if | block ) ]
    private mutating func ifStatement() throws(LanguageError) -> Stmt {
        let start = advance().range
        let condition = try expression()
        try expectBlock(after: "the condition of 'if'")
        let (then, thenRange) = try block()
        var end = thenRange, otherwise: [Stmt]? = nil
        if match(.else) {
            if check(.if) {
                let nested = try ifStatement()
                otherwise = [nested]
                end = nested.range
            } else {
                try expectBlock(after: "'else'")
                let (statements, range) = try block()
                otherwise = statements
                end = range
            }
        }
        return Stmt(kind: .if(condition, then, else: otherwise), range: start.to(end))
    }

    /// for → "for" NAME "in" expression block
    private mutating func forStatement() throws(LanguageError) -> Stmt {
        let start = advance().range
        let token = peek
        guard case let .name(name) = token.kind else {
            throw .syntax("expected a loop variable name after 'for', found \(token.kind)", place(token))
        }
        advance()
        try consume(.in, "expected 'in' after the loop variable, as in: for i in range(10) { ... }")
        let sequence = try expression()
        try expectBlock(after: "the sequence of 'for'")
        let (body, range) = try loopBody()
        return Stmt(kind: .for(Name(name), sequence, body), range: start.to(range))
    }

    /// while → "while" expression block
    private mutating func whileStatement() throws(LanguageError) -> Stmt {
        let start = advance().range
        let condition = try expression()
        try expectBlock(after: "the condition of 'while'")
        let (body, range) = try loopBody()
        return Stmt(kind: .while(condition, body), range: start.to(range))
    }

    /// The block of a loop, where break and continue are allowed.
    private mutating func loopBody() throws(LanguageError) -> ([Stmt], SourceRange) {
        loops += 1
        defer { loops -= 1 }
        return try block()
    }

    /// return → "return" [ expression ]
    private mutating func returnStatement() throws(LanguageError) -> Stmt {
        let start = advance().range
        if check(.rightBrace) || peek.kind == .newline || isAtEnd {
            return Stmt(kind: .return(nil), range: start)
        }
        let value = try expression()
        return Stmt(kind: .return(value), range: start.to(value.range))
    }

    /// simple → expression [ ( "=" | "+=" | "-=" | "*=" | "/=" | "//=" ) expression ]
    private mutating func simpleStatement() throws(LanguageError) -> Stmt {
        let left = try expression()
        let updates: [Symbol: BinaryOperator] = [.plusAssign: .plus, .minusAssign: .minus,
                                                 .timesAssign: .times, .divideAssign: .divide,
                                                 .floorDivideAssign: .floorDivide]
        if case let .symbol(symbol) = peek.kind, symbol == .assign || updates[symbol] != nil {
            let operatorToken = advance()
            let target = try assignmentTarget(left, operatorRange: operatorToken.range)
            let value = try expression()
            let range = left.range.to(value.range)
            if let op = updates[symbol] { return Stmt(kind: .update(op, target, value), range: range) }
            return Stmt(kind: .assign(target, value), range: range)
        }
        return Stmt(kind: .expression(left), range: left.range)
    }

    /// What may be assigned to: a name, an indexed expression, an attribute.
    private func assignmentTarget(_ expr: Expr, operatorRange: SourceRange) throws(LanguageError) -> Target {
        switch expr.kind {
        case let .name(name): return .name(name, expr.range)
        case let .index(base, subscripts): return .index(base, subscripts, expr.range)
        case let .attribute(base, name): return .attribute(base, name, expr.range)
        case .binary(.equal, _, _):
            throw .syntax("cannot assign here; to compare, use '=='", operatorRange)
        default:
            throw .syntax("cannot assign to this: only to a name, an index x[i] or an attribute x.a", expr.range)
        }
    }

    // MARK: Expressions

    /// expression → lambda | or
    private mutating func expression() throws(LanguageError) -> Expr {
        if check(.fn) && peekNext.kind == .symbol(.leftParen) {
            let start = advance().range
            let function = try functionRest(name: nil, start: start)
            return try node(kind: .function(function), range: function.range)
        }
        return try or()
    }

    /// or → and { "or" and }
    private mutating func or() throws(LanguageError) -> Expr {
        var left = try and()
        while match(.or) {
            let right = try and()
            left = try node(kind: .logical(isAnd: false, left, right), range: left.range.to(right.range))
        }
        return left
    }

    /// and → not { "and" not }
    private mutating func and() throws(LanguageError) -> Expr {
        var left = try not()
        while match(.and) {
            let right = try not()
            left = try node(kind: .logical(isAnd: true, left, right), range: left.range.to(right.range))
        }
        return left
    }

    /// not → "not" not | comparison
    private mutating func not() throws(LanguageError) -> Expr {
        if check(.not) {
            try enter(at: peek.range)
            defer { nesting -= 1 }
            let start = advance().range
            let operand = try not()
            return try node(kind: .not(operand), range: start.to(operand.range))
        }
        return try comparison()
    }

    /// comparison → additive [ ( "==" | "!=" | "<" | "<=" | ">" | ">=" ) additive ]
    private mutating func comparison() throws(LanguageError) -> Expr {
        let left = try additive()
        guard let op = matchOperator([.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual]) else { return left }
        let right = try additive()
        if let again = matchOperator([.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual]) {
            throw .syntax("comparisons cannot be chained; write (a \(op.rawValue) b) and (b \(again.rawValue) c)",
                          tokens[current - 1].range)
        }
        return try node(kind: .binary(op, left, right), range: left.range.to(right.range))
    }

    /// additive → term { ( "+" | "-" ) term }
    private mutating func additive() throws(LanguageError) -> Expr {
        var left = try term()
        while let op = matchOperator([.plus, .minus]) {
            let right = try term()
            left = try node(kind: .binary(op, left, right), range: left.range.to(right.range))
        }
        return left
    }

    /// term → unary { ( "*" | "/" | "//" | "@" | "%" ) unary }
    private mutating func term() throws(LanguageError) -> Expr {
        var left = try unary()
        while let op = matchOperator([.times, .divide, .floorDivide, .matmul, .modulo]) {
            let right = try unary()
            left = try node(kind: .binary(op, left, right), range: left.range.to(right.range))
        }
        return left
    }

    /// unary → ( "-" | "+" ) unary | power        (so -x**2 is -(x**2), as in NumPy)
    private mutating func unary() throws(LanguageError) -> Expr {
        if check(.minus) || check(.plus) {
            try enter(at: peek.range)
            defer { nesting -= 1 }
            let token = advance()
            let operand = try unary()
            if token.kind == .symbol(.plus) { return try node(kind: operand.kind, range: token.range.to(operand.range)) }
            if case let .number(value) = operand.kind { return try node(kind: .number(-value), range: token.range.to(operand.range)) }
            return try node(kind: .negate(operand), range: token.range.to(operand.range))
        }
        return try power()
    }

    /// power → postfix [ "**" unary ]             (right-associative: 2**3**2 is 2**9)
    private mutating func power() throws(LanguageError) -> Expr {
        let base = try postfix()
        guard match(.power) else { return base }
        try enter(at: previous.range)
        defer { nesting -= 1 }
        let exponent = try unary()
        return try node(kind: .binary(.power, base, exponent), range: base.range.to(exponent.range))
    }

    /// postfix → primary { "(" arguments? ")" | "[" subscripts "]" | "." NAME }
    private mutating func postfix() throws(LanguageError) -> Expr {
        var expr = try primary()
        while true {
            if match(.leftParen) {
                try enter(at: previous.range)
                let arguments = try argumentList()
                let close = try consume(.rightParen, "expected ')' after the arguments")
                expr = try node(kind: .call(expr, arguments), range: expr.range.to(close))
                nesting -= 1
            } else if match(.leftBracket) {
                try enter(at: previous.range)
                let subscripts = try subscriptList()
                let close = try consume(.rightBracket, "expected ']' after the index")
                expr = try node(kind: .index(expr, subscripts), range: expr.range.to(close))
                nesting -= 1
            } else if match(.dot) {
                let token = peek
                guard case let .name(name) = token.kind else {
                    throw .syntax("expected an attribute name after '.', found \(token.kind)", place(token))
                }
                advance()
                expr = try node(kind: .attribute(expr, name), range: expr.range.to(token.range))
            } else {
                return expr
            }
        }
    }

    /// arguments → argument { "," argument } [ "," ] ; argument → [ NAME "=" ] expression
    private mutating func argumentList() throws(LanguageError) -> [Argument] {
        var arguments: [Argument] = []
        let list = current
        while !check(.rightParen) && !isAtEnd {
            if skipChecked(list) { continue }
            let start = peek.range
            var label: String? = nil
            if case let .name(name) = peek.kind, peekNext.kind == .symbol(.assign) {
                label = name
                advance()
                advance()
            }
            let value = try expression()
            if let label, arguments.contains(where: { $0.label == label }) {
                throw .syntax("argument '\(label)' is given twice", start.to(value.range))
            }
            if label == nil, arguments.last?.label != nil {
                throw .syntax("a positional argument cannot follow a keyword argument", value.range)
            }
            arguments.append(Argument(label: label, value: value, range: start.to(value.range)))
            if !match(.comma) { break }
            recordChecked(list)
        }
        return arguments
    }

    /// subscripts → subscript { "," subscript } ; subscript → expression | [e] ":" [e] [ ":" [e] ]
    private mutating func subscriptList() throws(LanguageError) -> [Subscript] {
        var subscripts: [Subscript] = []
        repeat {
            let start = peek.range
            let first = check(.colon) ? nil : try expression()
            guard match(.colon) else {
                guard let first else { throw .syntax("expected an index", peek.range) }
                subscripts.append(.index(first))
                continue
            }
            let stop = check(.colon) || check(.comma) || check(.rightBracket) ? nil : try expression()
            var step: Expr? = nil
            if match(.colon), !check(.comma), !check(.rightBracket) { step = try expression() }
            subscripts.append(.slice(start: first, stop: stop, step: step, range: start.to(tokens[current - 1].range)))
        } while match(.comma)
        return subscripts
    }

    /// primary → NUMBER | STRING | "true" | "false" | "none" | NAME | "(" expression ")" | "[" elements "]"
    private mutating func primary() throws(LanguageError) -> Expr {
        let token = peek
        switch token.kind {
        case let .number(value): advance(); return Expr(kind: .number(value), range: token.range)
        case let .string(text): advance(); return Expr(kind: .string(text), range: token.range)
        case .keyword(.true): advance(); return Expr(kind: .bool(true), range: token.range)
        case .keyword(.false): advance(); return Expr(kind: .bool(false), range: token.range)
        case .keyword(.none): advance(); return Expr(kind: .none, range: token.range)
        case let .name(name): advance(); return Expr(kind: .name(Name(name)), range: token.range)
        case .symbol(.leftParen):
            advance()
            try enter(at: token.range)
            defer { nesting -= 1 }
            let inner = try expression()
            let close = try consume(.rightParen, "expected ')' to close '('")
            return try node(kind: inner.kind, range: token.range.to(close))
        case .symbol(.leftBracket):
            advance()
            try enter(at: token.range)
            defer { nesting -= 1 }
            var elements: [Expr] = []
            let list = current
            while !check(.rightBracket) && !isAtEnd {
                if skipChecked(list) { continue }
                elements.append(try expression())
                if !match(.comma) { break }
                recordChecked(list)
            }
            if elements.count == 1, check(.for) {
                // `[f(k) for k in ks]`, as Python writes it.
                throw .syntax("a list cannot be built with 'for' inside '[...]' (no comprehensions):"
                              + " start from [] and append in a loop, `for k in ks { l.append(f(k)) }`", place(peek))
            }
            let close = try consume(.rightBracket, "expected ']' or ',' in the list")
            return try node(kind: .list(elements), range: token.range.to(close))
        default:
            throw unexpected(token)
        }
    }

    // MARK: Helpers

    /// Enters one more level of nesting (a bracket, a block, a prefix operator, a function
    /// body); the caller leaves it with `nesting -= 1` (an error ends the whole parse).
    private mutating func enter(at range: SourceRange) throws(LanguageError) {
        nesting += 1
        if nesting > Self.maxNesting {
            throw .syntax("too deeply nested: more than \(Self.maxNesting) levels of brackets, blocks and operators", range)
        }
        if stack.isNearlyFull {
            throw .syntax("too deeply nested: \(nesting) levels of brackets, blocks and operators fill the stack", range)
        }
    }

    /// A node of the tree, refused when it makes the expression too tall to evaluate.
    private func node(kind: Expr.Kind, range: SourceRange) throws(LanguageError) -> Expr {
        let expr = Expr(kind: kind, range: range)
        guard expr.height <= Self.maxHeight else {
            throw .syntax("expression too deeply nested: more than \(Self.maxHeight) operations inside one another"
                          + " (a + b + c + ... counts every '+'); split it into several statements", range)
        }
        return expr
    }

    /// The error for a token that cannot start an expression, with a suggestion when the
    /// previous name looks like a misspelled keyword (`whle x < 3 {`).
    private func unexpected(_ token: Token) -> LanguageError {
        var message = "expected an expression, found \(token.kind)"
        if case let .keyword(keyword) = token.kind, [.else, .in].contains(keyword) {
            message = "'\(keyword.rawValue)' cannot start an expression"
        }
        return .syntax(message, place(token))
    }

    private mutating func endOfStatement() throws(LanguageError) {
        if peek.kind == .newline || isAtEnd { return }
        let token = peek
        var message = "expected the end of the statement, found \(token.kind)"
        if current > 0, case let .name(previous) = tokens[current - 1].kind,
           let hint = Wording.didYouMean(previous, in: Keyword.allCases.map(\.rawValue)) {
            message += hint
        } else if token.kind == .symbol(.leftBrace) {
            message = "a '{' block can only follow if, else, for, while or fn"
        }
        throw .syntax(message, token.range)
    }

    private mutating func expectBlock(after what: String) throws(LanguageError) {
        if check(.assign) {
            throw .syntax("'=' assigns; to compare in \(what), use '=='", peek.range)
        }
        guard check(.leftBrace) else {
            throw .syntax("expected '{' after \(what) (on the same line)", place(peek))
        }
    }

    /// Where to point for an error at `token`: the token itself, except that the end of a
    /// line or of the input is shown right after the last real token (not after a comment).
    private func place(_ token: Token) -> SourceRange {
        guard token.kind == .newline || token.kind == .end else { return token.range }
        // Nearly always the current token; searching for it would cost a pass over the tokens.
        var index = tokens[current] == token ? current
            : tokens.firstIndex(where: { $0.range == token.range && $0.kind == token.kind }) ?? current
        while index > 0, tokens[index - 1].kind == .newline { index -= 1 }
        guard index > 0 else { return token.range }
        let end = tokens[index - 1].range.end
        return SourceRange(end, end + 1)
    }

    /// In a list (statements, elements or arguments) starting at token `list`: jumps past
    /// the items an earlier parse went past; true when it moved.
    private mutating func skipChecked(_ list: Int) -> Bool {
        guard let end = checked?.ends[list], end > current else { return false }
        current = end
        return true
    }

    /// Records that the items of the list starting at token `list` parse, up to here. Only
    /// at a real token: what was parsed up to it cannot change when more text follows.
    private mutating func recordChecked(_ list: Int) {
        guard let checked, !isAtEnd else { return }
        checked.ends[list] = current
    }

    private mutating func skipNewlines() { while peek.kind == .newline { advance() } }

    private var peek: Token { tokens[current] }
    private var previous: Token { tokens[Swift.max(current - 1, 0)] }
    private var peekNext: Token { tokens[min(current + 1, tokens.count - 1)] }
    private var isAtEnd: Bool { peek.kind == .end }

    @discardableResult
    private mutating func advance() -> Token {
        let token = tokens[current]
        if !isAtEnd { current += 1 }
        return token
    }

    private func check(_ symbol: Symbol) -> Bool { peek.kind == .symbol(symbol) }
    private func check(_ keyword: Keyword) -> Bool { peek.kind == .keyword(keyword) }

    private mutating func match(_ symbol: Symbol) -> Bool {
        guard check(symbol) else { return false }
        advance()
        return true
    }

    private mutating func match(_ keyword: Keyword) -> Bool {
        guard check(keyword) else { return false }
        advance()
        return true
    }

    private mutating func matchOperator(_ operators: [BinaryOperator]) -> BinaryOperator? {
        guard case let .symbol(symbol) = peek.kind, let op = BinaryOperator(rawValue: symbol.rawValue),
              operators.contains(op) else { return nil }
        advance()
        return op
    }

    @discardableResult
    private mutating func consume(_ symbol: Symbol, _ message: String) throws(LanguageError) -> SourceRange {
        guard check(symbol) else {
            throw .syntax("\(message), found \(peek.kind)", place(peek))
        }
        return advance().range
    }

    @discardableResult
    private mutating func consume(_ keyword: Keyword, _ message: String) throws(LanguageError) -> SourceRange {
        guard check(keyword) else { throw .syntax("\(message), found \(peek.kind)", place(peek)) }
        return advance().range
    }
}

/// The parts of a growing text that parses went past: for each list (of statements, of list
/// elements, of arguments), keyed by the index of its first token, the token up to which its
/// items are known to parse.
final class CheckedParts {
    var ends: [Int: Int] = [:]
}
