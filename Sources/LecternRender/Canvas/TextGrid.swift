/// One character cell of the terminal: a character, and colours that apply only when the
/// terminal shows colour.
struct Cell: Equatable {
    var character: Character
    var foreground: RGB?
    var background: RGB?

    init(_ character: Character = " ", foreground: RGB? = nil, background: RGB? = nil) {
        self.character = character
        self.foreground = foreground
        self.background = background
    }

    static let blank = Cell()
}

/// A rectangle of cells that a figure is composed on (axes, canvases, labels), then turned into
/// text with the escape codes of a colour mode. Every character takes one column.
struct TextGrid {
    private(set) var rows: [[Cell]]
    let width: Int

    init(width: Int, height: Int) {
        self.width = width
        rows = Array(repeating: Array(repeating: .blank, count: width), count: height)
    }

    var height: Int { rows.count }

    subscript(row: Int, column: Int) -> Cell {
        get { rows[row][column] }
        set {
            guard row >= 0, row < height, column >= 0, column < width else { return }
            rows[row][column] = newValue
        }
    }

    /// Writes `text` from `column` on `row`, clipped at the edges.
    mutating func write(_ text: String, row: Int, column: Int, colour: RGB? = nil) {
        for (offset, character) in text.enumerated() {
            self[row, column + offset] = Cell(character, foreground: colour)
        }
    }

    /// Writes `text` centred on the columns `from..<to` (clipped to them).
    mutating func writeCentred(_ text: String, row: Int, from: Int, to: Int) {
        let clipped = String(text.prefix(max(to - from, 0)))
        write(clipped, row: row, column: from + max((to - from - clipped.count) / 2, 0))
    }

    /// Copies `other` with its top-left corner at (`row`, `column`).
    mutating func place(_ other: TextGrid, row: Int, column: Int) {
        for r in 0..<other.height {
            for c in 0..<other.width { self[row + r, column + c] = other.rows[r][c] }
        }
    }

    /// Adds empty rows at the bottom.
    mutating func appendRows(_ count: Int) {
        rows += Array(repeating: Array(repeating: .blank, count: width), count: count)
    }

    /// The grid as lines of text. Without colour the colours are dropped; with colour, an
    /// escape code is written only where the colour changes, and each line ends with a reset.
    /// Trailing blanks are trimmed, and so are empty lines at the end.
    func render(_ mode: ColourMode) -> String {
        var lines = rows.map { line(of: $0, mode) }
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    private func line(of cells: [Cell], _ mode: ColourMode) -> String {
        var end = cells.count
        while end > 0, cells[end - 1].character == " ", mode == .none || cells[end - 1].background == nil { end -= 1 }
        var text = "", foreground: RGB? = nil, background: RGB? = nil, coloured = false
        for cell in cells[..<end] {
            if mode != .none, cell.foreground != foreground || cell.background != background {
                if coloured, cell.foreground == nil || cell.background == nil { text += ColourMode.reset }
                if let colour = cell.foreground { text += mode.escape(colour, background: false) }
                if let colour = cell.background { text += mode.escape(colour, background: true) }
                foreground = cell.foreground
                background = cell.background
                coloured = foreground != nil || background != nil
            }
            text.append(cell.character)
        }
        return coloured ? text + ColourMode.reset : text
    }
}
