#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LecternLanguage

extension REPL {
    /// What Tab offers for `line`, the current line up to the cursor: meta-command names after
    /// `:`, then what each command takes (file names, names, lessons, an expression); code
    /// is completed by the language (`Interpreter.completions`), with the earlier lines of an
    /// unfinished entry as context.
    func completions(forLine line: String) -> Completions {
        guard pending.isEmpty, let first = line.first(where: { $0 != " " && $0 != "\t" }), first == ":" || first == "?" else {
            return interpreter.completions(for: (pending.lines + [line]).joined(separator: "\n"))
        }
        let text = line.drop { $0 == " " || $0 == "\t" }
        if first == "?" { return names(String(text.dropFirst().drop { $0 == " " || $0 == "\t" })) }
        let name = String(text.dropFirst().prefix { $0 != " " })
        guard text.count > name.count + 1 else {
            let commands = MetaCommands.all.map { ":" + $0.name }.filter { $0.hasPrefix(":" + name) }
            return Completions(prefix: ":" + name, candidates: commands)
        }
        let argument = String(text.dropFirst(name.count + 1).drop { $0 == " " })
        switch MetaCommands.named(name)?.argument {
        case .name?: return names(argument)
        case .file?: return Self.paths(argument)
        case .expression?: return interpreter.completions(for: argument)
        case .lesson?: return Self.matching(catalog.lessonNames, argument)
        case .exercise?: return Self.matching(catalog.exerciseNames, argument)
        case .none?, .number?, nil: return .none
        }
    }

    /// Builtins, variables and commands, for `:help` and `?`.
    private func names(_ prefix: String) -> Completions {
        Self.matching(interpreter.builtinNames + interpreter.globals.names + MetaCommands.all.map(\.name), prefix)
    }

    private static func matching(_ names: [String], _ prefix: String) -> Completions {
        Completions(prefix: prefix, candidates: Array(Set(names.filter { $0.hasPrefix(prefix) })).sorted())
    }

    /// The files and directories (with a `/`) whose path starts with `typed`; dot files only
    /// when the name typed starts with a dot.
    static func paths(_ typed: String) -> Completions {
        let slash = typed.lastIndex(of: "/")
        let directory = slash.map { String(typed[...$0]) } ?? ""
        let base = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        var listed = directory.isEmpty ? "." : directory
        if listed.hasPrefix("~/"), let home = getenv("HOME") { listed = String(cString: home) + listed.dropFirst() }
        guard let stream = opendir(listed) else { return .none }
        defer { closedir(stream) }
        var candidates: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard name != ".", name != "..", name.hasPrefix(base), !name.hasPrefix(".") || base.hasPrefix(".") else { continue }
            var info = stat()
            let isDirectory = stat(listed + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            candidates.append(directory + name + (isDirectory ? "/" : ""))
        }
        return Completions(prefix: typed, candidates: candidates.sorted())
    }
}
