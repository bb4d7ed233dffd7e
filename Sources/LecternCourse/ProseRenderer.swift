import LecternRender
/// A lesson's Markdown for the terminal: headings underlined, paragraphs and list items
/// wrapped to `width`, quotes behind a bar, tables as aligned columns, other code blocks indented, HTML tags (the
/// `<details>` around a solution) left out; inline markup by `Inline`. With `color`, bold
/// and italic are shown as such; without, the markers go and inline code keeps its backticks.
public struct ProseRenderer: Sendable {
    public var width: Int
    public var color: Bool

    public init(width: Int, color: Bool) {
        self.width = max(40, width)
        self.color = color
    }

    public func render(_ lines: [String]) -> String {
        var out: [String] = []
        var paragraph: [String] = [], prefix = "", hanging = ""
        func flush() {
            if !paragraph.isEmpty { out += wrap(Inline.render(paragraph.joined(separator: " "), color: color), prefix, hanging) }
            paragraph = []
        }
        var index = 0
        while index < lines.count {
            let line = lines[index], text = line.trimmingBlanks
            index += 1
            if text.hasPrefix("```") || text.hasPrefix("~~~") {
                flush()
                while index < lines.count, !lines[index].trimmingBlanks.hasPrefix(String(text.prefix(3))) {
                    out.append("    " + lines[index])
                    index += 1
                }
                index += 1
            } else if text.hasPrefix("|") {
                flush()
                var rows = [text]
                while index < lines.count, lines[index].trimmingBlanks.hasPrefix("|") {
                    rows.append(lines[index].trimmingBlanks)
                    index += 1
                }
                out += table(rows)
            } else if text.isEmpty || (text.hasPrefix("<") && text.hasSuffix(">")) {
                flush()
                if text.isEmpty, out.last?.isEmpty == false { out.append("") }
            } else if text.hasPrefix("$$") {
                flush()
                var math = String(text.dropFirst(2))
                while !math.hasSuffix("$$"), index < lines.count {
                    math += " " + lines[index].trimmingBlanks
                    index += 1
                }
                if math.hasSuffix("$$") { math = String(math.dropLast(2)) }
                out.append("    " + Math.readable(math.trimmingBlanks))
            } else if let level = heading(text) {
                flush()
                let title = Inline.render(String(text.dropFirst(level + 1)), color: false)
                out.append(TextStyle.bold.apply(title, enabled: color))
                if level <= 2 { out.append(String(repeating: level == 1 ? "═" : "─", count: min(title.count, width))) }
            } else if let marker = listMarker(text) {
                flush()
                paragraph = [String(text.dropFirst(marker.count))]
                prefix = marker.first?.isNumber == true ? marker : "• "
                hanging = String(repeating: " ", count: prefix.count)
            } else if text.hasPrefix(">") {
                if prefix != "│ " { flush() }
                prefix = "│ "
                hanging = "│ "
                paragraph.append(String(text.dropFirst()).trimmingBlanks)
            } else {
                if paragraph.isEmpty { prefix = ""; hanging = "" }
                paragraph.append(text)
            }
        }
        flush()
        while out.last?.isEmpty == true { out.removeLast() }
        while out.first?.isEmpty == true { out.removeFirst() }
        return out.joined(separator: "\n")
    }

    /// A Markdown table (`| a | b |` rows, the `|---|` row under the header dropped) as
    /// aligned columns, indented like a code block.
    private func table(_ rows: [String]) -> [String] {
        let cells = rows.map { row in
            var inner = row.dropFirst()
            if inner.hasSuffix("|") { inner = inner.dropLast() }
            return inner.split(separator: "|", omittingEmptySubsequences: false).map {
                Inline.render(String($0).trimmingBlanks, color: color).replacingOccurrences(of: "\u{A0}", with: " ")
            }
        }.filter { row in !row.allSatisfy { cell in !cell.isEmpty && cell.allSatisfy { "-: ".contains($0) } } }
        let columns = cells.map(\.count).max() ?? 0
        let widths = (0..<columns).map { column in cells.map { column < $0.count ? Inline.visibleCount($0[column][...]) : 0 }.max() ?? 0 }
        return cells.map { row in
            let padded = row.enumerated().map { $1 + String(repeating: " ", count: widths[$0] - Inline.visibleCount($1[...])) }
            return String(("    " + padded.joined(separator: "  ")).reversed().drop { $0 == " " }.reversed())
        }
    }

    private func heading(_ text: String) -> Int? {
        let level = text.prefix { $0 == "#" }.count
        return (1...6).contains(level) && text.dropFirst(level).hasPrefix(" ") ? level : nil
    }

    /// `- `, `* `, `+ ` or `12. ` at the start of a list item.
    private func listMarker(_ text: String) -> String? {
        for bullet in ["- ", "* ", "+ "] where text.hasPrefix(bullet) { return bullet }
        let digits = text.prefix { $0.isNumber }
        if !digits.isEmpty, text.dropFirst(digits.count).hasPrefix(". ") { return digits + ". " }
        return nil
    }

    /// Breaks `text` at spaces so that no line is wider than `width` (escape codes take no
    /// room); the first line starts with `prefix`, the others with `hanging`.
    public func wrap(_ text: String, _ prefix: String, _ hanging: String) -> [String] {
        var lines: [String] = [], line = prefix, length = prefix.count, empty = true
        for word in text.split(separator: " ") {
            let size = Inline.visibleCount(word)
            if !empty, length + 1 + size > width {
                lines.append(line)
                line = hanging
                length = hanging.count
                empty = true
            }
            line += (empty ? "" : " ") + word
            length += (empty ? 0 : 1) + size
            empty = false
        }
        if !empty { lines.append(line) }
        // The no-break spaces that kept a formula or a code span whole are plain spaces again
        // on the screen: code copied from it must paste as code.
        return lines.map { $0.replacingOccurrences(of: "\u{A0}", with: " ") }
    }
}
