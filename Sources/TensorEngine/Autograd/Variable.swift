/// A tensor in a computation graph: its value, the gradient of a loss with respect to it, and
/// how to pass a gradient back to the variables it was computed from.
///
/// Leaves are made with `Variable(tensor, requiresGrad: true)` (parameters, or inputs whose
/// gradient you want); every operation on variables returns a new variable that remembers its
/// inputs and the rule for its backward pass. `backward(loss)` then walks the graph from the
/// loss back to the leaves and fills their `grad`.
///
/// An operation whose inputs need no gradient records nothing: its result is a constant, so
/// computing with plain data costs no graph. Graph nodes are classes because the graph needs
/// identity (one variable used twice is one node, whose gradient is the sum of both uses).
public final class Variable {
    /// The forward value. Changes only through `assign` (an optimizer step on a parameter).
    public private(set) var value: Tensor
    /// dLoss/dValue after `backward`, for leaves that require a gradient; `nil` before.
    /// Same shape as `value`.
    public var grad: Tensor?
    /// Whether gradients flow to (leaf) or through (interior node) this variable.
    public var requiresGrad: Bool
    /// A name for messages and printing ("weight", "bias"); optional.
    public var name: String?
    /// The operation that made this variable ("matmul", "relu", ...), or "leaf".
    public let op: String
    /// The variables this one was computed from (empty for leaves and constants). Changed
    /// only by `deinit`.
    private(set) var parents: [Variable]
    /// Given dLoss/dValue, returns dLoss/dParent for each parent (nil: no gradient for it).
    /// Changed only by `deinit`.
    private(set) var backwardRule: ((Tensor) throws -> [Tensor?])?

    /// A leaf: data, or a parameter when `requiresGrad`.
    public init(_ value: Tensor, requiresGrad: Bool = false, name: String? = nil) {
        self.value = value
        self.requiresGrad = requiresGrad
        self.name = name
        self.op = "leaf"
        self.parents = []
        self.backwardRule = nil
    }

    private init(value: Tensor, op: String, parents: [Variable], backward: @escaping (Tensor) throws -> [Tensor?]) {
        self.value = value
        self.requiresGrad = true
        self.op = op
        self.parents = parents
        self.backwardRule = backward
    }

    // NOTE: freeing a graph must not recurse once per node. A loop of 100,000 steps that
    // accumulates a loss (total = total + loss) builds a chain that deep, and the default
    // deinit (release the parents, whose deinit releases theirs, ...) overflowed the stack.
    // Here the parents this node holds the last reference to are taken over and freed in a
    // loop: each is emptied (parents first, then the backward rule, whose closure captures
    // them) while the worklist still holds them, so that no release reaches zero mid-chain.
    deinit {
        guard !parents.isEmpty else { return }
        var pending = parents
        parents = []
        backwardRule = nil
        while var node = pending.popLast() {
            guard isKnownUniquelyReferenced(&node) else { continue }
            pending += node.parents
            node.backwardRule = nil
            node.parents = []
        }
    }

    /// The result of an operation on `parents`. The backward rule is kept only when some
    /// parent needs a gradient; otherwise the result is a constant leaf.
    /// - Parameter backward: maps dLoss/dResult to dLoss/dParent, one entry per parent, each
    ///   of its parent's shape (or nil where no gradient is needed).
    static func result(_ value: Tensor, op: String, parents: [Variable],
                       backward: @escaping (Tensor) throws -> [Tensor?]) -> Variable {
        guard parents.contains(where: \.requiresGrad) else { return Variable(value) }
        return Variable(value: value, op: op, parents: parents, backward: backward)
    }

    /// The shape of `value`.
    public var shape: [Int] { value.shape }
    /// Whether this variable is a leaf (made directly, not by an operation).
    public var isLeaf: Bool { parents.isEmpty }

    /// Replaces a leaf's value, e.g. a parameter after an optimizer step. Graphs built earlier
    /// keep the value they saw.
    /// - Throws: `TensorError.argument` for a shape change or an interior node.
    public func assign(_ newValue: Tensor) throws {
        guard isLeaf, newValue.shape == value.shape else {
            throw TensorError.argument(op: "assign", name: name ?? "the variable",
                                       problem: isLeaf ? "has shape \(value.shape), not \(newValue.shape)"
                                                       : "is the result of \(op), not a parameter")
        }
        value = newValue
    }

    /// Forgets the gradient: the explicit way to start a new accumulation.
    public func zeroGrad() { grad = nil }

    /// A constant with the same value, cut from the graph (no gradient flows through it).
    public func detached() -> Variable { Variable(value) }
}

extension Variable: CustomStringConvertible {
    public var description: String {
        let label = name.map { "\($0), " } ?? ""
        return "Variable(\(label)shape \(shape), \(op)\(requiresGrad ? ", requires grad" : ""))\n\(value)"
    }
}
