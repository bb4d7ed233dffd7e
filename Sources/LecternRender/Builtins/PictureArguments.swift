import LecternLanguage
import TensorEngine

/// Reading the arguments of the picture builtins: numbers, series, points, class labels,
/// names and options, each with an error that says what was expected and where.
struct PictureArguments {
    let args: Arguments
    /// The builtin's name, for messages.
    let name: String

    init(_ args: Arguments, _ name: String) {
        self.args = args
        self.name = name
    }

    func error(_ message: String, at parameter: String? = nil) -> LanguageError {
        LanguageError(.runtime, "\(name): \(message)", parameter.map(args.range) ?? args.callRange)
    }

    /// A string, or nil when none.
    func text(_ parameter: String) throws -> String? {
        switch args.value(parameter) {
        case .none: return nil
        case let .string(s): return s
        default: throw args.wrongType(parameter, expected: "a string")
        }
    }

    /// `canvas="auto"|"braille"|"blocks"|"ascii"`: nil for auto.
    func canvas() throws -> CanvasKind? {
        let choice = try text("canvas") ?? "auto"
        if choice == "auto" { return nil }
        guard let kind = CanvasKind(rawValue: choice) else {
            throw error("canvas must be \"auto\", \"braille\", \"blocks\" or \"ascii\", got \"\(choice)\"", at: "canvas")
        }
        return kind
    }

    /// The title, x label and y label options.
    func labels(xLabel: String? = nil, yLabel: String? = nil) throws -> PlotLabels {
        PlotLabels(title: try text("title"), xLabel: try text("xlabel") ?? xLabel, yLabel: try text("ylabel") ?? yLabel)
    }

    /// A list of names (strings, or numbers written as numbers), `count` of them; nil when none.
    func names(_ parameter: String, count: Int, of what: String) throws -> [String]? {
        if args.isNone(parameter) { return nil }
        let items: [Value]
        switch args.value(parameter) {
        case let .list(list): items = list
        case let .tensor(t) where t.rank == 1: items = t.scalars.map(Value.number)
        default: throw args.wrongType(parameter, expected: "a list of names")
        }
        guard items.count == count else {
            throw error("\(parameter) has \(items.count) name\(items.count == 1 ? "" : "s") for \(count) \(what)", at: parameter)
        }
        return items.map(\.text)
    }

    /// Every value of a tensor argument (any shape), row-major; numbers and lists of numbers too.
    func values(_ parameter: String) throws -> (tensor: Tensor, values: [Double]) {
        let t = try args.tensor(parameter)
        guard t.count > 0 else { throw error("'\(parameter)' is empty: there is nothing to draw", at: parameter) }
        return (t, t.scalars)
    }

    /// A range option given as [low, high]; nil when none.
    func range(_ parameter: String) throws -> ClosedRange<Double>? {
        if args.isNone(parameter) { return nil }
        let t = try args.tensor(parameter)
        guard t.count == 2, t.scalars[0].isFinite, t.scalars[1].isFinite, t.scalars[0] < t.scalars[1] else {
            throw error("\(parameter) must be [low, high] with low < high", at: parameter)
        }
        return t.scalars[0]...t.scalars[1]
    }

    /// Class labels for `count` points: whole numbers 0, 1, 2, ... (a tensor or list).
    func classes(_ value: Value, _ parameter: String, count: Int) throws -> [Int] {
        guard let t = value.tensorOrList else { throw args.wrongType(parameter, expected: "a tensor of class labels") }
        guard t.count == count else {
            throw error("there are \(count) points but \(t.count) labels", at: parameter)
        }
        return try t.scalars.map { label in
            guard label >= 0, label == label.rounded(), label < 1000 else {
                throw error("labels must be whole numbers 0, 1, 2, ...; got \(formatNumber(label))", at: parameter)
            }
            return Int(label)
        }
    }

    /// Points (N, 2) and their labels: a tensor and the labels argument, or a data set (a record
    /// with x and y) whose y are the labels unless labels are given.
    func points(_ parameter: String, labels labelParameter: String) throws -> (x: [Double], y: [Double], classes: [Int]?) {
        var value = args.value(parameter), labels = args.isNone(labelParameter) ? nil : args.value(labelParameter)
        if case let .record(record) = value, let x = record["x"] {
            value = x
            if labels == nil { labels = record["y"] }
        }
        guard let t = value.tensorOrList, t.rank == 2, t.shape[1] == 2, t.shape[0] > 0 else {
            let shape = value.tensorOrList.map { "shape \($0.shape)" } ?? "a \(value.typeName)"
            throw error("points must be a tensor of shape (N, 2) or a data set with x (N, 2) and y; got \(shape)", at: parameter)
        }
        let n = t.shape[0], s = t.scalars
        let classes = try labels.map { try self.classes($0, labelParameter, count: n) }
        return ((0..<n).map { s[2 * $0] }, (0..<n).map { s[2 * $0 + 1] }, classes)
    }
}

extension Value {
    /// The tensor in a tensor, number or list of numbers (nil for anything else).
    var tensorOrList: Tensor? {
        switch self {
        case let .number(x): return Tensor(x)
        case let .tensor(t): return t
        case let .list(items):
            let numbers = items.compactMap { if case let .number(x) = $0 { x } else { nil } }
            return numbers.count == items.count ? Tensor(numbers) : nil
        default: return nil
        }
    }
}
