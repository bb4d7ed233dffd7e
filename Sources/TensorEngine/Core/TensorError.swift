/// Everything that can go wrong in the engine. Each case carries what the message needs;
/// the wording lives in one place, `description`, so every error reads the same way
/// whether it reaches a Swift caller, the REPL or a grader.
public enum TensorError: Error, Equatable, Sendable {
    // Building tensors
    case scalarCount(shape: [Int], count: Int)
    case negativeDimension(shape: [Int])
    case tooLarge(shape: [Int])
    /// A new tensor with more elements than the session allows (`ComputeGuard.elementLimit`).
    case overElementLimit(shape: [Int], limit: Int)
    case raggedRows(row: Int, count: Int, expected: Int)
    // Shapes and axes
    case broadcast(op: String, lhs: [Int], rhs: [Int])
    case axisOutOfRange(axis: Int, rank: Int)
    case repeatedAxis(Int)
    case reshape(from: [Int], to: [Int])
    case reshapeInference(to: [Int], count: Int)
    case permutation([Int], rank: Int)
    case squeeze(axis: Int, size: Int)
    case newAxisOutOfRange(axis: Int, rank: Int)
    case joinShapes(op: String, axis: Int, first: [Int], index: Int, other: [Int])
    case emptyList(op: String)
    case padWidthCount(count: Int, rank: Int)
    case negativePadding(axis: Int, before: Int, after: Int)
    case rank(op: String, argument: String, expected: String, shape: [Int])
    /// "op: name problem"; the problems and their wording are in `TensorError+Problem.swift`.
    case argument(op: String, name: String, problem: Problem)
    // Indexing
    case indexOutOfRange(index: Int, axis: Int, size: Int)
    case tooManyIndices(count: Int, rank: Int)
    case maskShape(mask: [Int], shape: [Int], axis: Int)
    case zeroStep
    case assignShape(value: [Int], selection: [Int])
    case labelOutOfRange(label: Double, classes: Int)
    case notAnInteger(op: String, value: Double)
    case emptyReduction(op: String)
    // Linear algebra
    case matmul(lhs: [Int], rhs: [Int])
    // Convolution and pooling
    case windowDoesNotFit(WindowGeometry, dimension: Int)
    case windowTooLarge(WindowGeometry, dimension: Int)
    case channels(input: [Int], filters: [Int])
    case bias(filters: Int, shape: [Int])
    // Data sets and data files
    case datasetRows(x: [Int], y: [Int])
    case unknownImage(name: String, known: [String])
    case pgmMagic(found: String)
    case pgmField(field: String, offset: Int, found: String)
    case pgmMaxValue(Int)
    case pgmDataSize(width: Int, height: Int, maxValue: Int, expected: Int, found: Int)
}

/// The sizes that decide whether a sliding window fits its input; used in error messages.
public struct WindowGeometry: Equatable, Sendable {
    /// "filter" for a convolution, "window" for pooling.
    public var noun: String
    /// Input (height, width), window (height, width).
    public var input: (Int, Int), window: (Int, Int)
    public var stride: (Int, Int), padding: (Int, Int), dilation: (Int, Int)

    public init(noun: String, input: (Int, Int), window: (Int, Int),
                stride: (Int, Int), padding: (Int, Int), dilation: (Int, Int) = (1, 1)) {
        self.noun = noun
        self.input = input
        self.window = window
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
    }

    public static func == (a: WindowGeometry, b: WindowGeometry) -> Bool {
        a.noun == b.noun && a.input == b.input && a.window == b.window && a.stride == b.stride
            && a.padding == b.padding && a.dilation == b.dilation
    }
}

extension TensorError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .scalarCount(shape, count):
            let needed = shape.reduce(1, *)
            return "shape \(shape) needs \(needed) value\(needed == 1 ? "" : "s"), got \(count)"
        case let .negativeDimension(shape):
            return "shape \(shape) has a negative dimension"
        case let .tooLarge(shape):
            return "shape \(shape) is too large (more than \(Shape.maxElements) elements)"
        case let .overElementLimit(shape, limit):
            return "a tensor of shape \(shape) is too large: more than the limit of \(limit) elements"
        case let .raggedRows(row, count, expected):
            return "row \(row) has \(count) values, but row 0 has \(expected): rows must have the same length"
        case let .broadcast(op, lhs, rhs):
            return "shapes \(lhs) and \(rhs) cannot be broadcast together for \(op)"
                + " (sizes must be equal or 1, comparing from the last dimension)"
        case let .axisOutOfRange(axis, rank):
            return "axis \(axis) is out of range for a tensor of rank \(rank)"
                + (rank == 0 ? " (it has no axes)" : " (valid: \(-rank) to \(rank - 1))")
        case let .repeatedAxis(axis):
            return "axis \(axis) is named more than once"
        case let .reshape(from, to):
            return "cannot reshape \(from) (\(from.reduce(1, *)) elements) into \(to) (\(to.reduce(1, *)) elements)"
        case let .reshapeInference(to, count):
            return "cannot reshape \(count) elements into \(to): "
                + (to.filter { $0 == -1 }.count > 1 ? "only one dimension can be -1"
                   : to.contains(0) ? "-1 cannot be inferred when another dimension is 0"
                   : "the other dimensions do not divide \(count)")
        case let .permutation(axes, rank):
            return rank == 0 ? "\(axes) is not a permutation: a tensor of rank 0 has no axes (use [])"
                : "\(axes) is not a permutation of the \(rank) axes 0..\(rank - 1)"
        case let .squeeze(axis, size):
            return "cannot squeeze axis \(axis): it has size \(size), not 1"
        case let .newAxisOutOfRange(axis, rank):
            return "cannot insert a new axis at \(axis) in a tensor of rank \(rank)"
                + " (valid: \(-rank - 1) to \(rank))"
        case let .joinShapes(op, axis, first, index, other):
            return "\(op): tensor \(index) has shape \(other) but tensor 0 has \(first);"
                + (op == "stack" ? " stacked tensors must have the same shape"
                   : " shapes must match except along axis \(axis)")
        case let .emptyList(op):
            return "\(op) needs at least one tensor"
        case let .padWidthCount(count, rank):
            return "pad needs one (before, after) pair per axis (\(rank)) or a single pair for every axis,"
                + " got \(count) pairs"
        case let .negativePadding(axis, before, after):
            return "pad widths cannot be negative, got (\(before), \(after)) for axis \(axis)"
        case let .rank(op, argument, expected, shape):
            return "\(op) expects \(argument) of \(expected), got shape \(shape)"
        case let .argument(op, name, problem):
            return "\(op): \(name) \(problem)"
        case let .indexOutOfRange(index, axis, size):
            return "index \(index) is out of range for axis \(axis) with size \(size)"
        case let .tooManyIndices(count, rank):
            return "too many indices: \(count) for a tensor of rank \(rank)"
        case let .maskShape(mask, shape, axis):
            let covered = Array(shape[Swift.min(axis, shape.count)..<Swift.min(axis + Swift.max(mask.count, 1), shape.count)])
            let start = "a mask of shape \(mask) cannot index a tensor of shape \(shape): "
            guard axis == 0 else {
                return start + "a mask at axis \(axis) must have the dimensions it covers, such as \(covered)"
            }
            return start + "a mask must have the tensor's leading dimensions, such as \(Array(shape.prefix(1))) to pick rows"
                + " or \(shape) to pick single elements"
        case .zeroStep:
            return "slice step cannot be zero"
        case let .assignShape(value, selection):
            return "cannot assign a value of shape \(value) to a selection of shape \(selection)"
                + " (the value must broadcast to the selection's shape)"
        case let .labelOutOfRange(label, classes):
            return "label \(Self.number(label)) is out of range for \(classes) classes"
                + " (labels must be whole numbers from 0 to \(classes - 1))"
        case let .notAnInteger(op, value):
            return "\(op) needs whole numbers, got \(Self.number(value))"
        case let .emptyReduction(op):
            return "\(op) of an empty tensor has no value"
        case let .matmul(lhs, rhs):
            return Self.matmulMessage(lhs, rhs)
        case let .windowDoesNotFit(g, dimension):
            return Self.doesNotFit(g, dimension)
        case let .windowTooLarge(g, dimension):
            let padded = dimension == 0 ? g.input.0 + 2 * g.padding.0 : g.input.1 + 2 * g.padding.1
            return "\(Self.article(g.window)) \(Self.size(g.window)) \(g.noun)\(Self.dilated(g)) is larger than the"
                + " \(Self.size(g.input)) input\(Self.padded(g)) (\(padded) along the \(Self.axisName(dimension)))"
        case let .channels(input, filters):
            return "the input has \(input[1]) channel\(input[1] == 1 ? "" : "s") but the filters expect \(filters[1])"
                + " (x is [N, C, H, W] = \(input), w is [K, C, KH, KW] = \(filters))"
        case let .bias(filters, shape):
            return "bias must have shape [\(filters)] (one value per filter), got \(shape)"
        case let .datasetRows(x, y):
            return "a data set needs one label per example: x has shape \(x) but y has shape \(y)"
                + " (their first dimensions must be equal, and y needs rank 1 or more)"
        case let .unknownImage(name, known):
            return "there is no image named \"\(name)\"" + Self.suggestion(name, known)
                + " (the images are " + known.map { "\"\($0)\"" }.joined(separator: ", ") + ")"
        case let .pgmMagic(found):
            return "not a binary PGM image: it must start with \"P5\", but starts with \(found)"
                + (found == "\"P2\"" ? " (a plain-text PGM; save it as binary PGM)" : "")
        case let .pgmField(field, offset, found):
            return "PGM header: expected the \(field) (a positive whole number) at byte \(offset), found \(found)"
        case let .pgmMaxValue(value):
            return "PGM header: the maximum value must be from 1 to 65535, got \(value)"
        case let .pgmDataSize(width, height, maxValue, expected, found):
            return "PGM data: a \(width)x\(height) image with maximum value \(maxValue) needs \(expected) bytes"
                + " after the header (\(maxValue < 256 ? 1 : 2) per pixel), found \(found)"
        }
    }

    /// "; did you mean "camera"?" when one known name is at most two edits from `name`.
    private static func suggestion(_ name: String, _ known: [String]) -> String {
        let scored = known.map { (name: $0, distance: editDistance(Array(name.lowercased()), Array($0))) }
        guard let best = scored.min(by: { $0.distance < $1.distance }), best.distance <= 2 else { return "" }
        return "; did you mean \"\(best.name)\"?"
    }

    /// Levenshtein distance: the fewest insertions, deletions and substitutions from a to b.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(Swift.min(previous[j] + (x == y ? 0 : 1), previous[j + 1] + 1, current[j] + 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    /// "shapes [2, 3] and [4, 3] cannot be multiplied (inner sizes 3 and 4 differ)"
    private static func matmulMessage(_ lhs: [Int], _ rhs: [Int]) -> String {
        guard !lhs.isEmpty, !rhs.isEmpty else {
            return "matmul needs tensors of rank 1 or more, got shapes \(lhs) and \(rhs)"
        }
        let inner = lhs[lhs.count - 1], other = rhs.count == 1 ? rhs[0] : rhs[rhs.count - 2]
        if inner != other {
            return "shapes \(lhs) and \(rhs) cannot be multiplied (inner sizes \(inner) and \(other) differ)"
        }
        return "shapes \(lhs) and \(rhs) cannot be multiplied (batch dimensions cannot be broadcast together)"
    }

    /// "(7 - 3) / 3 + 1 = 2.33: a 3x3 filter at stride 3 does not fit a 7x7 input"
    private static func doesNotFit(_ g: WindowGeometry, _ dimension: Int) -> String {
        let n = dimension == 0 ? g.input.0 : g.input.1
        let p = dimension == 0 ? g.padding.0 : g.padding.1
        let s = dimension == 0 ? g.stride.0 : g.stride.1
        let d = dimension == 0 ? g.dilation.0 : g.dilation.1
        let f = dimension == 0 ? g.window.0 : g.window.1
        let span = d * (f - 1) + 1
        let numerator = p == 0 ? "\(n) - \(span)" : "\(n) + 2*\(p) - \(span)"
        let value = Double(n + 2 * p - span) / Double(s) + 1
        let strideText = g.stride.0 == g.stride.1 ? "\(g.stride.0)" : "\(g.stride.0)x\(g.stride.1)"
        let where_ = g.input.0 == g.input.1 && g.window.0 == g.window.1 ? ""
            : " (along the \(axisName(dimension)))"
        return "(\(numerator)) / \(s) + 1 = \(quotient(value)): \(article(g.window)) \(size(g.window)) \(g.noun)"
            + "\(dilated(g)) at stride \(strideText)\(padded(g)) does not fit \(article(g.input)) \(size(g.input)) input\(where_)"
    }

    private static func size(_ hw: (Int, Int)) -> String { "\(hw.0)x\(hw.1)" }

    /// "an" before a size read with a vowel sound ("an 8x8", "an 11x11", "an 80x80"), else "a".
    private static func article(_ hw: (Int, Int)) -> String {
        var lead = hw.0  // read in thousands: 11000 is "eleven thousand"
        while lead >= 1000 { lead /= 1000 }
        return lead == 8 || lead == 11 || lead == 18 || (80...89).contains(lead) || (800...899).contains(lead) ? "an" : "a"
    }
    private static func axisName(_ dimension: Int) -> String { dimension == 0 ? "height" : "width" }

    private static func dilated(_ g: WindowGeometry) -> String {
        guard g.dilation != (1, 1) else { return "" }
        let span = (g.dilation.0 * (g.window.0 - 1) + 1, g.dilation.1 * (g.window.1 - 1) + 1)
        let d = g.dilation.0 == g.dilation.1 ? "\(g.dilation.0)" : size(g.dilation)
        return " with dilation \(d) (spanning \(size(span)))"
    }

    private static func padded(_ g: WindowGeometry) -> String {
        guard g.padding != (0, 0) else { return "" }
        return " with padding \(g.padding.0 == g.padding.1 ? "\(g.padding.0)" : size(g.padding))"
    }

    /// The quotient of a window that does not fit, never a whole number: "2.33", but
    /// "1.9967" rather than "2" (which would contradict "does not fit").
    private static func quotient(_ x: Double) -> String {
        var scale = 100.0
        while scale < 1e12 {
            let rounded = (x * scale).rounded() / scale
            if rounded != rounded.rounded() { return String(rounded) }
            scale *= 10
        }
        return String(x)
    }

    /// 2.333… as "2.33"; whole numbers without decimals.
    static func twoDecimals(_ x: Double) -> String {
        let rounded = (x * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(rounded)
        if let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) > 3 {
            text = String(text[..<text.index(dot, offsetBy: 3)])
        }
        return text
    }

    /// A number as a student would write it: 3 rather than 3.0.
    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : String(x)
    }
}
