import LecternLanguage

extension REPL {
    /// `:help` (the overview) and `:help NAME` / `?NAME`: a builtin (from the registry), a
    /// meta-command, a keyword or a variable of the session.
    func help(_ name: String) {
        let name = name.hasPrefix(":") ? String(name.dropFirst()) : name
        if name.isEmpty { return console.write(overview()) }
        if let builtin = interpreter.builtin(named: name) { return console.writeLine(Reference.help(builtin)) }
        if let command = MetaCommands.named(name) { return console.writeLine("\(command.usage)\n  \(command.summary)") }
        if let value = interpreter.globals.lookup(name) { return console.writeLine(describe(name, value)) }
        if Vocabulary.keywords.contains(name) {
            return console.writeLine("'\(name)' is a keyword of the language: see docs/language.md")
        }
        let candidates = interpreter.builtinNames + MetaCommands.all.map(\.name) + interpreter.globals.names
        let nearest = Spelling.nearest(to: name, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
        fail("no builtin, command or variable is called '\(name)'\(nearest)")
    }

    /// What a variable is: its kind, and its shape or value when short.
    private func describe(_ name: String, _ value: Value) -> String {
        let row = VariableRow(name, value)
        let details = [row.shape, row.size].filter { !$0.isEmpty }.joined(separator: ", ")
        return "\(name): a \(row.kind)" + (details.isEmpty ? "" : " (\(details))") + (row.value.isEmpty ? "" : " = \(row.value)")
    }

    /// The overview: meta-commands, keys, and the builtins by category.
    func overview() -> String {
        var lines = [
            console.bold("Lectern") + ": type code and press Enter. The value of an expression is printed and kept in 'ans';",
            "a bracket, block or string left open continues on the next line ('...').",
            "",
            console.bold("Commands"),
        ]
        let width = MetaCommands.all.map(\.usage.count).max() ?? 0
        for command in MetaCommands.all {
            lines.append("  " + command.usage + String(repeating: " ", count: width - command.usage.count + 2) + command.summary)
        }
        lines += [
            "",
            console.bold("Keys"),
            "  Tab      completes names, attributes after a dot, keyword arguments, commands and file names",
            "  Up/Down  earlier entries; Ctrl-R searches them (the history is kept between sessions)",
            "  Ctrl-C   stops a computation (variables are kept), or clears the line",
            "  Ctrl-D   leaves",
            "",
            console.bold("Builtins") + " (:help NAME or ?NAME for one)",
        ]
        for category in Builtin.Category.allCases {
            let names = interpreter.builtins.filter { $0.category == category }.map(\.name)
            guard !names.isEmpty else { continue }
            lines.append(contentsOf: wrap(category.rawValue + ": " + names.joined(separator: ", "), indent: "  "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A long line broken at spaces to fit the terminal, every line indented.
    private func wrap(_ text: String, indent: String) -> [String] {
        let width = max(40, (interactive ? TerminalSize.columns : 80) - indent.count - 1)
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(indent + line)
                line = "  "
            }
            line += (line.isEmpty || line == "  " ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(indent + line) }
        return lines
    }
}
