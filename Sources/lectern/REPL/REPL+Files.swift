#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LecternLanguage

extension REPL {
    /// `:save FILE`: the entries that ran without error, in order, as a script that
    /// `lectern run` (or `:load`) runs again.
    func save(_ argument: String) {
        guard let path = Self.path(argument) else { return fail("usage: :save FILE") }
        let text = "# Saved by Lectern \(Lectern.version): the entries of a session (those that failed while running, commented out).\n"
            + inputs.map { $0 + "\n" }.joined()
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return fail("cannot write '\(path)': \(String(cString: strerror(errno)))") }
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)
        guard written == bytes.count else { return fail("cannot write '\(path)': \(String(cString: strerror(errno)))") }
        let failed = inputs.filter { $0.hasPrefix("# failed: ") }.count
        var note = "Saved \(inputs.count) entr\(inputs.count == 1 ? "y" : "ies") to \(path)."
        if failed > 0 {
            note += " \(failed) that failed \(failed == 1 ? "is" : "are") commented out: what \(failed == 1 ? "it" : "they")"
                + " set before failing is not in the script."
        }
        console.writeLine(note)
    }

    /// `:load FILE`: runs a script in this session (its variables join the session's).
    /// Like `lectern run`, a script shows only what it prints.
    func load(_ argument: String) {
        guard let path = Self.path(argument) else { return fail("usage: :load FILE") }
        let source: Source
        do {
            source = try ScriptFile.read(path)
        } catch {
            return fail("\(error)")
        }
        do throws(LanguageError) {
            _ = try execute(source)
            inputs.append("# :load \(path)\n" + source.text)
        } catch {
            if error.kind != .syntax { inputs.append(Self.failedEntry(":load \(path)", error.message)) }
            report(error)
        }
    }

    /// The file an argument names: quotes removed, `~/` for the home directory; nil if empty.
    static func path(_ argument: String) -> String? {
        var path = argument
        if path.count >= 2, let first = path.first, first == "\"" || first == "'", path.last == first {
            path = String(path.dropFirst().dropLast())
        }
        if path == "\"" || path == "'" { return nil }
        guard !path.isEmpty else { return nil }
        if path.hasPrefix("~/"), let home = getenv("HOME") { path = String(cString: home) + path.dropFirst() }
        return path
    }
}
