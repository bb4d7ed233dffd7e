/// One token of the language: its kind, where it is, and (for names, numbers and strings)
/// what it says.
struct Token: Equatable {
    enum Kind: Equatable {
        case number(Double)
        case string(String)
        case name(String)
        case keyword(Keyword)
        case symbol(Symbol)
        /// The end of a statement: a newline or `;` outside brackets.
        case newline
        case end
    }

    var kind: Kind
    var range: SourceRange
}

/// The reserved words. Each has one meaning; none can be a variable name.
enum Keyword: String, CaseIterable {
    case fn, `if`, `else`, `for`, `in`, `while`, `break`, `continue`, `return`
    case `true`, `false`, none, and, or, not
}

/// Operators and punctuation, longest first where one is a prefix of another.
enum Symbol: String, CaseIterable {
    case power = "**", equal = "==", notEqual = "!=", lessEqual = "<=", greaterEqual = ">="
    case floorDivideAssign = "//="
    case floorDivide = "//", plusAssign = "+=", minusAssign = "-=", timesAssign = "*=", divideAssign = "/="
    case plus = "+", minus = "-", times = "*", divide = "/", matmul = "@", modulo = "%"
    case less = "<", greater = ">", assign = "="
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
    case leftBrace = "{", rightBrace = "}", comma = ",", colon = ":", dot = "."

    /// Symbols sorted so that a longer one is tried before its prefix.
    static let longestFirst: [Symbol] = allCases.sorted { $0.rawValue.utf8.count > $1.rawValue.utf8.count }
}

extension Token.Kind: CustomStringConvertible {
    /// How a message names the token: `'+'`, `name 'x'`, `end of input`.
    var description: String {
        switch self {
        case let .number(value): return "number \(formatNumber(value))"
        case .string: return "a string"
        case let .name(name): return "name '\(name)'"
        case let .keyword(keyword): return "'\(keyword.rawValue)'"
        case let .symbol(symbol): return "'\(symbol.rawValue)'"
        case .newline: return "end of line"
        case .end: return "end of input"
        }
    }
}

/// The words and symbols of the language, for tools outside it: completion, colouring, the
/// fuzzer's token streams.
public enum Vocabulary {
    /// The reserved words, as written.
    public static let keywords: [String] = Keyword.allCases.map(\.rawValue)
    /// The operators and punctuation, as written.
    public static let symbols: [String] = Symbol.allCases.map(\.rawValue)
}
