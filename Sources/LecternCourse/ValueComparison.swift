import LecternLanguage
import TensorEngine

/// Whether a value is what a test expects, and if not, the first difference in the words a
/// student can act on (rustlings and Exercism show the same: where, expected, got):
///
///     expected shape [2, 3], got [3, 2]
///     the first difference is at [1, 2]: expected 0.5, got 0.25 (2 of 6 elements differ)
///     dscores: expected a tensor of shape [2, 3], got none
///
/// Numbers compare as |got − want| ≤ atol + rtol·|want| (NumPy's `isclose`; `nan` matches
/// `nan`, an infinity only itself), or exactly without a tolerance. A number and a tensor of
/// rank 0 are the same; other shapes must match exactly (no broadcasting). Lists compare item
/// by item, records field by field (the fields the expected record has; extra ones are
/// ignored); strings, booleans and `none` by equality.
enum ValueComparison {
    /// Tensors with at most this many elements are shown whole in a message.
    static let shownElements = 12

    /// nil when `got` matches `want`; otherwise what differs.
    static func difference(_ got: Value, _ want: Value, _ tolerance: Tolerance?) -> String? {
        switch want {
        case let .record(expected): return recordDifference(got, expected, tolerance)
        case let .list(expected): return listDifference(got, expected, tolerance)
        case .number, .tensor: return numericDifference(got, want.tensorValue!, tolerance)
        case .none:
            if case .none = got { return nil }
            return "expected none, got \(describe(got))"
        case let .bool(b):
            if case .bool(b) = got { return nil }
            return "expected \(b), got \(describe(got))"
        case let .string(s):
            if case .string(s) = got { return nil }
            return "expected \(want.display), got \(describe(got))"
        case .function, .object:
            return "the test expects \(want.aTypeName), which cannot be compared (compare its attributes or its output)"
        }
    }

    private static func recordDifference(_ got: Value, _ want: Record, _ tolerance: Tolerance?) -> String? {
        let names = want.fields.map(\.name).joined(separator: ", ")
        guard case let .record(record) = got else { return "expected a record with fields \(names), got \(describe(got))" }
        for field in want.fields {
            guard let value = record[field.name] else {
                let has = record.fields.isEmpty ? "none" : record.fields.map(\.name).joined(separator: ", ")
                return "the record has no field '\(field.name)' (it has \(has); expected \(names))"
            }
            if let difference = difference(value, field.value, tolerance) { return field.name + ": " + difference }
        }
        return nil
    }

    private static func listDifference(_ got: Value, _ want: [Value], _ tolerance: Tolerance?) -> String? {
        guard case let .list(items) = got else { return "expected a list of \(want.count) items, got \(describe(got))" }
        guard items.count == want.count else { return "expected a list of \(want.count) items, got \(items.count) items" }
        for (index, (item, expected)) in zip(items, want).enumerated() {
            if let difference = difference(item, expected, tolerance) { return "item \(index): " + difference }
        }
        return nil
    }

    private static func numericDifference(_ got: Value, _ want: Tensor, _ tolerance: Tolerance?) -> String? {
        guard let tensor = numeric(got) else {
            return "expected " + (want.rank == 0 ? formatNumber(want.scalars[0]) : "a tensor of shape \(want.shape)") + ", got \(describe(got))"
        }
        if want.rank == 0 {
            guard tensor.rank == 0 else { return "expected a number, got a tensor of shape \(tensor.shape)" }
            let (g, w) = (tensor.scalars[0], want.scalars[0])
            if close(g, w, tolerance) { return nil }
            return "expected \(formatNumber(w)), got \(formatNumber(g))" + offBy(g, w, tolerance)
        }
        guard tensor.rank > 0 else { return "expected a tensor of shape \(want.shape), got the number \(formatNumber(tensor.scalars[0]))" }
        guard tensor.shape == want.shape else { return "expected shape \(want.shape), got \(tensor.shape)" }
        let differing = want.scalars.indices.filter { !close(tensor.scalars[$0], want.scalars[$0], tolerance) }
        guard let first = differing.first else { return nil }
        let (g, w) = (tensor.scalars[first], want.scalars[first])
        var message = "the first difference is at \(index(first, in: want.shape)): expected \(formatNumber(w)), got \(formatNumber(g))"
            + offBy(g, w, tolerance) + " (\(differing.count) of \(want.count) elements differ)"
        if want.count <= shownElements {
            message += "\nexpected: " + indented(Value.tensor(want).display, by: 10)
            message += "\ngot:      " + indented(Value.tensor(tensor).display, by: 10)
        }
        return message
    }

    /// The tensor inside a number, tensor or param; nil for anything else (a bool is not a number here).
    private static func numeric(_ value: Value) -> Tensor? {
        switch value {
        case .number, .tensor: value.tensorValue
        default: nil
        }
    }

    static func close(_ got: Double, _ want: Double, _ tolerance: Tolerance?) -> Bool {
        if got == want || (got.isNaN && want.isNaN) { return true }
        guard let tolerance, got.isFinite, want.isFinite else { return false }
        return Swift.abs(got - want) <= tolerance.absolute + tolerance.relative * Swift.abs(want)
    }

    /// ` (off by 0.5; allowed: atol=1e-09 + rtol=1e-06 × |expected|)` for two finite numbers.
    private static func offBy(_ got: Double, _ want: Double, _ tolerance: Tolerance?) -> String {
        guard let tolerance, got.isFinite, want.isFinite else { return "" }
        return " (off by \(short(Swift.abs(got - want))); allowed: atol=\(formatNumber(tolerance.absolute))"
            + " + rtol=\(formatNumber(tolerance.relative)) × |expected|)"
    }

    /// A difference with 2 significant digits: `4.7e-05`, `0.25`.
    private static func short(_ x: Double) -> String { cFormat("%.*g", 2, x) }

    /// A flat position as `[i, j, k]` in `shape` (row-major).
    static func index(_ flat: Int, in shape: [Int]) -> String {
        var rest = flat, parts: [Int] = []
        for size in shape.reversed() {
            parts.append(rest % size)
            rest /= size
        }
        return "[" + parts.reversed().map(String.init).joined(separator: ", ") + "]"
    }

    private static func indented(_ text: String, by count: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + String(repeating: " ", count: count))
    }

    /// A value for a message: `2.5`, `none`, `"text"`, `a tensor of shape [2, 3]`, `a list of 3 items`.
    static func describe(_ value: Value) -> String {
        switch value {
        case .none, .bool, .number, .string: return value.display
        case let .tensor(tensor):
            return tensor.rank == 0 ? formatNumber(tensor.scalars[0]) : "a tensor of shape \(tensor.shape)"
        case let .list(items): return "a list of \(items.count) item\(items.count == 1 ? "" : "s")"
        case let .record(record): return "a record with fields " + record.fields.map(\.name).joined(separator: ", ")
        case .function: return "a function"
        case .object: return value.aTypeName
        }
    }
}
