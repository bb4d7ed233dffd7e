/// A grid of dots that lines, points and filled rectangles are drawn on, each dot marked with
/// the series (or class) that drew it. A canvas then turns it into cells: braille packs 2 x 4
/// dots into a cell, half blocks 1 x 2, ASCII one.
///
/// Coordinates: x to the right, y down, in dots; drawing outside is clipped.
struct Raster {
    let width: Int, height: Int
    /// The series of each dot, row by row; -1 where nothing was drawn.
    private(set) var dots: [Int]

    init(width: Int, height: Int) {
        self.width = max(width, 1)
        self.height = max(height, 1)
        dots = Array(repeating: -1, count: self.width * self.height)
    }

    subscript(x: Int, y: Int) -> Int {
        guard x >= 0, x < width, y >= 0, y < height else { return -1 }
        return dots[y * width + x]
    }

    mutating func set(_ x: Int, _ y: Int, _ series: Int) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        dots[y * width + x] = series
    }

    /// A straight line from (x0, y0) to (x1, y1) (Bresenham), both ends included. `dash`
    /// says which steps along the line are drawn (all of them by default).
    mutating func line(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, _ series: Int, dash: Dash = .solid, step: inout Int) {
        let dx = abs(x1 - x0), dy = -abs(y1 - y0)
        let sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var x = x0, y = y0, error = dx + dy
        while true {
            if dash.draws(step) { set(x, y, series) }
            if x == x1 && y == y1 { break }
            step += 1
            let twice = 2 * error
            if twice >= dy { error += dy; x += sx }
            if twice <= dx { error += dx; y += sy }
        }
    }

    /// Every dot of the rectangle x in `xs`, y in `ys`.
    mutating func fill(_ xs: Range<Int>, _ ys: Range<Int>, _ series: Int) {
        for y in ys { for x in xs { set(x, y, series) } }
    }
}

/// How a line is dashed, so that series stay apart without colour: solid, dashed, dotted,
/// dash-dot. With colour every series is solid.
struct Dash: Equatable {
    /// The pattern, repeated along the line: true draws the dot.
    let pattern: [Bool]

    static let solid = Dash(pattern: [true])
    static let all: [Dash] = [
        .solid,
        Dash(pattern: [true, true, true, true, false, false, false]),
        Dash(pattern: [true, false, false]),
        Dash(pattern: [true, true, true, true, false, false, true, false, false]),
    ]

    /// The dash of series `index`.
    static func of(_ index: Int) -> Dash { all[index % all.count] }

    func draws(_ step: Int) -> Bool { pattern[step % pattern.count] }
}
