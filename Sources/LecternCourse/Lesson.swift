/// A lesson, as read from `lessons/NN-topic.md`: what the front matter says, then its steps in
/// order, each with the prose before it. The prose after the last step closes the lesson.
public struct Lesson: Sendable {
    /// The file stem, `02-convolution-arithmetic`: the lesson's name everywhere.
    public let stem: String
    /// Where it was read from (for messages: `02-convolution-arithmetic.md:41`).
    public let path: String
    public var title: String
    /// Estimated minutes; nil when the front matter does not say.
    public var minutes: Int?
    /// What the student should know first, as the author wrote it.
    public var prerequisites: [String]
    public var steps: [Step]
    /// Markdown after the last step.
    public var closing: [String]

    /// `02` of `02-convolution-arithmetic` (empty when the stem has no number).
    public var number: String { String(stem.prefix { $0.isNumber }) }
    /// `convolution-arithmetic`: the stem without its number and dash.
    public var topic: String {
        let rest = stem.drop { $0.isNumber }
        return rest.hasPrefix("-") ? String(rest.dropFirst()) : String(rest)
    }
    /// The steps whose check the student must pass (your-turn steps), by index.
    public var checkIndices: [Int] { steps.indices.filter { steps[$0].yourTurn != nil } }
}

/// One step: the Markdown before it, then either code the lesson runs (and perhaps the output
/// it must print) or a "your turn" the student answers.
public struct Step: Sendable {
    /// The prose lines since the previous step (Markdown, as written).
    public var prose: [String]
    /// The code of the ```` ```lectern ```` fence (for a your-turn step: the starter, not run).
    public var code: String
    /// The line of the file where the fence starts.
    public var line: Int
    /// The ```` ```output ```` fence after it, if there is one.
    public var expected: ExpectedOutput?
    /// Set for a ```` ```lectern your-turn ```` step.
    public var yourTurn: YourTurn?
}

/// What a step must print: the fence's text, compared exactly or with a numeric tolerance;
/// `error` means the step must fail, its rendered diagnostic being the text.
public struct ExpectedOutput: Sendable, Equatable {
    public var text: String
    /// The line of the file where the fence's text starts.
    public var line: Int
    public var tolerance: Tolerance?
    public var isError: Bool
}

/// Numbers in an output compare as |actual − expected| ≤ atol + rtol·|expected|.
public struct Tolerance: Sendable, Equatable {
    public var absolute: Double
    public var relative: Double

    public init(absolute: Double, relative: Double) {
        self.absolute = absolute
        self.relative = relative
    }
}

/// The student's task in a your-turn step, and how it is checked.
public struct YourTurn: Sendable {
    /// An expression of the language that is `true` once the task is done, evaluated in the
    /// student's session.
    public var condition: String
    public var conditionLine: Int
    /// Said when the condition is false.
    public var message: String
    /// Said on `:hint` (Markdown); nil when the author gave none.
    public var hint: String?
    /// The reference answer: `--check` runs it; the student sees it on `:solution`.
    public var solution: String
    public var solutionLine: Int
}
