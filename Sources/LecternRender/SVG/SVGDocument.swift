/// A standalone SVG document built element by element: a white page of `width` x `height`
/// pixels, shapes and text in page coordinates (y down).
struct SVGDocument {
    let width: Int, height: Int
    private var elements: [String] = []

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// A rectangle; no `fill` draws only its outline.
    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: RGB?, stroke: RGB? = nil) {
        let edge = stroke.map { " stroke=\"\($0.hex)\"" } ?? ""
        elements.append("<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(w))\" height=\"\(n(h))\" fill=\"\(fill?.hex ?? "none")\"\(edge)/>")
    }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: RGB, width: Double = 1) {
        elements.append("<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke.hex)\" stroke-width=\"\(n(width))\"/>")
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: RGB, width: Double = 2) {
        let list = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
        elements.append("<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke.hex)\" stroke-width=\"\(n(width))\" stroke-linejoin=\"round\"/>")
    }

    mutating func circle(_ x: Double, _ y: Double, radius: Double, fill: RGB) {
        elements.append("<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(radius))\" fill=\"\(fill.hex)\" stroke=\"#ffffff\" stroke-width=\"0.5\"/>")
    }

    enum Anchor: String { case start, middle, end }

    /// Text with its baseline at y; `rotated` turns it a quarter to the left (a y-axis label).
    mutating func text(_ string: String, _ x: Double, _ y: Double, size: Double = 12, anchor: Anchor = .start,
                       bold: Bool = false, rotated: Bool = false) {
        let turn = rotated ? " transform=\"rotate(-90 \(n(x)) \(n(y)))\"" : ""
        let weight = bold ? " font-weight=\"bold\"" : ""
        elements.append("<text x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" text-anchor=\"\(anchor.rawValue)\"\(weight)\(turn)>"
                        + Self.escape(string) + "</text>")
    }

    /// Starts a group of elements drawn with crisp edges (the pixels of an image).
    mutating func beginCrisp() { elements.append("<g shape-rendering=\"crispEdges\">") }
    mutating func end() { elements.append("</g>") }

    /// The document as text.
    var text: String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
        font-family="DejaVu Sans, Helvetica, Arial, sans-serif">
        <rect width="100%" height="100%" fill="#ffffff"/>

        """ + elements.joined(separator: "\n") + "\n</svg>\n"
    }

    /// `&`, `<`, `>` and quotes as XML entities.
    static func escape(_ string: String) -> String {
        var result = ""
        for character in string {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A coordinate with at most two decimals.
    private func n(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        var text = Ticks.fixed(x, decimals: 2)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
