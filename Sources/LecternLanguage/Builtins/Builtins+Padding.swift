/// `pad`'s width argument, in the forms NumPy's `np.pad` takes.
extension Builtins {
    /// `pad`'s width: one number for every side of every axis, one [before, after] pair for
    /// every axis, or a pair per axis. A list literal of numbers is a tensor, so the pairs
    /// arrive as a tensor of shape (2) or (axes, 2), or as a list of such pairs.
    static func padWidths(_ args: Arguments) throws -> [(before: Int, after: Int)] {
        let pairs: [[Double]]
        switch args.value("width") {
        case .number:
            let width = try args.integer("width")
            return [(width, width)]
        case let .tensor(t) where t.rank == 1 && t.count == 2:
            pairs = [t.scalars]
        case let .tensor(t) where t.rank == 2 && t.shape[1] == 2:
            pairs = (0..<t.shape[0]).map { Array(t.scalars[2 * $0 ..< 2 * $0 + 2]) }
        case let .list(items) where items.allSatisfy(isPadPair):
            pairs = try items.map { item in try args.padPair(item) }
        case let other:
            let got = other.tensorValue.map { "shape \($0.shape)" } ?? "\(other.aTypeName)"
            throw LanguageError.runtime("pad: 'width' must be a number, a pair [before, after], or one pair per axis,"
                                        + " got \(got)", args.range("width"))
        }
        return try pairs.map { pair in
            let ends = try pair.map { x in
                switch WholeNumber.problem(x) {
                case nil: return Int(x)
                case .notWhole:
                    throw LanguageError.notWholeNumbers("pad: 'width'", got: formatNumber(x), args.range("width"))
                case .tooLarge:
                    throw LanguageError.holdsTooLarge("pad: 'width'", x, args.range("width"))
                }
            }
            return (ends[0], ends[1])
        }
    }

    /// Whether a value can be one [before, after] pair: a list of two items or a tensor of two.
    static func isPadPair(_ value: Value) -> Bool {
        switch value {
        case let .list(items): items.count == 2
        case let .tensor(t): t.rank == 1 && t.count == 2
        default: false
        }
    }
}

extension Arguments {
    /// One [before, after] pair of `pad`'s width, as numbers.
    fileprivate func padPair(_ value: Value) throws -> [Double] {
        if case let .tensor(t) = value { return t.scalars }
        guard case let .list(items) = value else { return [] }
        return try items.map { item in
            guard case let .number(x) = item else {
                throw LanguageError.notWholeNumbers("pad: 'width'", got: describe(item), range("width"))
            }
            return x
        }
    }
}
