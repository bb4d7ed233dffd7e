import LecternLanguage

/// Random token streams: the lexer's words, symbols, numbers and strings in any order, with
/// brackets nested at random (mostly matched, sometimes not). Almost none are programs; they
/// probe the lexer, the parser's error paths and its nesting limits.
public struct TokenStreamGenerator {
    private var rng: FuzzRandom
    private var tokens: [String] = []

    public init(_ rng: FuzzRandom) {
        self.rng = rng
    }

    /// One stream as program text.
    public static func text(seed: UInt64, index: Int) -> String {
        var generator = TokenStreamGenerator(FuzzRandom(seed: seed, index: index, stream: 1))
        return generator.stream()
    }

    public mutating func stream() -> String {
        tokens = []
        // Now and then a very deep group, past the parser's nesting limit.
        let depth = rng.chance(0.02) ? rng.int(150...400) : rng.int(0...8)
        group(depth: depth, length: rng.int(1...30))
        var text = ""
        for token in tokens {
            if !text.isEmpty, !text.hasSuffix("\n"), rng.chance(0.7) { text += rng.chance(0.05) ? "\t" : " " }
            text += token
        }
        return text
    }

    /// `length` items, each a token or (while depth remains) a bracketed group.
    private mutating func group(depth: Int, length: Int) {
        for _ in 0..<length {
            if depth > 0, rng.chance(depth > 20 ? 0.9 : 0.25) {
                let (open, close) = rng.pick([("(", ")"), ("[", "]"), ("{", "}")])
                tokens.append(open)
                group(depth: depth - 1, length: depth > 20 ? 1 : rng.int(0...6))
                // Mostly closed properly; sometimes by the wrong bracket, sometimes not at all.
                if rng.chance(0.95) { tokens.append(close) } else if rng.chance(0.5) { tokens.append(rng.pick([")", "]", "}"])) }
            } else {
                tokens.append(token())
            }
        }
    }

    private mutating func token() -> String {
        switch rng.int(0...19) {
        case 0...3: return rng.pick(Vocabulary.keywords)
        case 4...9: return rng.pick(Vocabulary.symbols)
        case 10...12: return rng.pick(Samples.names + Builtins.names)
        case 13...14: return rng.pick(Samples.numbers)
        case 15: return rng.pick(Samples.strings)
        case 16: return rng.pick(["\n", "\n", ";", "# a comment\n"])
        case 17: return rng.pick(Samples.oddText)
        default: return rng.pick(["x", "=", "1", "(", ")", ",", ":", "."])
        }
    }
}

/// The pieces the generators draw from.
enum Samples {
    static let names = ["x", "y", "z", "w", "t", "s", "n", "i", "acc", "items", "loss", "f", "g", "_tmp", "X2"]
    static let numbers = [
        "0", "1", "2", "3", "7", "10", "255", "2.5", ".5", "5.", "0.1", "1e3", "1E3", "1e-5", "2.5e+2", "6.02E23",
        "1e308", "1e309", "1e-320", "123456789012345678901234567890", "9007199254740993", "1e15", "1e16",
    ]
    static let strings = [
        "\"\"", "\"a\"", "'b'", "\"x\\ny\"", "\"tab\\tstop\"", "\"q\\\"q\"", "'it\\'s'", "\"\\\\\"", "\"é☃日本\"",
        "\"😀\"", "\"#\"", "\"{[(\"",
    ]
    /// Text that is not a token, or half of one.
    static let oddText = ["$", "€", "!", "?", "`", "\"open", "'open", "\\", "1e", "1e+", "3abc", "..", "\"\\q\"", "\u{00A0}", "é"]
}
