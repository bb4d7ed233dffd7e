import LecternLanguage
import LecternRender
import TensorEngine

/// What running a step printed: its `print`s, then the value of a final bare expression as
/// the REPL shows it (not `none`); for a step that failed, its diagnostic after what it
/// printed before failing.
public struct StepOutput: Sendable, Equatable {
    public var text: String
    public var failed: Bool
}

/// Runs code in one session, the way the REPL runs an entry, capturing what it prints.
/// `--check` gives each lesson a fresh runner: seed 0, no colour, 80 columns.
public final class StepRunner {
    public let interpreter: Interpreter
    private var captured = ""

    /// The width values and pictures are drawn at.
    public static let width = 80

    public init() {
        // Lessons are the author's code: they may read files (data sets), not write them, and
        // read the clock (a step that times something has no output fence to compare).
        interpreter = Interpreter(capabilities: [.readFiles, .clock], extraBuiltins: Pictures.builtins)
        interpreter.rng = RandomGenerator(seed: 0)
        interpreter.output = { [unowned self] in captured += $0 }
    }

    /// Runs `code` as a source called `name` (`step 3`).
    public func run(_ code: String, name: String) -> StepOutput {
        captured = ""
        let failed: Bool
        do throws(LanguageError) {
            let value = try interpreter.run(Source(name: name, text: code))
            if let value, !value.isNone {
                captured += Self.show(value, options: interpreter.printOptions) + "\n"
                interpreter.globals.define("ans", value)
            }
            failed = false
        } catch {
            captured += Diagnostic.render(error)
            failed = true
        }
        return StepOutput(text: captured, failed: failed)
    }

    /// A value as the REPL shows it; a figure at 80 columns without colour whatever the
    /// process's terminal (`print(figure)` follows `TerminalSettings.inForce`, which
    /// `lectern lesson --check` sets to the same).
    /// Tensors print at the session's precision (`precision(4)`), as in the REPL.
    static func show(_ value: Value, options: TensorPrintOptions) -> String {
        if case let .object(object) = value, let figure = object as? Figure { return figure.render(TerminalSettings(width: width)) }
        return ValueSummary.text(value, width: width, options: options)
    }

    /// Evaluates a your-turn's check in this session (what it prints is dropped).
    public func check(_ turn: YourTurn, step: Int) -> CheckOutcome {
        let outcome = CheckOutcome.evaluate(turn, step: step, in: interpreter)
        captured = ""
        return outcome
    }
}

/// How a your-turn's check came out.
public enum CheckOutcome: Sendable, Equatable {
    case passed
    /// The condition was false (or not a boolean): the author's message.
    case failed(String)
    /// The condition stopped with an error (a variable not defined yet): the message and the
    /// diagnostic.
    case error(String, diagnostic: String)

    /// Evaluates the condition in the student's session (`interpreter`), as `check of step N`.
    public static func evaluate(_ turn: YourTurn, step: Int, in interpreter: Interpreter) -> CheckOutcome {
        do throws(LanguageError) {
            let value = try interpreter.run(Source(name: "check of step \(step)", text: turn.condition))
            if case .bool(true)? = value { return .passed }
            return .failed(turn.message)
        } catch {
            return .error(turn.message, diagnostic: Diagnostic.render(error))
        }
    }
}

extension Value {
    var isNone: Bool {
        if case .none = self { return true }
        return false
    }
}
