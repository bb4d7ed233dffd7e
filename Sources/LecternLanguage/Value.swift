import TensorEngine

/// A value of the language.
public enum Value {
    case none
    case bool(Bool)
    /// Every number is a double, as NumPy's default dtype; whole numbers print without ".0".
    case number(Double)
    case string(String)
    /// A tensor: plain data, or one in a computation graph (`isTracked`): a parameter
    /// (`param(...)`) or something computed from one; `backward(loss)` fills the
    /// parameters' `.grad`. `indirect`: the tensor sits in a shared box, so copying a value
    /// (every name lookup and assignment does) costs one reference count, not one per
    /// field of `Tensor`; it made `c = a + b` on 2 x 2 tensors a third faster.
    indirect case tensor(Tensor)
    case list([Value])
    /// Named fields in order, such as a training history (`h.val_loss`) or a data set.
    case record(Record)
    case function(Function)
    /// Something with attributes and a text form: a model, a layer, an optimizer, a figure.
    case object(any LanguageObject)

    /// The name of the value's type, for messages: "number", "tensor", "list", ...
    public var typeName: String {
        switch self {
        case .none: "none"
        case .bool: "bool"
        case .number: "number"
        case .string: "string"
        case .tensor: "tensor"
        case .list: "list"
        case let .record(record): record.typeName
        case .function: "function"
        case let .object(object): object.typeName
        }
    }

    /// How deep lists nest in this value (0 for anything but a list, 1 for a list of numbers),
    /// counted no further than just past `limit`.
    ///
    /// Trap: lists share storage (`x = [x, x]` in a loop holds one list twice at every level),
    /// so a plain walk visits 2^depth items. Each list's depth is remembered by the address of
    /// its storage, which every copy of it shares, so every list is walked once. A depth cut
    /// short by `limit` is remembered too; that is safe, since it already means "too deep".
    func listNesting(upTo limit: Int) -> Int {
        var known: [UnsafeRawPointer: Int] = [:]
        return listNesting(upTo: limit, known: &known)
    }

    private func listNesting(upTo limit: Int, known: inout [UnsafeRawPointer: Int]) -> Int {
        guard case let .list(items) = self else { return 0 }
        guard limit >= 0 else { return 1 }
        let storage = items.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
        if let storage, let depth = known[storage] { return depth }
        var deepest = 0
        for item in items where deepest <= limit {
            if case .list = item { deepest = Swift.max(deepest, item.listNesting(upTo: limit - 1, known: &known)) }
        }
        if let storage { known[storage] = 1 + deepest }
        return 1 + deepest
    }

    /// The tensor inside a number or tensor (numbers become rank-0 tensors).
    public var tensorValue: Tensor? {
        switch self {
        case let .number(x): Tensor(x)
        case let .tensor(t): t
        default: nil
        }
    }
}

/// Named fields in a fixed order, e.g. the history `fit` returns. Fields read as attributes.
public struct Record {
    public var typeName: String
    public var fields: [(name: String, value: Value)]

    public init(_ typeName: String, _ fields: [(name: String, value: Value)]) {
        self.typeName = typeName
        self.fields = fields
    }

    public subscript(name: String) -> Value? {
        fields.first { $0.name == name }?.value
    }
}

/// A value of the host with attributes (models, layers, optimizers, figures). The language
/// reads its attributes by name and prints its description.
public protocol LanguageObject: AnyObject {
    var typeName: String { get }
    /// The attributes, for completion and error messages.
    var attributeNames: [String] { get }
    func attribute(_ name: String) -> Value?
    /// Sets an attribute (`opt.lr = 0.01`); false when it cannot be set.
    func setAttribute(_ name: String, _ value: Value) throws -> Bool
    var description: String { get }
}

extension LanguageObject {
    public func setAttribute(_ name: String, _ value: Value) throws -> Bool { false }
}

/// A function value: a user function (with the environment it was defined in) or a builtin.
public final class Function {
    enum Body {
        case user(FunctionLiteral, Environment, Source)
        case builtin(Builtin)
    }

    let body: Body

    init(_ body: Body) {
        self.body = body
    }

    /// Whether two function values are the same function: the same user function value, or
    /// the same builtin (each mention of a builtin's name makes a new value for it).
    func isSame(as other: Function) -> Bool {
        if self === other { return true }
        if case let .builtin(a) = body, case let .builtin(b) = other.body { return a.name == b.name }
        return false
    }

    /// The function's name, or "<anonymous>".
    public var name: String {
        switch body {
        case let .user(literal, _, _): literal.name ?? "<anonymous>"
        case let .builtin(builtin): builtin.name
        }
    }
}
