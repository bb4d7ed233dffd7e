/// Turns source text into tokens.
///
/// - Numbers: `3`, `2.5`, `.5`, `1e-5`, `6.02E23`.
/// - Strings: `"..."` or `'...'` with `\n`, `\t`, `\\`, `\"`, `\'` escapes; UTF-8 inside.
/// - Comments run from `#` to the end of the line.
/// - A newline ends a statement, except inside `( )` and `[ ]`, where lines join (as in
///   Python), so a long call or list can span lines. Inside `{ }` newlines separate statements.
/// - A bracket still open at the end of the text is reported beside the tokens (`scan`), so
///   that the parser can tell unfinished input (a REPL asks for another line) from a mistake
///   made before the end. An open string is a syntax error: strings end on the line where
///   they start.
struct Lexer {
    private let source: Source
    private var bytes: [UInt8] { source.bytes }
    private var position = 0
    /// The brackets open so far, innermost last. A newline ends a statement unless the
    /// innermost one is `(` or `[`.
    private var openBrackets: [(symbol: Symbol, offset: Int)] = []

    init(_ source: Source) {
        self.source = source
    }

    /// All the tokens, ending with `.end`, and the innermost bracket still open at the end
    /// (nil when every bracket is closed).
    static func scan(_ source: Source) throws(LanguageError) -> (tokens: [Token], unclosed: (symbol: Symbol, offset: Int)?) {
        var lexer = Lexer(source)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return (tokens, lexer.openBrackets.last) }
        }
    }

    /// The tokens of `piece`, the next part of a text whose first `offset` bytes were scanned
    /// before and left the brackets `open` open (a REPL entry growing line by line): scanning
    /// the parts one after the other gives the tokens of the whole text, without its `.end`.
    /// Offsets, in the tokens, in errors and in `open` (which is updated), count from the start
    /// of the whole text.
    static func scan(continuing piece: Source, at offset: Int,
                     open: inout [(symbol: Symbol, offset: Int)]) throws(LanguageError) -> [Token] {
        var lexer = Lexer(piece)
        lexer.openBrackets = open.map { ($0.symbol, $0.offset - offset) }
        var tokens: [Token] = []
        do {
            while true {
                var token = try lexer.next()
                if token.kind == .end { break }
                token.range = SourceRange(token.range.start + offset, token.range.end + offset)
                tokens.append(token)
            }
        } catch {
            var shifted = error
            shifted.range = SourceRange(error.range.start + offset, error.range.end + offset)
            throw shifted
        }
        open = lexer.openBrackets.map { ($0.symbol, $0.offset + offset) }
        return tokens
    }

    private mutating func next() throws(LanguageError) -> Token {
        skipSpaceAndComments()
        guard position < bytes.count else { return Token(kind: .end, range: SourceRange(bytes.count, bytes.count)) }
        let start = position, byte = bytes[position]
        if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: ";") {
            position += 1
            return Token(kind: .newline, range: SourceRange(start, position))
        }
        if isDigit(byte) || (byte == UInt8(ascii: ".") && position + 1 < bytes.count && isDigit(bytes[position + 1])) {
            return try number()
        }
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { return try string(quote: byte) }
        if isNameStart(byte) { return name() }
        return try symbol()
    }

    /// Skips blanks and comments, and newlines directly inside `( )` or `[ ]`.
    private mutating func skipSpaceAndComments() {
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") {
                position += 1
            } else if byte == UInt8(ascii: "\n"), let open = openBrackets.last, open.symbol != .leftBrace {
                position += 1
            } else if byte == UInt8(ascii: "#") {
                while position < bytes.count && bytes[position] != UInt8(ascii: "\n") { position += 1 }
            } else {
                return
            }
        }
    }

    private mutating func number() throws(LanguageError) -> Token {
        let start = position
        while position < bytes.count && isDigit(bytes[position]) { position += 1 }
        if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
            position += 1
            while position < bytes.count && isDigit(bytes[position]) { position += 1 }
        }
        if position < bytes.count && (bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E")) {
            position += 1
            if position < bytes.count && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) { position += 1 }
            guard position < bytes.count && isDigit(bytes[position]) else {
                throw .syntax("the exponent of a number needs digits, as in 1e-5", SourceRange(start, position))
            }
            while position < bytes.count && isDigit(bytes[position]) { position += 1 }
        }
        let range = SourceRange(start, position)
        if position < bytes.count && isNameStart(bytes[position]) {
            throw .syntax("a name cannot start with a digit", SourceRange(start, position + 1))
        }
        guard let value = Double(source.text(of: range)) else { throw .syntax("not a number", range) }
        return Token(kind: .number(value), range: range)
    }

    private mutating func string(quote: UInt8) throws(LanguageError) -> Token {
        let start = position
        position += 1
        var text: [UInt8] = []
        while position < bytes.count && bytes[position] != quote {
            var byte = bytes[position]
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: "\\") && position + 1 < bytes.count {
                position += 1
                byte = try escape(at: position)
            }
            text.append(byte)
            position += 1
        }
        // Not incomplete input: a string ends on its line, so more lines could never close it.
        guard position < bytes.count && bytes[position] == quote else {
            throw .syntax("the string is not closed: a string ends on the line where it starts", SourceRange(start, start + 1))
        }
        position += 1
        return Token(kind: .string(String(decoding: text, as: UTF8.self)), range: SourceRange(start, position))
    }

    /// The character an escape `\c` stands for; `offset` is where `c` starts.
    private func escape(at offset: Int) throws(LanguageError) -> UInt8 {
        let byte = bytes[offset]
        switch byte {
        case UInt8(ascii: "n"): return UInt8(ascii: "\n")
        case UInt8(ascii: "t"): return UInt8(ascii: "\t")
        case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): return byte
        default:
            let (character, width) = self.character(at: offset)
            throw .syntax("unknown escape '\\\(character)' (use \\n, \\t, \\\\, \\\" or \\')",
                          SourceRange(offset - 1, offset + width))
        }
    }

    /// The character (one Unicode scalar) that starts at `offset`, and its width in bytes.
    private func character(at offset: Int) -> (String, Int) {
        let lead = bytes[offset]
        let width = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        let end = Swift.min(offset + width, bytes.count)
        return (String(decoding: bytes[offset..<end], as: UTF8.self), end - offset)
    }

    private mutating func name() -> Token {
        let start = position
        while position < bytes.count && (isNameStart(bytes[position]) || isDigit(bytes[position])) { position += 1 }
        let range = SourceRange(start, position), text = source.text(of: range)
        if let keyword = Keyword(rawValue: text) { return Token(kind: .keyword(keyword), range: range) }
        return Token(kind: .name(text), range: range)
    }

    private mutating func symbol() throws(LanguageError) -> Token {
        let start = position
        for symbol in Symbol.longestFirst where matches(symbol.rawValue) {
            position += symbol.rawValue.utf8.count
            try track(symbol, at: start)
            return Token(kind: .symbol(symbol), range: SourceRange(start, position))
        }
        let (character, width) = self.character(at: start)
        throw .syntax("unexpected character '\(character)'", SourceRange(start, start + width))
    }

    /// Keeps count of open brackets, and reports a closing bracket that matches none.
    private mutating func track(_ symbol: Symbol, at offset: Int) throws(LanguageError) {
        let pairs: [Symbol: Symbol] = [.rightParen: .leftParen, .rightBracket: .leftBracket, .rightBrace: .leftBrace]
        switch symbol {
        case .leftParen, .leftBracket, .leftBrace:
            openBrackets.append((symbol, offset))
        case .rightParen, .rightBracket, .rightBrace:
            guard let open = openBrackets.last, open.symbol == pairs[symbol] else {
                let expected = openBrackets.last.map { " (the open '\($0.symbol.rawValue)' needs closing first)" } ?? ""
                throw .syntax("'\(symbol.rawValue)' does not close anything\(expected)", SourceRange(offset, offset + 1))
            }
            openBrackets.removeLast()
        default:
            break
        }
    }

    private func matches(_ text: String) -> Bool {
        var i = position
        for byte in text.utf8 {
            guard i < bytes.count, bytes[i] == byte else { return false }
            i += 1
        }
        return true
    }

    private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || byte == UInt8(ascii: "_")
    }
}
