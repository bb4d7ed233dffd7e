import LecternLanguage

/// How words are styled in a terminal (SGR escape sequences, `ESC[…m`): the one place Lectern
/// writes them for text. Pictures' colours are in `Colour.swift`; the REPL's cursor and line
/// controls are in its console. Every style is plain text when colour is off.
public enum TextStyle: String, Sendable, CaseIterable {
    case bold = "1"
    case italic = "3"
    case red = "31"
    case green = "32"
    case blue = "34"
    case cyan = "36"
    case boldRed = "1;31"

    /// `text` in this style; `text` itself when `enabled` is false.
    public func apply(_ text: String, enabled: Bool = true) -> String {
        enabled ? "\u{1B}[\(rawValue)m\(text)\u{1B}[0m" : text
    }

    /// The characters of `text` that show: escape sequences take no columns.
    public static func visibleCount(_ text: Substring) -> Int {
        var count = 0, inEscape = false
        for char in text {
            if char == "\u{1B}" { inEscape = true } else if inEscape { if char.isLetter { inEscape = false } } else { count += 1 }
        }
        return count
    }
}

extension Diagnostic.Style {
    /// Diagnostics in a terminal: the label in bold red, the place and gutter in blue, the
    /// carets in bold red.
    public static let terminal = Diagnostic.Style(
        label: { TextStyle.boldRed.apply($0) }, gutter: { TextStyle.blue.apply($0) }, carets: { TextStyle.boldRed.apply($0) })

    /// `terminal` when `color`, else `plain`.
    public static func forTerminal(color: Bool) -> Diagnostic.Style { color ? .terminal : .plain }
}
