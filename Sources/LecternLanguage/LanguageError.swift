/// An error in a program: where it is, what kind, and what went wrong, in words a student
/// can act on. Rendering (the source line with a caret under the span) happens in one
/// place, `Diagnostic.render`.
public struct LanguageError: Error, Sendable {
    public enum Kind: Sendable, Equatable {
        /// The text is not a valid program.
        case syntax
        /// The text stops in the middle of something (an open bracket, block or string): a
        /// REPL should read another line instead of reporting it.
        case incompleteInput
        /// The program is valid but failed while running.
        case runtime
        /// A limit of the interpreter stopped the program (steps, time, memory, depth, output).
        case limit
        /// Someone pressed Ctrl-C.
        case cancelled
    }

    public var kind: Kind
    public var message: String
    public var range: SourceRange
    /// The source the range refers to; set by whoever runs the program.
    public var source: Source?
    /// The user functions the error passed through, innermost first: the name of each and
    /// the place it was called from.
    public var trace: [CallFrame] = []

    public init(_ kind: Kind, _ message: String, _ range: SourceRange, source: Source? = nil) {
        self.kind = kind
        self.message = message
        self.range = range
        self.source = source
    }

    static func syntax(_ message: String, _ range: SourceRange) -> LanguageError { .init(.syntax, message, range) }
    static func incompleteInput(_ message: String, _ range: SourceRange) -> LanguageError {
        .init(.incompleteInput, message, range)
    }
    static func runtime(_ message: String, _ range: SourceRange) -> LanguageError { .init(.runtime, message, range) }
}

/// One step of a call chain: function `name` was called at `range` of `source`.
public struct CallFrame: Sendable {
    public var name: String
    public var range: SourceRange
    public var source: Source
}
