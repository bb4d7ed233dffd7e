/// What completion needs to know about the text before the cursor, read in one pass: where
/// the word being typed starts, and the innermost open call. Strings, comments and brackets
/// are followed as the lexer would; nothing is parsed.
struct CompletionScan {
    /// Where the trailing word (letters, digits, underscores) starts; the end of the text
    /// when there is none.
    let wordStart: Int
    /// The offset of the `(` of the innermost call still open, if the innermost open bracket
    /// is one.
    let openParenthesis: Int?
    /// The keyword arguments written so far in that call, at its own level of nesting.
    let keywordsGiven: Set<String>
    /// How many positional arguments come before the one being typed in that call.
    let positionalGiven: Int

    /// Nil when the text ends inside a string or a comment.
    init?(_ bytes: [UInt8]) {
        var open: [Int] = []
        var i = 0
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "#"):
                guard let newline = bytes[i...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
                i = newline
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                guard let end = Self.stringEnd(bytes, from: i) else { return nil }
                i = end
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): open.append(i)
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): _ = open.popLast()
            default: break
            }
            i += 1
        }
        var start = bytes.count
        while start > 0, Self.isNameByte(bytes[start - 1]) { start -= 1 }
        wordStart = start
        openParenthesis = open.last.flatMap { bytes[$0] == UInt8(ascii: "(") ? $0 : nil }
        let given = openParenthesis.map { Self.arguments(bytes, from: $0 + 1, to: start) }
        keywordsGiven = given?.keywords ?? []
        positionalGiven = given?.positional ?? 0
    }

    /// The offset of the quote that closes the string opening at `start`, skipping escapes.
    private static func stringEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var i = start + 1
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\\") { i += 2; continue }
            if bytes[i] == bytes[start] { return i }
            i += 1
        }
        return nil
    }

    /// The arguments before the one being typed in `bytes[from..<to]` (split at commas
    /// outside nested brackets): the names given by keyword, and how many are positional.
    private static func arguments(_ bytes: [UInt8], from: Int, to: Int) -> (keywords: Set<String>, positional: Int) {
        var keywords: Set<String> = [], positional = 0, depth = 0, segmentStart = from
        for i in from..<to {
            switch bytes[i] {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            case UInt8(ascii: ",") where depth == 0:
                if let name = keyword(bytes[segmentStart..<i]) { keywords.insert(name) } else { positional += 1 }
                segmentStart = i + 1
            default: break
            }
        }
        return (keywords, positional)
    }

    /// `name` when an argument is written `name = value`.
    private static func keyword(_ argument: ArraySlice<UInt8>) -> String? {
        let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") }
        let text = argument.drop(while: blank)
        let name = text.prefix(while: isNameByte)
        let rest = text.dropFirst(name.count).drop(while: blank)
        guard !name.isEmpty, rest.first == UInt8(ascii: "="), rest.dropFirst().first != UInt8(ascii: "=") else { return nil }
        return String(decoding: name, as: UTF8.self)
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// A byte of a name: an ASCII letter, digit or underscore (as the lexer reads names).
    static func isNameByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || byte == UInt8(ascii: "_")
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
    }
}

/// One link of a chain completion may follow: `model`, `.layers`, `[0]`.
enum ChainLink: Equatable {
    case name(String)
    case index(Int)

    /// The links of the chain that ends just before offset `end`, read backwards, first link
    /// first; nil when the text there is no such chain (a call, a number, an expression).
    static func parse(_ bytes: [UInt8], endingBefore end: Int) -> [ChainLink]? {
        var links: [ChainLink] = []
        var i = end
        while true {
            if i > 0, bytes[i - 1] == UInt8(ascii: "]") {
                guard let open = bytes[..<(i - 1)].lastIndex(of: UInt8(ascii: "[")),
                      let index = Int(String(decoding: bytes[(open + 1)..<(i - 1)], as: UTF8.self).filter { $0 != " " })
                else { return nil }
                links.append(.index(index))
                i = open
                continue
            }
            var start = i
            while start > 0, CompletionScan.isNameByte(bytes[start - 1]) { start -= 1 }
            guard start < i, !CompletionScan.isDigit(bytes[start]) else { return nil }
            links.append(.name(String(decoding: bytes[start..<i], as: UTF8.self)))
            guard start > 0, bytes[start - 1] == UInt8(ascii: ".") else { break }
            i = start - 1
        }
        return links.reversed()
    }
}
