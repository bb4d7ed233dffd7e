/// What is wrong with an argument. `TensorError.argument(op:name:problem:)` reads
/// "op: name problem", as in "conv2d: stride must be a positive integer, got 0"; each case
/// carries the values its phrase needs, and the phrases live in one place, `description`.
extension TensorError {
    public enum Problem: Equatable, Sendable {
        // A number outside its range
        /// "must be at least 1, got 0"
        case notAtLeast(Int, got: Int)
        /// "must not be negative, got -1"
        case negative(Int)
        /// "must be a positive integer, got 0" (strides and dilations)
        case notPositiveInteger(Int)
        /// "must be a positive number, got 0"; the value as the caller writes it.
        case notPositive(got: String)
        /// "must be a finite number of at least 0, got -0.1"
        case notFiniteAtLeast(Double, got: Double)
        /// "must be a finite number >= 0, got -1" (noise, a standard deviation)
        case notFiniteNonNegative(Double)
        /// "must be a nonzero finite number, got 0"
        case notNonzeroFinite(Double)
        /// "must be finite"
        case notFinite
        /// "must be finite numbers, got 0 and inf"
        case notFiniteNumbers(Double, Double)
        /// "must be a number, got nan"
        case notANumber
        /// "must be at least 0 and below 1, got 1" (a momentum, Adam's betas)
        case notFraction(Double)
        /// "must be a probability in 0...1, got 1.5"
        case notProbability(Double)
        /// "must be from 0 to 1, got 1.5"
        case notFromZeroToOne(Double)
        /// "add up to 1.2; they must add up to at most 1"
        case sumAboveOne(Double)
        /// "2.0 is above the upper bound 1.0"
        case aboveUpperBound(Double, upper: Double)
        /// "is too large, got 4611686018427387903"
        case tooLarge(Int)
        /// "has 1e+300 numbers, more than 4294967296"
        case tooManyNumbers(Double)
        /// "must be 0 or 1 (true or false), got 2"
        case notBoolean(Double)
        /// "must be class indices 0 to 2, got 3"
        case notClassIndex(Double, classes: Int)
        /// "must be at least 8 (smaller shapes cannot be told apart), got 7"
        case tooSmallToTellApart(minimum: Int, got: Int)
        // Windows
        /// "must be at least 1x1, got 0x3"
        case emptyWindow(height: Int, width: Int)
        /// "must be at most half the window size (1 for a 3x3 window), got 2"
        case paddingAboveHalf(Int, window: Int)
        // Shapes
        /// "must have shapes (inputs, outputs) and (outputs), got [2, 3] and [2]"; nil reads "none".
        case shapes(expected: [String], got: [[Int]?])
        /// "must have the same shape, got [2] and [3]"
        case sameShape([Int], [Int])
        /// `sameShape`, and why broadcasting is not done (mse).
        case sameShapeElementwise([Int], [Int])
        /// "must have shape [3] (one per row of scores), got [2]"
        case onePerRow(rows: Int, got: [Int])
        /// "must have shape [4], one value per feature of x [2, 4], not [3]"
        case onePerFeature(features: Int, x: [Int], got: [Int])
        /// "must have the shape of conv2d's output [1, 2, 3, 3], got [1, 2, 3, 4]"
        case outputShape(of: String, expected: [Int], got: [Int])
        /// "must have shape [4, 4] for an input of shape [1, 1, 3, 3], got [4, 5]"
        case shapeForInput(expected: [Int], input: [Int], got: [Int])
        /// "has examples of shape [3] (x is [5, 3]), but the statistics are for examples of shape [2]"
        case exampleShape(got: [Int], x: [Int], statistics: [Int])
        /// "must keep the shape: its input has shape [2, 3], its output [2, 4]"
        case keepShape(input: [Int], output: [Int])
        /// "has shape [2, 3], not [3]"
        case shapeChange(from: [Int], to: [Int])
        /// "has shape [4]; the new value has shape [3]"
        case newValueShape(has: [Int], new: [Int])
        // What a value is
        /// "is the result of matmul, not a parameter"; nil: "is plain data, not a parameter"
        case notAParameter(resultOf: String?)
        /// "must be set to a tensor, got a string"
        case notATensor(got: String)
        // Nothing to work on
        /// "has no examples", or "has no examples (shape [0, 2])"
        case noExamples(shape: [Int]?)
        /// "of shape [0, 3] has no values to normalise"
        case noValuesToNormalise(shape: [Int])
        /// "has one value per feature; training mode needs more than one (or call eval())"
        case oneValuePerFeature
        /// "needs a validation set: early stopping watches the validation loss"
        case needsValidationSet
        // Files
        /// What is wrong with a PNG file, or what it uses that is not read.
        case png(PNGDefect)
    }

    /// What is wrong with a PNG file: "png: image is interlaced, which is not read".
    public enum PNGDefect: Equatable, Sendable {
        case signature
        case chunkCutShort(type: String)
        case badHeader
        case missingHeader
        case bitDepth(Int)
        case interlaced
        case colourType(Int)
        case noPixels
        case inflate(rows: Int)
        case paletteEntry(Int, paletteSize: Int)
        case filterType(Int, row: Int)
    }
}

extension TensorError.Problem {
    // NOTE: compared by wording, not by the values' ==: a problem about nan must equal
    // itself (nan != nan), as the sentence it replaced did.
    public static func == (a: Self, b: Self) -> Bool { a.description == b.description }
}

extension TensorError.Problem: CustomStringConvertible {
    public var description: String {
        let number = TensorError.number
        switch self {
        case let .notAtLeast(minimum, got): return "must be at least \(minimum), got \(got)"
        case let .negative(value): return "must not be negative, got \(value)"
        case let .notPositiveInteger(value): return "must be a positive integer, got \(value)"
        case let .notPositive(got): return "must be a positive number, got \(got)"
        case let .notFiniteAtLeast(minimum, got):
            return "must be a finite number of at least \(number(minimum)), got \(number(got))"
        case let .notFiniteNonNegative(value): return "must be a finite number >= 0, got \(number(value))"
        case let .notNonzeroFinite(value): return "must be a nonzero finite number, got \(number(value))"
        case .notFinite: return "must be finite"
        case let .notFiniteNumbers(a, b): return "must be finite numbers, got \(number(a)) and \(number(b))"
        case .notANumber: return "must be a number, got nan"
        case let .notFraction(value): return "must be at least 0 and below 1, got \(number(value))"
        case let .notProbability(p): return "must be a probability in 0...1, got \(p)"
        case let .notFromZeroToOne(value): return "must be from 0 to 1, got \(number(value))"
        case let .sumAboveOne(sum): return "add up to \(number(sum)); they must add up to at most 1"
        case let .aboveUpperBound(lower, upper): return "\(lower) is above the upper bound \(upper)"
        case let .tooLarge(value): return "is too large, got \(value)"
        case let .tooManyNumbers(count): return "has \(count) numbers, more than \(Shape.maxElements)"
        case let .notBoolean(value): return "must be 0 or 1 (true or false), got \(number(value))"
        case let .notClassIndex(label, classes): return "must be class indices 0 to \(classes - 1), got \(number(label))"
        case let .tooSmallToTellApart(minimum, got):
            return "must be at least \(minimum) (smaller shapes cannot be told apart), got \(got)"
        case let .emptyWindow(height, width): return "must be at least 1x1, got \(height)x\(width)"
        case let .paddingAboveHalf(padding, window):
            return "must be at most half the window size (\(window / 2) for a \(window)x\(window) window), got \(padding)"
        case let .shapes(expected, got):
            return "must have shapes \(expected.joined(separator: " and ")), got "
                + got.map { $0.map { "\($0)" } ?? "none" }.joined(separator: " and ")
        case let .sameShape(a, b): return "must have the same shape, got \(a) and \(b)"
        case let .sameShapeElementwise(a, b):
            return Self.sameShape(a, b).description + " (they are compared element by element; broadcasting [N, 1]"
                + " against [N] would compare every prediction with every target)"
        case let .onePerRow(rows, got): return "must have shape [\(rows)] (one per row of scores), got \(got)"
        case let .onePerFeature(features, x, got):
            return "must have shape [\(features)], one value per feature of x \(x), not \(got)"
        case let .outputShape(of, expected, got): return "must have the shape of \(of) \(expected), got \(got)"
        case let .shapeForInput(expected, input, got):
            return "must have shape \(expected) for an input of shape \(input), got \(got)"
        case let .exampleShape(got, x, statistics):
            return "has examples of shape \(got) (x is \(x)), but the statistics are for examples of shape \(statistics)"
        case let .keepShape(input, output): return "must keep the shape: its input has shape \(input), its output \(output)"
        case let .shapeChange(from, to): return "has shape \(from), not \(to)"
        case let .newValueShape(has, new): return "has shape \(has); the new value has shape \(new)"
        case let .notAParameter(op): return "is \(op.map { "the result of \($0)" } ?? "plain data"), not a parameter"
        case let .notATensor(got): return "must be set to a tensor, got \(got)"
        case let .noExamples(shape): return "has no examples" + (shape.map { " (shape \($0))" } ?? "")
        case let .noValuesToNormalise(shape): return "of shape \(shape) has no values to normalise"
        case .oneValuePerFeature: return "has one value per feature; training mode needs more than one (or call eval())"
        case .needsValidationSet: return "needs a validation set: early stopping watches the validation loss"
        case let .png(defect): return defect.description
        }
    }
}

extension TensorError.PNGDefect: CustomStringConvertible {
    public var description: String {
        switch self {
        case .signature: return "does not start with PNG's signature"
        case let .chunkCutShort(type): return "has a chunk \(type) cut short"
        case .badHeader: return "has a bad IHDR chunk"
        case .missingHeader: return "has no IHDR chunk"
        case let .bitDepth(depth): return "has \(depth) bits per sample; only 8 are read"
        case .interlaced: return "is interlaced, which is not read"
        case let .colourType(type): return "has colour type \(type), which is not read"
        case .noPixels: return "has no pixels"
        case let .inflate(rows): return "has image data that do not inflate to \(rows) rows"
        case let .paletteEntry(entry, size): return "uses palette entry \(entry), but the palette has \(size)"
        case let .filterType(filter, row): return "has row \(row) with filter type \(filter), which does not exist"
        }
    }
}
