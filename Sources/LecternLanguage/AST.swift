/// The syntax tree the parser builds and the interpreter walks. Every node keeps the range of
/// text it came from, so a runtime error can point at it.

/// An expression.
struct Expr {
    indirect enum Kind {
        case number(Double)
        case string(String)
        case bool(Bool)
        case none
        case name(Name)
        /// `[a, b, c]`: a tensor when every element is a number or a tensor of one shape,
        /// otherwise a list.
        case list([Expr])
        case negate(Expr)
        case not(Expr)
        case binary(BinaryOperator, Expr, Expr)
        /// `and` / `or`, which evaluate their right side only when needed.
        case logical(isAnd: Bool, Expr, Expr)
        case call(Expr, [Argument])
        case index(Expr, [Subscript])
        case attribute(Expr, String)
        /// `fn(x) = x * 2` or `fn(x) { ... }` as a value.
        case function(FunctionLiteral)
    }

    let kind: Kind
    let range: SourceRange
    /// The number of levels of the tree from here down (1 for a leaf). The interpreter walks
    /// the tree recursively, so the parser refuses expressions taller than `Parser.maxHeight`.
    let height: Int

    init(kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
        self.height = 1 + kind.childHeight
    }
}

extension Expr.Kind {
    /// The height of the tallest child (0 for a leaf). A function literal counts as a leaf:
    /// its body is a tree of its own, checked when it was parsed.
    var childHeight: Int {
        switch self {
        case .number, .string, .bool, .none, .name, .function: 0
        case let .list(elements): elements.map(\.height).max() ?? 0
        case let .negate(operand), let .not(operand), let .attribute(operand, _): operand.height
        case let .binary(_, left, right), let .logical(_, left, right): Swift.max(left.height, right.height)
        case let .call(callee, arguments): Swift.max(callee.height, arguments.map(\.value.height).max() ?? 0)
        case let .index(base, subscripts): Swift.max(base.height, subscripts.map(\.height).max() ?? 0)
        }
    }
}

/// The binary operators, in NumPy's (Python's) precedence order from `**` down.
enum BinaryOperator: String {
    case power = "**"
    case times = "*", divide = "/", floorDivide = "//", matmul = "@", modulo = "%"
    case plus = "+", minus = "-"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="

    /// `==`, `!=`, `<`, `<=`, `>`, `>=`.
    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: true
        default: false
        }
    }
}

/// `name = value` or `f(x, bias=b)`: an argument of a call, with its label if it has one.
struct Argument {
    var label: String?
    var value: Expr
    var range: SourceRange
}

/// One entry between `[ ]` after an expression: `x[0]`, `x[1:3]`, `x[::2]`, `x[none]`.
enum Subscript {
    case index(Expr)
    case slice(start: Expr?, stop: Expr?, step: Expr?, range: SourceRange)

    var height: Int {
        switch self {
        case let .index(expr): expr.height
        case let .slice(start, stop, step, _): [start, stop, step].map { $0?.height ?? 0 }.max() ?? 0
        }
    }
}

/// A statement.
struct Stmt {
    indirect enum Kind {
        case expression(Expr)
        case assign(Target, Expr)
        /// `x += 1`: `x = x + 1` with `x`'s target evaluated once.
        case update(BinaryOperator, Target, Expr)
        case function(FunctionLiteral)
        case `if`(Expr, [Stmt], else: [Stmt]?)
        case `for`(Name, Expr, [Stmt])
        case `while`(Expr, [Stmt])
        case `break`
        case `continue`
        case `return`(Expr?)
    }

    var kind: Kind
    var range: SourceRange
}

/// What can stand left of `=`.
enum Target {
    case name(Name, SourceRange)
    case index(Expr, [Subscript], SourceRange)
    case attribute(Expr, String, SourceRange)
}

/// A user function: `fn name(a, b=1) = expression` or `fn name(a) { statements }`.
/// A class, so that closures share one copy of the body.
final class FunctionLiteral {
    enum Body {
        case expression(Expr)
        case block([Stmt])
    }

    let name: String?
    let parameters: [Parameter]
    let body: Body
    let range: SourceRange

    init(name: String?, parameters: [Parameter], body: Body, range: SourceRange) {
        self.name = name
        self.parameters = parameters
        self.body = body
        self.range = range
    }
}

/// A parameter of a user function, with its default value if it has one.
struct Parameter {
    var name: Name
    var defaultValue: Expr?
    var range: SourceRange
}
