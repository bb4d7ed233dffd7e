/// A REPL entry read line by line, and whether it is finished.
///
/// An entry is unfinished while a bracket or block is open and the text is right as far as it
/// goes (`fn f() {`, `x = [1,`): the REPL then reads another line. It is finished when every
/// bracket is closed, or when a mistake comes before the end (`foo(1 2`), so that the mistake
/// is reported at once; running the finished text reports any error in it.
///
/// Each line is scanned once and, thanks to `CheckedParts`, parsed about once, so a pasted
/// block of 8,000 lines costs about what running the same text as a file costs (checking
/// the whole text again after every line would cost time growing with the square of its length).
public struct Entry {
    /// The lines so far.
    public private(set) var lines: [String] = []
    /// The tokens of the lines so far, ending with `.end`.
    private var tokens: [Token] = []
    /// The brackets still open, innermost last.
    private var open: [(symbol: Symbol, offset: Int)] = []
    /// The length of the text so far, in UTF-8 bytes.
    private var length = 0
    /// What the parses of this entry have gone past.
    private let checked = CheckedParts()
    /// Why the entry is unfinished; nil when it is finished (or empty).
    public private(set) var unfinished: LanguageError?

    public init() {}

    public var isEmpty: Bool { lines.isEmpty }

    /// The lines so far, joined.
    public var text: String { lines.joined(separator: "\n") }

    /// Adds the next line; true when the entry is finished with it.
    public mutating func append(_ line: String) -> Bool {
        let piece = lines.isEmpty ? line : "\n" + line
        lines.append(line)
        let source = Source(name: "entry", text: piece)
        do throws(LanguageError) {
            let new = try Lexer.scan(continuing: source, at: length, open: &open)
            length += source.bytes.count
            if !tokens.isEmpty { tokens.removeLast() }
            tokens += new
            tokens.append(Token(kind: .end, range: SourceRange(length, length)))
            _ = try Parser.parse(tokens, unclosed: open.last, checked: checked)
            unfinished = nil
        } catch where error.kind == .incompleteInput {
            unfinished = error
        } catch {
            // A mistake: finished, and running it reports the error.
            unfinished = nil
        }
        return unfinished == nil
    }
}
