/// How tensors are printed; the defaults are NumPy's (`np.get_printoptions()`).
public struct TensorPrintOptions: Sendable, Equatable {
    /// The most decimals a number shows (positional), or digits after the mantissa's point
    /// (scientific). Numbers that need fewer show fewer. NumPy's `precision`, default 8.
    public var precision: Int
    /// Tensors with more elements than this are summarised with `...`. Default 1000.
    public var threshold: Int
    /// In a summary, how many items each axis shows at either end (at least 1). Default 3.
    public var edgeItems: Int
    /// Rows wrap before this many characters. Default 75.
    public var lineWidth: Int

    public init(precision: Int = 8, threshold: Int = 1000, edgeItems: Int = 3, lineWidth: Int = 75) {
        self.precision = precision
        self.threshold = threshold
        self.edgeItems = edgeItems
        self.lineWidth = lineWidth
    }
}

extension Tensor: CustomStringConvertible {
    /// The tensor as NumPy's `str()` prints a float64 array, character for character:
    /// ```
    /// [[1.   2.5 ]        [1.e-05 1.e+00]      [ nan -inf  1.5]
    ///  [3.   4.25]]       (scientific)         (non-finite)
    /// ```
    /// - Numbers: shortest digits that read back exactly, at most 8 decimals (rounded),
    ///   trailing zeros dropped but the point kept (`2.`), points aligned in a column.
    ///   Scientific notation for the whole tensor when the largest finite nonzero |x| is
    ///   ≥ 1e8, the smallest < 1e-4, or their ratio > 1e3. `-0.` keeps its sign.
    /// - Layout: one `[` per axis; rows of the last axis wrap at 75 columns under the first
    ///   element; rank-3 blocks are separated by a blank line (rank-4 by two, and so on).
    /// - More than 1000 elements: each axis longer than 6 shows its first and last 3 items
    ///   around `...`, and only the numbers shown decide the format.
    /// - Rank 0 prints the number alone, like Python's `repr`: `1.5`, `1e-05`, `nan`.
    ///   A tensor with a zero dimension prints `[]`.
    public var description: String { description(options: TensorPrintOptions()) }

    /// The text form with other options, e.g. `TensorPrintOptions(precision: 4)`; see
    /// `description`. - Complexity: O(count) (O(edgeItems^rank) when summarised).
    public func description(options: TensorPrintOptions) -> String {
        if rank == 0 { return ElementFormat.scalar(scalars[0]) }
        if count == 0 { return "[]" }
        return TensorPrinter(self, options: options).text
    }
}

/// NumPy's `_formatArray`: nested brackets, a hanging indent of one space per level, rows
/// wrapped to the line width, `...` in place of the middle of long axes.
struct TensorPrinter {
    let tensor: Tensor
    let strides: [Int]
    let summarise: Bool
    let edgeItems: Int
    let lineWidth: Int
    let format: ElementFormat

    init(_ tensor: Tensor, options: TensorPrintOptions) {
        let strides = tensor.strides, summarise = tensor.count > options.threshold
        let edgeItems = max(options.edgeItems, 1)
        // Offsets of every element shown (NumPy's `_leading_trailing`).
        func shownOffsets(axis: Int, base: Int) -> [Int] {
            guard axis < tensor.rank else { return [base] }
            return Self.shownIndices(size: tensor.shape[axis], summarise: summarise, edgeItems: edgeItems)
                .flatMap { shownOffsets(axis: axis + 1, base: base + $0 * strides[axis]) }
        }
        // Only the numbers shown decide the format, as in NumPy.
        let shown = summarise ? shownOffsets(axis: 0, base: 0).map { tensor.scalars[$0] } : tensor.scalars
        self.tensor = tensor
        self.strides = strides
        self.summarise = summarise
        self.edgeItems = edgeItems
        self.lineWidth = options.lineWidth
        self.format = ElementFormat(shown, precision: options.precision)
    }

    var text: String { block(axis: 0, offset: 0, indent: " ", width: lineWidth) }

    /// The indices shown along an axis: all, or the first and last `edgeItems` of a long axis
    /// in a summary.
    static func shownIndices(size: Int, summarise: Bool, edgeItems: Int) -> [Int] {
        guard summarise && size > 2 * edgeItems else { return Array(0..<size) }
        return Array(0..<edgeItems) + Array((size - edgeItems)..<size)
    }

    /// The sub-tensor at `offset` from `axis` on, its first line already indented by the
    /// caller; later lines start with `indent`. Each level down narrows the width by the `]`.
    private func block(axis: Int, offset: Int, indent: String, width: Int) -> String {
        let size = tensor.shape[axis]
        let indices = Self.shownIndices(size: size, summarise: summarise, edgeItems: edgeItems)
        let elision = indices.count < size ? edgeItems : nil  // "..." goes before indices[elision]
        let body = axis == tensor.rank - 1
            ? row(indices, elision: elision, offset: offset, indent: indent, width: width - 1)
            : rows(indices, elision: elision, axis: axis, offset: offset, indent: indent, width: width - 1)
        return "[" + body.dropFirst(indent.utf8.count) + "]"
    }

    /// The numbers of the last axis, separated by spaces and wrapped before `width`.
    private func row(_ indices: [Int], elision: Int?, offset: Int, indent: String, width: Int) -> String {
        var text = "", line = indent
        for (n, i) in indices.enumerated() {
            if n == elision { extend(&text, &line, "...", width: width, indent: indent); line += " " }
            extend(&text, &line, format(tensor.scalars[offset + i]), width: width, indent: indent)
            if n < indices.count - 1 { line += " " }
        }
        return text + line
    }

    /// The blocks of an outer axis, one per line, with a blank line per axis below them.
    private func rows(_ indices: [Int], elision: Int?, axis: Int, offset: Int, indent: String, width: Int) -> String {
        let separator = String(repeating: "\n", count: tensor.rank - axis - 1)
        var text = ""
        for (n, i) in indices.enumerated() {
            if n == elision { text += indent + "..." + separator }
            text += indent + block(axis: axis + 1, offset: offset + i * strides[axis], indent: indent + " ", width: width)
            if n < indices.count - 1 { text += separator }
        }
        return text
    }

    /// NumPy's `_extendLine`: start a new line when `word` would pass `width`, unless the
    /// line holds nothing but the indent (wrapping would not help).
    private func extend(_ text: inout String, _ line: inout String, _ word: String, width: Int, indent: String) {
        if line.utf8.count + word.utf8.count > width && line.utf8.count > indent.utf8.count {
            while line.utf8.last == UInt8(ascii: " ") { line.removeLast() }
            text += line + "\n"
            line = indent
        }
        line += word
    }
}
