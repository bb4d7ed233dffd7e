import Testing
@testable import TensorEngine

/// The wording of every `TensorError.Problem` (one expectation per case, exact text), and a
/// few ops that throw the typed case rather than a sentence.
@Suite("argument problems")
struct ProblemWordingTests {
    static let problems: [(TensorError.Problem, String)] = [
        (.notAtLeast(1, got: 0), "must be at least 1, got 0"),
        (.negative(-1), "must not be negative, got -1"),
        (.notPositiveInteger(0), "must be a positive integer, got 0"),
        (.notPositive(got: "-1"), "must be a positive number, got -1"),
        (.notFiniteAtLeast(0, got: -0.1), "must be a finite number of at least 0, got -0.1"),
        (.notFiniteNonNegative(-1), "must be a finite number >= 0, got -1"),
        (.notNonzeroFinite(.nan), "must be a nonzero finite number, got nan"),
        (.notFinite, "must be finite"),
        (.notFiniteNumbers(0, .infinity), "must be finite numbers, got 0 and inf"),
        (.notANumber, "must be a number, got nan"),
        (.notFraction(1), "must be at least 0 and below 1, got 1"),
        (.notProbability(1.5), "must be a probability in 0...1, got 1.5"),
        (.notFromZeroToOne(1.5), "must be from 0 to 1, got 1.5"),
        (.sumAboveOne(1.2), "add up to 1.2; they must add up to at most 1"),
        (.aboveUpperBound(2, upper: 1), "2.0 is above the upper bound 1.0"),
        (.tooLarge(1 << 62), "is too large, got 4611686018427387904"),
        (.tooManyNumbers(1e300), "has 1e+300 numbers, more than \(Shape.maxElements)"),
        (.notBoolean(2), "must be 0 or 1 (true or false), got 2"),
        (.notClassIndex(3, classes: 3), "must be class indices 0 to 2, got 3"),
        (.tooSmallToTellApart(minimum: 8, got: 7), "must be at least 8 (smaller shapes cannot be told apart), got 7"),
        (.emptyWindow(height: 0, width: 3), "must be at least 1x1, got 0x3"),
        (.paddingAboveHalf(2, window: 3), "must be at most half the window size (1 for a 3x3 window), got 2"),
        (.shapes(expected: ["(K, C, KH, KW)", "(K)"], got: [[2, 3], nil]),
         "must have shapes (K, C, KH, KW) and (K), got [2, 3] and none"),
        (.sameShape([2], [3]), "must have the same shape, got [2] and [3]"),
        (.sameShapeElementwise([3, 1], [3]), "must have the same shape, got [3, 1] and [3] (they are compared element"
            + " by element; broadcasting [N, 1] against [N] would compare every prediction with every target)"),
        (.onePerRow(rows: 3, got: [2]), "must have shape [3] (one per row of scores), got [2]"),
        (.onePerFeature(features: 4, x: [2, 4], got: [3]), "must have shape [4], one value per feature of x [2, 4], not [3]"),
        (.outputShape(of: "conv2d's output", expected: [1, 2, 3, 3], got: [1, 2, 3, 4]),
         "must have the shape of conv2d's output [1, 2, 3, 3], got [1, 2, 3, 4]"),
        (.shapeForInput(expected: [4, 4], input: [1, 1, 3, 3], got: [4, 5]),
         "must have shape [4, 4] for an input of shape [1, 1, 3, 3], got [4, 5]"),
        (.exampleShape(got: [3], x: [5, 3], statistics: [2]),
         "has examples of shape [3] (x is [5, 3]), but the statistics are for examples of shape [2]"),
        (.keepShape(input: [2, 3], output: [2, 4]), "must keep the shape: its input has shape [2, 3], its output [2, 4]"),
        (.shapeChange(from: [2, 3], to: [3]), "has shape [2, 3], not [3]"),
        (.newValueShape(has: [4], new: [3]), "has shape [4]; the new value has shape [3]"),
        (.notAParameter(resultOf: "matmul"), "is the result of matmul, not a parameter"),
        (.notATensor(got: "a string"), "must be set to a tensor, got a string"),
        (.noExamples(shape: nil), "has no examples"),
        (.noValuesToNormalise(shape: [0, 3]), "of shape [0, 3] has no values to normalise"),
        (.oneValuePerFeature, "has one value per feature; training mode needs more than one (or call eval())"),
        (.needsValidationSet, "needs a validation set: early stopping watches the validation loss"),
        (.png(.interlaced), "is interlaced, which is not read"),
    ]

    @Test("each problem reads as before", arguments: problems)
    func wording(_ problem: TensorError.Problem, _ text: String) {
        #expect(problem.description == text)
    }

    @Test("the optional parts of a problem")
    func optionalParts() {
        #expect(TensorError.Problem.noExamples(shape: [0, 2]).description == "has no examples (shape [0, 2])")
        #expect(TensorError.Problem.notAParameter(resultOf: nil).description == "is plain data, not a parameter")
    }

    static let defects: [(TensorError.PNGDefect, String)] = [
        (.signature, "does not start with PNG's signature"),
        (.chunkCutShort(type: "IDAT"), "has a chunk IDAT cut short"),
        (.badHeader, "has a bad IHDR chunk"),
        (.missingHeader, "has no IHDR chunk"),
        (.bitDepth(16), "has 16 bits per sample; only 8 are read"),
        (.interlaced, "is interlaced, which is not read"),
        (.colourType(5), "has colour type 5, which is not read"),
        (.noPixels, "has no pixels"),
        (.inflate(rows: 4), "has image data that do not inflate to 4 rows"),
        (.paletteEntry(7, paletteSize: 2), "uses palette entry 7, but the palette has 2"),
        (.filterType(9, row: 1), "has row 1 with filter type 9, which does not exist"),
    ]

    @Test("each PNG defect reads as before", arguments: defects)
    func pngWording(_ defect: TensorError.PNGDefect, _ text: String) {
        #expect(defect.description == text)
    }

    @Test("problems compare by their wording, so one about nan equals itself")
    func equality() {
        #expect(TensorError.Problem.notNonzeroFinite(.nan) == .notNonzeroFinite(.nan))
        #expect(TensorError.Problem.notAtLeast(1, got: 0) != .notAtLeast(1, got: -1))
    }

    @Test("an argument error reads op: name problem")
    func argumentMessage() {
        let error = TensorError.argument(op: "conv2d", name: "stride", problem: .notPositiveInteger(0))
        #expect(error.description == "conv2d: stride must be a positive integer, got 0")
    }

    @Test("ops throw the typed problem")
    func typedThrows() throws {
        #expect(throws: TensorError.argument(op: "Linear", name: "weight and bias",
                                             problem: .shapes(expected: ["(inputs, outputs)", "(outputs)"], got: [[2, 3], [2]]))) {
            try Linear(weight: try Tensor.zeros([2, 3]), bias: try Tensor.zeros([2]))
        }
        #expect(throws: TensorError.argument(op: "cross_entropy", name: "labels", problem: .notClassIndex(3, classes: 3))) {
            try Tensor.softmaxCrossEntropy(try Tensor.zeros([2, 3]), labels: Tensor([0, 3]))
        }
        #expect(throws: TensorError.argument(op: "col2im", name: "the columns",
                                             problem: .shapeForInput(expected: [4, 4], input: [1, 1, 3, 3], got: [4, 5]))) {
            try Tensor.col2im(try Tensor.zeros([4, 5]), inputShape: [1, 1, 3, 3], kernelHeight: 2, kernelWidth: 2)
        }
        #expect(throws: TensorError.argument(op: "assign", name: "the tensor", problem: .notAParameter(resultOf: nil))) {
            try Tensor([1, 2]).assign(Tensor([3, 4]))
        }
        #expect(throws: TensorError.argument(op: "png", name: "image", problem: .png(.signature))) {
            try Tensor(png: [0, 1, 2])
        }
        #expect(throws: TensorError.argument(op: "Residual", name: "the wrapped layer",
                                             problem: .keepShape(input: [1, 2], output: [1, 3]))) {
            try Residual(try Linear(weight: try Tensor.zeros([2, 3]), bias: try Tensor.zeros([3])))(try Tensor.zeros([1, 2]))
        }
    }
}
