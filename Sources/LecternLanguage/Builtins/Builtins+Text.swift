#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TensorEngine

/// Numbers people can read: rounding, formatting, the print precision, the exact digits; and
/// records and the clock.
extension Builtins {
    static let text: [Builtin] = [
        Builtin("round", [.init("x"), .init("digits", .number(0))], category: .general,
                summary: "x rounded to `digits` decimals, halves to even as np.round (digits < 0 rounds to tens, ...).",
                example: "round(2.5)", shapes: "x (any) -> same shape") { args, _ in
            let digits = try args.integer("digits")
            guard Swift.abs(digits) <= 308 else {
                throw LanguageError.runtime("round: digits must be between -308 and 308, got \(digits)", args.range("digits"))
            }
            let rounding = { (x: Double) in roundHalfEven(x, digits) }
            if case let .number(x) = args.value("x") { return .number(rounding(x)) }
            return .tensor(try args.tensor("x").map(rounding))
        },
        Builtin("format", [.init("template"), .init("values", variadic: true)], category: .general,
                summary: "Text with each {} or {:spec} of a template replaced by the next value (Python's str.format).",
                example: "format(\"loss {:.4f} after {} epochs\", 0.231549, 10)") { args, interpreter in
            guard case let .string(template) = args.value("template") else {
                // Python's format(value, spec): one value, one spec.
                let (value, spec) = (args.value("template"), args.restValues.first ?? .string(""))
                guard args.restValues.count <= 1, case let .string(specText) = spec else {
                    throw args.wrongType("template", expected: "a string such as \"{:.3f}\" (or format(x, \".3f\"))")
                }
                return .string(try FormatTemplate.field(value, specText, interpreter.printOptions,
                                                        at: args.rest.first?.range ?? args.callRange))
            }
            return .string(try FormatTemplate(template, args.range("template"), interpreter.currentSource)
                .fill(args.rest, interpreter.printOptions, args.callRange))
        },
        Builtin("repr", [.init("x")], category: .general,
                summary: "The exact text of a value: every element of a tensor, with the digits that read back exactly.",
                example: "repr([0.1, 1/3])") { args, _ in
            .string(args.value("x").display(Interpreter.exactOptions))
        },
        Builtin("precision", [.init("digits", .null)], category: .general,
                summary: "Sets how many decimals tensors print with for the session (NumPy's 8 to start); precision() gives it.",
                example: "precision(4)") { args, interpreter in
            guard let digits = try args.optionalInteger("digits") else { return .number(Double(interpreter.printOptions.precision)) }
            try Interpreter.checkPrecision(digits, "precision", args.range("digits"))
            interpreter.printOptions.precision = digits
            return .none
        },
        Builtin("record", [.init("name", keywords: true)], category: .general,
                summary: "A record of named values, read back as r.name: e.g. several results of a function.",
                example: "record(loss=0.5, epochs=10).loss") { args, _ in
            .record(Record("record", args.restKeywords.map { (name: $0.name, value: $0.value) }))
        },
        Builtin("clock", [], category: .general,
                summary: "Seconds since the session started, from a monotonic clock: time code by subtracting two readings.",
                example: "t = clock()") { args, interpreter in
            guard interpreter.capabilities.contains(.clock) else {
                throw LanguageError.runtime("clock: reading the clock is not allowed here (the REPL and `lectern run`"
                                            + " grant it; graded code does not, so that its output does not depend on speed)",
                                            args.callRange)
            }
            let elapsed = interpreter.sessionStart.duration(to: .now).components
            return .number(Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18)
        },
    ]
}

/// NumPy's `np.round(x, decimals)` for float64: x·10^d rounded half to even (`rint`), then
/// divided by 10^d (for d < 0: x / 10^-d, rounded, times 10^-d). The scaling is inexact, as
/// in NumPy: round(1.005, 2) is 1 (1.005·100 is 100.49999999999999), and round(2.675, 2) is
/// 2.68 (2.675·100 rounds to exactly 267.5) where Python's round, exact, says 2.67.
/// Unlike NumPy, which gives inf, a number too large to scale (1e300 to 10 decimals) stays itself.
func roundHalfEven(_ x: Double, _ digits: Int) -> Double {
    if digits == 0 { return x.rounded(.toNearestOrEven) }
    let scale = pow(10, Double(Swift.abs(digits)))
    if digits > 0 {
        let scaled = x * scale
        return scaled.isFinite ? scaled.rounded(.toNearestOrEven) / scale : x
    }
    return (x / scale).rounded(.toNearestOrEven) * scale
}

extension Interpreter {
    /// How `repr` prints: every element, each with its shortest round-trip digits.
    static let exactOptions = TensorPrintOptions(precision: 40, threshold: .max)

    /// Refuses a print precision outside 0...17 (a float64 has 17 significant digits).
    static func checkPrecision(_ digits: Int, _ name: String, _ range: SourceRange) throws(LanguageError) {
        guard (0...17).contains(digits) else {
            throw .runtime("\(name): the precision must be a whole number from 0 to 17, got \(digits)", range)
        }
    }
}
