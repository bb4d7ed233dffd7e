import LecternCourse
import LecternLanguage

/// How a cell ended.
enum CellOutcome {
    /// It stops in the middle of something (nothing ran): the next line continues it.
    case incomplete(LanguageError)
    /// It ran; the value of its final bare expression, if it has one.
    case succeeded(Value?)
    case failed
}

extension REPL {
    /// Runs `text` as the next cell: prints the value of a final bare expression (unless it
    /// is `none`) and keeps it in `ans`; reports an error with its caret. Every variable set
    /// before an error, or before Ctrl-C, stays set.
    @discardableResult
    func runCell(_ text: String, firstLine: Int, showsValue: Bool = true) -> CellOutcome {
        let number = cellCount + 1
        let source = interactive
            ? Source(name: "cell \(number)", text: text)
            // Piped: messages give the line of standard input.
            : Source(name: "<stdin>", text: text, isFile: true, firstLine: firstLine)
        do throws(LanguageError) {
            let value = try execute(source)
            cellCount = number
            inputs.append(text)
            if showsValue, let value { show(value) }
            return .succeeded(value)
        } catch where error.kind == .incompleteInput {
            return .incomplete(error)
        } catch {
            cellCount = number
            // An entry that failed while running may have set variables before it stopped:
            // `:save` keeps it, commented out (a syntax error ran nothing).
            if error.kind != .syntax { inputs.append(Self.failedEntry(text, error.message)) }
            report(error)
            return .failed
        }
    }

    /// Runs a source in the session, with the progress line and Ctrl-C armed.
    func execute(_ source: Source) throws(LanguageError) -> Value? {
        progress.begin()
        defer {
            progress.clear()
            console.flush()
        }
        return try interpreter.run(source)
    }

    /// How `:save` writes an entry that failed: a note, then the entry commented out.
    static func failedEntry(_ text: String, _ message: String) -> String {
        "# failed: \(message.split(separator: "\n").first ?? "")\n"
            + text.split(separator: "\n", omittingEmptySubsequences: false).map { "# " + $0 }.joined(separator: "\n")
    }

    /// Prints a value as the REPL shows it and keeps it in `ans` (`none` is neither).
    func show(_ value: Value) {
        if case .none = value { return }
        console.writeLine(ValueSummary.text(value, width: interactive ? TerminalSize.columns : 80,
                                            options: interpreter.printOptions))
        interpreter.globals.define("ans", value)
    }
}
