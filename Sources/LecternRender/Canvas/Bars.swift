/// Bars drawn cell by cell at the finest resolution a canvas has: eighth blocks (`▁`...`█`
/// upwards, `▏`...`█` across), braille dots (4 levels per cell upwards, 2 across), or whole
/// ASCII `#` cells.
enum Bars {
    static let upward: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let across: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"]

    /// Steps per cell along a bar.
    static func steps(_ kind: CanvasKind, upward: Bool) -> Int {
        switch kind {
        case .blocks: 8
        case .braille: upward ? 4 : 2
        case .ascii: 1
        }
    }

    /// The cell of a bar that covers `level` steps of this cell (0...steps(kind)), in `colour`.
    static func cell(_ kind: CanvasKind, upward: Bool, level: Int, colour: RGB?) -> Cell {
        let full = steps(kind, upward: upward)
        let level = min(max(level, 0), full)
        guard level > 0 else { return .blank }
        switch kind {
        case .blocks:
            return Cell(upward ? Self.upward[level] : Self.across[level], foreground: colour)
        case .ascii:
            return Cell("#")
        case .braille:
            // Upward: the bottom `level` dot rows, both columns; across: the left column, or both.
            let on: [Bool] = upward ? (0..<8).map { $0 / 2 >= 4 - level } : (0..<8).map { $0 % 2 < level }
            return Cell(Canvas.braille(on), foreground: colour)
        }
    }

    /// A vertical bar `height` steps tall in a column of `rows` cells, bottom up: the cells of
    /// that column from the top.
    static func column(_ kind: CanvasKind, height: Int, rows: Int, colour: RGB?) -> [Cell] {
        let full = steps(kind, upward: true)
        return (0..<rows).map { row in
            let fromBottom = rows - 1 - row
            return cell(kind, upward: true, level: height - fromBottom * full, colour: colour)
        }
    }

    /// A horizontal bar `length` steps long in `columns` cells.
    static func row(_ kind: CanvasKind, length: Int, columns: Int, colour: RGB?) -> [Cell] {
        let full = steps(kind, upward: false)
        return (0..<columns).map { cell(kind, upward: false, level: length - $0 * full, colour: colour) }
    }
}
