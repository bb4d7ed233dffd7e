import LecternLanguage

/// The three kinds of generated input.
public enum FuzzKind: String, CaseIterable, Sendable {
    /// Random tokens with random nesting (`TokenStreamGenerator`).
    case tokens
    /// Well-formed programs (`ProgramGenerator`).
    case programs
    /// Programs with a few characters edited (`Mutator`).
    case mutations

    /// Case `index` of a run seeded with `seed`: the same text every time.
    public func text(seed: UInt64, index: Int) -> String { cells(seed: seed, index: index).joined(separator: "\n") }

    /// The case as the cells of a session: a generated program runs one top-level statement
    /// at a time, as a student would type it, going on after errors; the others in one cell.
    public func cells(seed: UInt64, index: Int) -> [String] {
        switch self {
        case .tokens: [TokenStreamGenerator.text(seed: seed, index: index)]
        case .programs: ProgramGenerator.cells(seed: seed, index: index)
        case .mutations: [Mutator.text(seed: seed, index: index)]
        }
    }
}

/// How one run of a generated program ended.
public enum FuzzOutcome: Hashable, Sendable, Comparable {
    /// It ran to the end (with or without a value).
    case finished
    /// It stopped with an error of this kind.
    case error(LanguageError.Kind)

    public var name: String {
        switch self {
        case .finished: "finished"
        case let .error(kind): "\(kind)"
        }
    }

    public static func < (a: FuzzOutcome, b: FuzzOutcome) -> Bool { a.name < b.name }
}

/// Runs one generated program and checks what a crash-free run must also satisfy.
public enum FuzzCheck {
    /// Tight limits, so that a million programs run in minutes: loops stop at 20,000 steps,
    /// tensors at 10,000 elements.
    public static let limits = Limits(maxSteps: 20_000, maxTensorElements: 10_000, maxCallDepth: 40, maxSeconds: 5,
                                      maxOutputBytes: 20_000)

    /// Runs `text` in a fresh interpreter. The outcome, and a description of anything wrong
    /// besides a crash: an error that does not point into its source, an interpreter that
    /// cannot run the next cell after an error.
    public static func run(_ text: String, limits: Limits = limits, followUp: Bool = false) -> (FuzzOutcome, problem: String?) {
        run(cells: [text], limits: limits, followUp: followUp)[0]
    }

    /// Runs `cells` one after another in one interpreter (a session), each cell's outcome in
    /// turn; an error ends its cell, not the session.
    public static func run(cells: [String], limits: Limits = limits, followUp: Bool = false) -> [(FuzzOutcome, problem: String?)] {
        var printed = 0
        let interpreter = Interpreter(limits: limits) { printed += $0.utf8.count }
        var results: [(FuzzOutcome, problem: String?)] = []
        for (number, text) in cells.enumerated() {
            printed = 0
            do {
                if let value = try interpreter.run(Source(name: "cell \(number + 1)", text: text)) { _ = value.display }
                results.append((.finished, printed > limits.maxOutputBytes ? "printed more than the output limit" : nil))
            } catch {
                var problem = check(error)
                if printed > limits.maxOutputBytes { problem = problem ?? "printed more than the output limit" }
                if problem == nil, followUp {
                    // (Only literals: the program may have rebound any name, even print.)
                    do {
                        let value = try interpreter.run(Source(name: "next", text: "[1, 2][1] + 1"))
                        if case .number(3)? = value {} else {
                            problem = "after the error, the next cell gave \(value?.display ?? "nothing"), not 3"
                        }
                    } catch {
                        problem = "after the error, the next cell failed: \(error.message)"
                    }
                }
                results.append((.error(error.kind), problem))
            }
        }
        return results
    }

    /// What is wrong with an error, if anything: it must have a message, a source, a range
    /// inside that source, and render.
    static func check(_ error: LanguageError) -> String? {
        guard !error.message.isEmpty else { return "an error without a message" }
        guard let source = error.source else { return "an error without a source: \(error.message)" }
        let size = source.text.utf8.count
        guard error.range.start >= 0, error.range.start <= size, error.range.end <= size + 1 else {
            return "the range \(error.range.start)..<\(error.range.end) of '\(error.message)' is outside the source (\(size) bytes)"
        }
        _ = Diagnostic.render(error)
        return nil
    }
}

/// Counts of outcomes over many runs.
public struct FuzzTally: Sendable {
    /// Programs run, and cells run (a generated program is several cells).
    public private(set) var programs = 0, cells = 0
    /// How the cells ended.
    public private(set) var outcomes: [FuzzOutcome: Int] = [:]
    public private(set) var problems: [String] = []

    public init() {}

    /// Counts one program, with the outcome of each of its cells.
    public mutating func add(_ results: [(FuzzOutcome, problem: String?)], kind: FuzzKind, seed: UInt64, index: Int) {
        programs += 1
        for (outcome, problem) in results {
            cells += 1
            outcomes[outcome, default: 0] += 1
            if let problem, problems.count < 100 {
                problems.append("\(kind.rawValue) #\(index) (seed \(seed)): \(problem)")
            }
        }
    }

    public mutating func merge(_ other: FuzzTally) {
        programs += other.programs
        cells += other.cells
        for (outcome, count) in other.outcomes { outcomes[outcome, default: 0] += count }
        problems += other.problems
    }

    /// "finished 1234, runtime 567, syntax 89, ..."
    public var summary: String {
        outcomes.sorted { $0.value > $1.value }.map { "\($0.key.name) \($0.value)" }.joined(separator: ", ")
    }
}
