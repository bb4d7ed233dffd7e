/// The phrasings the language's errors use in more than one place, so that the same mistake
/// reads the same wherever it is made: in the parser or the interpreter, in a user function's
/// call or a builtin's. A message said in one place only is written at its throw site, next to
/// the check it explains. (The engine's wording is in `TensorError+Problem.swift`; stops by
/// Ctrl-C and the limits are in `LanguageError+Stop.swift`.)
extension LanguageError {
    /// `'break' outside a loop`: a syntax error where the parser sees it, a run-time one for a
    /// tree built some other way.
    static func outsideLoop(_ keyword: String, _ kind: Kind, _ range: SourceRange) -> LanguageError {
        LanguageError(kind, "'\(keyword)' outside a loop", range)
    }

    /// `index 5 is out of range for a list of 3 items`.
    static func indexOutOfRange(_ index: Int, count: Int, of container: String, unit: String,
                                _ range: SourceRange) -> LanguageError {
        .runtime("index \(index) is out of range for a \(container) of \(Wording.counted(count, unit))", range)
    }

    /// `WHAT must be a whole number, got GOT` (`got`: a number as printed, or a type's name).
    static func notWholeNumber(_ what: String, got: String, _ range: SourceRange) -> LanguageError {
        .runtime("\(what) must be a whole number, got \(got)", range)
    }

    /// `WHAT must hold whole numbers, got GOT`: a shape, a padding, a list of sizes.
    static func notWholeNumbers(_ what: String, got: String, _ range: SourceRange) -> LanguageError {
        .runtime("\(what) must hold whole numbers, got \(got)", range)
    }

    /// `WHAT holds 1e+20, which is too large (at most …)`: a list of whole numbers with one
    /// past `WholeNumber`'s limit.
    static func holdsTooLarge(_ what: String, _ number: Double, _ range: SourceRange) -> LanguageError {
        .runtime("\(what) holds \(formatNumber(number)), which is too large (at most \(WholeNumber.limitText))", range)
    }

    /// `FUNCTION needs the argument 'NAME'`, and how to call it when that is known.
    static func missingArgument(_ function: String, _ parameter: String, signature: String? = nil,
                                _ range: SourceRange) -> LanguageError {
        .runtime("\(function) needs the argument '\(parameter)'" + (signature.map { ": " + $0 } ?? ""), range)
    }
}

/// Pieces of wording shared by several messages.
enum Wording {
    /// `1 item`, `3 items`.
    static func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    /// `; did you mean 'conv2d'?` after a misspelt name, when a candidate is near enough
    /// (`Suggestions.nearest`); nil when none is.
    static func didYouMean(_ name: String, in candidates: [String]) -> String? {
        Suggestions.nearest(to: name, in: candidates).map { "; did you mean '\($0)'?" }
    }

    /// Requirements an argument is checked against (`Arguments.number(_:_:_:)`).
    static let notNegative = "must not be negative"
    static let fromZeroToOne = "must be from 0 to 1"
}
