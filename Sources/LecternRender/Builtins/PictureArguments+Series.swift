import LecternLanguage
import TensorEngine

/// Reading the series of `plot`: one list or tensor of numbers, several of them, the columns of
/// a matrix, or a record such as a training history.
extension PictureArguments {
    /// The series in `value`, with their names when the value names them (a record's fields).
    func series(_ value: Value, _ parameter: String) throws -> [(name: String?, y: [Double?])] {
        switch value {
        case let .record(record):
            return try recordSeries(record, parameter)
        case let .list(items) where items.contains(where: { $0.isSeriesLike }):
            return try items.map { item in
                guard let numbers = item.optionalNumbers, item.isSeriesLike else {
                    throw error("'\(parameter)' must hold lists or tensors of numbers, got a \(item.typeName)", at: parameter)
                }
                return (nil, numbers)
            }
        default:
            if let t = value.tensorValueOrNil, t.rank == 2, t.shape[1] > 1, t.shape[0] > 1 {
                // A matrix: each row is a series, as `[[...], [...]]` is written (matplotlib
                // takes columns, but here a list of equal lists becomes a matrix).
                let (k, n) = (t.shape[0], t.shape[1])
                return (0..<k).map { row in (nil, Array(t.scalars[row * n..<(row + 1) * n])) }
            }
            guard let numbers = value.optionalNumbers else {
                throw error("'\(parameter)' must be numbers: a tensor, a list of numbers, a list of those, or a history;"
                            + " got a \(value.typeName)", at: parameter)
            }
            return [(nil, numbers)]
        }
    }

    /// A history's train_loss and val_loss; another record's fields that hold numbers.
    private func recordSeries(_ record: Record, _ parameter: String) throws -> [(name: String?, y: [Double?])] {
        let names = record.typeName == "history" ? ["train_loss", "val_loss"] : record.fields.map(\.name)
        let series = names.compactMap { name -> (String?, [Double?])? in
            guard let numbers = record[name]?.optionalNumbers, numbers.contains(where: { $0 != nil }) else { return nil }
            return (name, numbers)
        }
        guard !series.isEmpty else { throw error("the \(record.typeName) '\(parameter)' holds no numbers to draw", at: parameter) }
        return series
    }

    /// x values for `count` points: given (numbers, one per point), or 0, 1, 2, ... (1, 2, 3, ...
    /// for a history's epochs).
    func xValues(_ parameter: String, count: Int, startingAt first: Double) throws -> [Double] {
        guard !args.isNone(parameter) else { return (0..<count).map { first + Double($0) } }
        guard let numbers = args.value(parameter).optionalNumbers else {
            throw args.wrongType(parameter, expected: "a tensor or list of numbers")
        }
        guard numbers.count == count else {
            throw error("x has \(numbers.count) values but y has \(count)", at: parameter)
        }
        return try numbers.map { x in
            guard let x, x.isFinite else { throw error("x must hold finite numbers", at: parameter) }
            return x
        }
    }
}

extension Value {
    /// Numbers in a one-dimensional value: a tensor (a row or column of a matrix too), a
    /// number, a range, or a list of numbers and nones (nil for a none). Nil when it is none
    /// of these.
    var optionalNumbers: [Double?]? {
        switch self {
        case let .list(items):
            var numbers: [Double?] = []
            for item in items {
                switch item {
                case let .number(x): numbers.append(x)
                case .none: numbers.append(nil)
                // A loss of one's own loop, appended as it came (a tracked one-number tensor).
                default:
                    guard let t = item.tensorValueOrNil, t.count == 1 else { return nil }
                    numbers.append(t.scalars[0])
                }
            }
            return numbers
        // `plot(range(1, 41), losses)`: the epochs, as a loop counts them.
        case let .object(object as RangeObject):
            return object.values(limit: 1_000_000).map { $0.map(Optional.some) }
        default:
            guard let t = tensorValueOrNil else { return nil }
            guard t.rank <= 1 || t.shape.filter({ $0 > 1 }).count <= 1 else { return nil }
            return t.scalars
        }
    }

    /// Whether this is one series of a list of several: a tensor or list, not a number.
    var isSeriesLike: Bool {
        switch self {
        case .list: true
        case let .tensor(t): t.rank >= 1
        default: false
        }
    }

    /// The tensor in a tensor or number.
    var tensorValueOrNil: Tensor? {
        switch self {
        case let .number(x): Tensor(x)
        case let .tensor(t): t
        default: nil
        }
    }
}
