/// "Did you mean ...?" for tools outside the language (the REPL's meta-commands): the same
/// rule the interpreter's messages use.
public enum Spelling {
    /// The candidate closest to `name` if it is close enough to be a likely typo (at most 1
    /// edit for short names, 2 for names of 5 or more letters), else nil.
    public static func nearest(to name: String, in candidates: [String]) -> String? {
        Suggestions.nearest(to: name, in: candidates)
    }
}
