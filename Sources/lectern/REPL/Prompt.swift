/// The REPL's prompts: `>>> ` for a new entry, `... ` while an entry continues (a bracket,
/// block or string is open). In colour, the escape sequences are wrapped in `escape` bytes,
/// which tell libedit that they take no room on the screen.
struct Prompt: Equatable {
    static let escape: CChar = 1

    /// The prompt as libedit takes it.
    let text: String

    static func primary(color: Bool) -> Prompt { make(">>>", color: color) }
    static func secondary(color: Bool) -> Prompt { make("...", color: color) }

    /// `marker` and a space; in colour, the marker green.
    private static func make(_ marker: String, color: Bool) -> Prompt {
        guard color else { return Prompt(text: marker + " ") }
        let mark = String(UnicodeScalar(UInt8(escape)))
        // NOTE: the space after the colour's end is needed: libedit drops a sequence at the
        // very end of the prompt, and the text typed would be green too.
        return Prompt(text: mark + "\u{1B}[1;32m" + mark + marker + mark + "\u{1B}[0m" + mark + " ")
    }
}
