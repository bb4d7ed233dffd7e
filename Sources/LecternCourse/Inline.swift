import LecternRender
/// Inline Markdown for the terminal: `**bold**`, `*italic*`/`_italic_`, `` `code` ``,
/// `[text](link)` (the text), and `$math$` made readable by `Math` (kept on one line). Inside
/// code nothing is interpreted.
enum Inline {
    static func render(_ text: String, color: Bool) -> String {
        let chars = Array(text)
        var out = "", index = 0
        func style(_ style: TextStyle, _ inner: String) -> String { style.apply(inner, enabled: color) }
        while index < chars.count {
            let char = chars[index]
            if char == "`", let end = find("`", chars, from: index + 1) {
                let code = String(chars[(index + 1)..<end])
                // A code span is not broken across lines: its spaces do not wrap, as a formula's.
                let unbroken = code.replacingSpaces(with: "\u{A0}")
                out += color ? style(.cyan, unbroken) : "`" + unbroken + "`"
                index = end + 1
            } else if char == "$", let end = find("$", chars, from: index + 1), end > index + 1 {
                // No-break spaces: a formula is not split across lines when the prose is wrapped.
                out += Math.readable(String(chars[(index + 1)..<end])).replacingSpaces(with: "\u{A0}")
                index = end + 1
            } else if char == "*", index + 1 < chars.count, chars[index + 1] == "*", let end = find("**", chars, from: index + 2) {
                out += style(.bold, render(String(chars[(index + 2)..<end]), color: color))
                index = end + 2
            } else if (char == "*" || (char == "_" && (index == 0 || chars[index - 1] == " "))),
                      index + 1 < chars.count, chars[index + 1] != " ", let end = find(String(char), chars, from: index + 1) {
                out += style(.italic, render(String(chars[(index + 1)..<end]), color: color))
                index = end + 1
            } else if char == "[", let close = find("](", chars, from: index + 1), let end = find(")", chars, from: close + 2) {
                out += render(String(chars[(index + 1)..<close]), color: color)
                index = end + 1
            } else if char == "\\", index + 1 < chars.count, "*_`$[]\\".contains(chars[index + 1]) {
                out.append(chars[index + 1])
                index += 2
            } else {
                out.append(char)
                index += 1
            }
        }
        return out
    }

    /// Where `marker` next starts at or after `start`.
    private static func find(_ marker: String, _ chars: [Character], from start: Int) -> Int? {
        let wanted = Array(marker)
        var index = start
        while index + wanted.count <= chars.count {
            if Array(chars[index..<(index + wanted.count)]) == wanted { return index }
            index += 1
        }
        return nil
    }

    /// Characters shown, escape codes left out.
    static func visibleCount(_ text: Substring) -> Int { TextStyle.visibleCount(text) }
}
