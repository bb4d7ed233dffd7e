/// Completion candidates as the line editor uses them.
enum CompletionList {
    /// The longest prefix all candidates share, in whole characters.
    static func commonPrefix(_ candidates: [String]) -> String {
        guard var common = candidates.first.map(Array.init) else { return "" }
        for candidate in candidates.dropFirst() {
            let characters = Array(candidate)
            var n = 0
            while n < common.count, n < characters.count, common[n] == characters[n] { n += 1 }
            common.removeLast(common.count - n)
        }
        return String(common)
    }

    /// The most candidates listed at once.
    static let maxListed = 200

    /// The candidates in columns down then across (as `ls` lists files), to fit `width`.
    /// Paths are listed by their last part (`data/` and `train.lec` for `data/tr...`).
    static func columns(_ candidates: [String], width: Int) -> String {
        guard candidates.count <= maxListed else {
            return "(\(candidates.count) possibilities: type more letters first)\n"
        }
        let names = candidates.map(shortName)
        let cell = (names.map(\.count).max() ?? 0) + 2
        let columnCount = max(1, min(names.count, (width - 1) / cell))
        let rowCount = (names.count + columnCount - 1) / columnCount
        var lines: [String] = []
        for row in 0..<rowCount {
            var line = ""
            for column in 0..<columnCount where column * rowCount + row < names.count {
                let name = names[column * rowCount + row]
                line += name + String(repeating: " ", count: cell - name.count)
            }
            lines.append(String(line.reversed().drop { $0 == " " }.reversed()))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `data/train.lec` -> `train.lec`, `data/sub/` -> `sub/`; anything else unchanged.
    private static func shortName(_ candidate: String) -> String {
        let body = candidate.hasSuffix("/") ? candidate.dropLast() : candidate[...]
        guard let slash = body.lastIndex(of: "/") else { return candidate }
        return String(candidate[candidate.index(after: slash)...])
    }
}
