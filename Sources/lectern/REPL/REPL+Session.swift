import LecternCourse
import LecternLanguage
import TensorEngine

extension REPL {
    /// `:vars`: a table of the session's variables, sorted by name.
    func listVariables() {
        let names = interpreter.globals.names
        guard !names.isEmpty else { return console.writeLine("No variables yet.") }
        let rows = names.compactMap { name in interpreter.globals.lookup(name).map { VariableRow(name, $0) } }
        let table = [["name", "kind", "shape", "size", "value"]] + rows.map { [$0.name, $0.kind, $0.shape, $0.size, $0.value] }
        let widths = (0..<5).map { column in table.map { $0[column].count }.max() ?? 0 }
        for (index, row) in table.enumerated() {
            let cells = row.enumerated().map { $1 + String(repeating: " ", count: widths[$0] - $1.count) }
            let line = String(cells.joined(separator: "  ").reversed().drop { $0 == " " }.reversed())
            console.writeLine(index == 0 ? console.bold(line) : line)
        }
    }

    /// `:time EXPR`: runs EXPR as a cell and says how long it took.
    func time(_ code: String) {
        guard !code.isEmpty else { return fail("usage: :time EXPR") }
        let start = ContinuousClock.now
        let outcome = runCell(code, firstLine: entryLine)
        let elapsed = start.duration(to: .now)
        if case let .incomplete(error) = outcome { return report(error) }
        console.writeLine(console.dim("time: " + Self.format(elapsed)))
    }

    /// `:reset`: no variables, the random generator as at start, no inputs to save.
    func reset() {
        for name in interpreter.globals.names { interpreter.globals.remove(name) }
        interpreter.rng = RandomGenerator(seed: 0)
        inputs = []
        console.writeLine("Every variable is gone; the random generator starts again from seed 0.")
    }

    /// "0.42 ms", "12.3 ms", "2.41 s".
    static func format(_ duration: Duration) -> String {
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
        func rounded(_ x: Double, _ digits: Double) -> String { formatNumber((x * digits).rounded() / digits) }
        if seconds < 0.001 { return rounded(seconds * 1000, 100) + " ms" }
        if seconds < 1 { return rounded(seconds * 1000, 10) + " ms" }
        return rounded(seconds, 100) + " s"
    }
}

/// One line of `:vars`.
struct VariableRow {
    let name: String
    var kind: String, shape = "", size = "", value = ""

    init(_ name: String, _ value: Value) {
        self.name = name
        kind = value.typeName
        switch value {
        case let .tensor(tensor):
            shape = "[" + tensor.shape.map(String.init).joined(separator: ", ") + "]"
            size = String(tensor.count)
            if tensor.rank == 0 { self.value = value.display }
        case .none, .bool, .number, .function:
            self.value = value.display
        case let .string(s):
            size = "\(s.count) characters"
            self.value = Self.short(value.display)
        case let .list(items):
            size = "\(items.count) items"
            self.value = Self.short(ValueSummary.text(value, width: 80))
        case let .record(record):
            size = "\(record.fields.count) fields"
            self.value = Self.short("fields " + record.fields.map(\.name).joined(separator: ", "))
        case let .object(object):
            if let layer = object as? LayerObject { size = "\(layer.layer.parameterCount) parameters" }
            self.value = Self.short(object.description.split(whereSeparator: \.isNewline).map { String($0).trimmingBlanks }.joined(separator: " "))
        }
    }

    /// The first line, at most 40 characters.
    private static func short(_ text: String) -> String {
        let line = text.prefix { $0 != "\n" }
        return line.count > 40 ? String(line.prefix(39)) + "…" : String(line)
    }
}
