import TensorEngine

/// `x[...]`, `x[...] = v`, `x.name` and `x.name = v`.
extension Interpreter {
    func subscriptValue(_ container: Value, _ indices: [IndexValue], _ range: SourceRange) throws(LanguageError) -> Value {
        switch container {
        case let .tensor(t):
            return Builtins.plain(try engine(range) { try t.slice(try checkedIndices(indices, t.shape, range)) })
        case let .list(items):
            return try listSubscript(items, indices, range)
        case let .string(text):
            let characters = try listSubscript(text.map { .string(String($0)) }, indices, range)
            if case let .list(parts) = characters {
                return .string(parts.map { if case let .string(s) = $0 { s } else { "" } }.joined())
            }
            return characters
        case let .object(object as RangeObject):
            guard indices.count == 1 else { throw .runtime("a range takes one index, got \(indices.count)", range) }
            return try object.subscriptValue(indices[0], range)
        default:
            throw .runtime("\(container.aTypeName) cannot be indexed", range)
        }
    }

    /// The engine's indices. (The engine refuses a result beyond the session's element limit:
    /// `x[zeros(10000)]` of a large `x` would copy it 10000 times.)
    private func checkedIndices(_ indices: [IndexValue], _ shape: [Int], _ range: SourceRange) throws -> [TensorIndex] {
        indices.map(\.engineIndex)
    }

    /// `items[i]` or `items[a:b:c]` with Python's rules (negative indices count from the end).
    private func listSubscript(_ items: [Value], _ indices: [IndexValue], _ range: SourceRange) throws(LanguageError) -> Value {
        guard indices.count == 1 else { throw .runtime("a list takes one index, got \(indices.count)", range) }
        switch indices[0] {
        case let .at(i, at):
            let index = i < 0 ? i + items.count : i
            guard index >= 0 && index < items.count else {
                throw .indexOutOfRange(i, count: items.count, of: "list", unit: "item", at)
            }
            return items[index]
        case let .slice(start, stop, step, at):
            let positions = try engine(at) { try Tensor.arange(0, Double(items.count)).slice([.range(start: start, stop: stop, step: step)]) }
            return .list(positions.scalars.map { items[Int($0)] })
        case .newAxis:
            throw .runtime("none is not an index for a list", range)
        case let .array(_, at):
            throw .runtime("a list takes a number or a slice as its index, not a tensor or a list;"
                           + " index tensors and masks select from tensors", at)
        }
    }

    /// The container with `value` stored at `indices` (a tensor or list is copied; a
    /// parameter changes in place).
    func settingSubscript(_ container: Value, _ indices: [IndexValue], to value: Value,
                          _ range: SourceRange) throws(LanguageError) -> Value {
        switch container {
        case let .tensor(parameter) where parameter.isTracked:
            var t = parameter.detached()
            let v = try elementValue(value, range)
            try engine(range) {
                try t.assign(v, at: indices.map(\.engineIndex))
                try parameter.assign(t)
            }
            return container
        case var .tensor(t):
            let v = try elementValue(value, range)
            try engine(range) { try t.assign(v, at: try checkedIndices(indices, t.shape, range)) }
            return .tensor(t)
        case var .list(items):
            guard indices.count == 1, case let .at(i, at) = indices[0] else {
                throw .runtime("a list item is set with one index, as in items[0] = x", range)
            }
            let index = i < 0 ? i + items.count : i
            guard index >= 0 && index < items.count else {
                throw .indexOutOfRange(i, count: items.count, of: "list", unit: "item", at)
            }
            items[index] = value
            return try list(items, range)
        default:
            throw .runtime("cannot set items of \(container.aTypeName)", range)
        }
    }

    private func elementValue(_ value: Value, _ range: SourceRange) throws(LanguageError) -> Tensor {
        if case let .list(items) = value { return try tensorFromList(items, range) }
        guard let t = value.tensorValue else {
            throw .runtime("only numbers and tensors can be stored in a tensor, not \(value.aTypeName)", range)
        }
        return t
    }

    /// `value.name`.
    func attribute(_ value: Value, _ name: String, _ range: SourceRange) throws(LanguageError) -> Value {
        if let result = try attributeIfPresent(value, name, range) { return result }
        let names = attributeNames(of: value)
        var message = "\(value.aTypeName) has no attribute '\(name)'"
        if let hint = Wording.didYouMean(name, in: names) {
            message += hint
        } else if !names.isEmpty {
            message += " (it has: \(names.joined(separator: ", ")))"
        }
        throw .runtime(message, range)
    }

    /// The attributes a value has, for messages and completion.
    public func attributeNames(of value: Value) -> [String] {
        switch value {
        case let .tensor(t) where t.isTracked: ["shape", "rank", "size", "T", "grad", "value", "requires_grad"]
        case .tensor: ["shape", "rank", "size", "T"]
        case let .record(record): record.fields.map(\.name)
        case let .object(object): object.attributeNames
        case .list: ["length"]
        default: []
        }
    }

    private func attributeIfPresent(_ value: Value, _ name: String, _ range: SourceRange) throws(LanguageError) -> Value? {
        switch value {
        case let .tensor(t):
            switch name {
            case "shape": return .list(t.shape.map { .number(Double($0)) })
            case "rank": return .number(Double(t.rank))
            case "size": return .number(Double(t.count))
            case "T": return .tensor(t.transpose())
            default: break
            }
            guard t.isTracked else { return nil }
            let v = t
            switch name {
            case "grad":
                guard v.isLeaf else {
                    throw .runtime("this tensor was computed from params, so backward keeps no gradient for it;"
                                   + " update params in place, as in w -= lr * w.grad", range)
                }
                return v.grad.map(Value.tensor) ?? Value.none
            case "value": return .tensor(v.detached())
            case "requires_grad": return .bool(v.requiresGrad)
            default: return nil
            }
        case let .record(record):
            return record[name]
        case let .object(object):
            return object.attribute(name)
        case let .list(items):
            return name == "length" ? .number(Double(items.count)) : nil
        default:
            return nil
        }
    }

    /// `value.name = newValue`, for the attributes that can be set (an optimizer's `lr`, a
    /// parameter's `requires_grad`).
    func setAttribute(_ value: Value, _ name: String, _ newValue: Value, _ range: SourceRange) throws(LanguageError) {
        switch value {
        case var .tensor(v) where v.isTracked && name == "requires_grad":
            guard case let .bool(b) = newValue else { throw .runtime("requires_grad must be true or false", range) }
            v.requiresGrad = b  // in the graph node, which every copy of the param shares
        case let .object(object):
            let done: Bool
            do { done = try object.setAttribute(name, newValue) } catch { throw LanguageError.wrapping(error, range) }
            if !done { throw .runtime("the attribute '\(name)' of \(withArticle(object.typeName)) cannot be set", range) }
        default:
            throw .runtime("cannot set attributes of \(value.aTypeName)", range)
        }
    }
}
