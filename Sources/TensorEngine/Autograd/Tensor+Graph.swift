/// Gradient tracking, a property of a tensor (as in PyTorch, micrograd and tinygrad): a tensor
/// that requires a gradient carries a node of the computation graph.
///
/// Leaves are made with `Tensor(value, requiresGrad: true)` (parameters, or inputs whose
/// gradient you want). Every primitive operation on a tensor that requires a gradient returns
/// a result whose node remembers its inputs and the rule for its backward pass (each rule is
/// written beside its forward pass; `README.md` lists them). `loss.backward()` then walks the
/// graph from the loss back to the leaves and fills their `grad`.
///
/// An operation whose inputs need no gradient records nothing and allocates nothing more
/// than its result: a plain tensor has no node.
///
/// A parameter's value lives in its node, so every copy of the tensor (a layer's, an
/// optimizer's, a script variable's) sees `assign` (an optimizer step) at once, and its
/// `grad` and `requiresGrad` are shared the same way. Writing elements into a copy
/// (`w[0, 0] = 1`) instead gives that copy a plain value of its own.
final class GradNode: @unchecked Sendable {
    /// The operation that made this node ("matmul", "relu", ...), or "leaf".
    let op: String
    /// The shape of the tensor this node belongs to (and of its gradient).
    let shape: [Int]
    /// Whether gradients flow to (leaf) or through (result of an operation) this node.
    var requiresGrad: Bool
    /// dLoss/dValue after `backward`, for leaves; `nil` before. Same shape as the tensor.
    var grad: Tensor?
    /// A name for messages ("weight", "bias"); optional.
    var name: String?
    /// A leaf's current value (a plain tensor), shared by every copy; nil for results.
    var leafValue: Tensor?
    /// The nodes of the inputs this one was computed from, one per input (nil for an input
    /// that needs no gradient). Changed only by `deinit`.
    private(set) var parents: [GradNode?]
    /// Given dLoss/dValue, returns dLoss/dInput for each input (nil: no gradient for it).
    /// Changed only by `deinit`.
    private(set) var backwardRule: ((Tensor) throws -> [Tensor?])?

    /// A leaf holding `value`.
    init(leaf value: Tensor, requiresGrad: Bool, name: String?) {
        (op, shape, self.requiresGrad, self.name, leafValue) = ("leaf", value.shape, requiresGrad, name, value)
        (parents, backwardRule) = ([], nil)
    }

    /// The result of `op` on inputs with nodes `parents`.
    init(op: String, shape: [Int], parents: [GradNode?], backward: @escaping (Tensor) throws -> [Tensor?]) {
        (self.op, self.shape, requiresGrad, self.parents, backwardRule) = (op, shape, true, parents, backward)
    }

    /// Whether this node is a leaf (a parameter, not the result of an operation).
    var isLeaf: Bool { leafValue != nil }

    // NOTE: freeing a graph must not recurse once per node. A loop of 100,000 steps that
    // accumulates a loss (total = total + loss) builds a chain that deep, and the default
    // deinit (release the parents, whose deinit releases theirs, ...) overflowed the stack.
    // Here the parents this node holds the last reference to are taken over and freed in a
    // loop: each is emptied (parents first, then the backward rule, whose closure may capture
    // them) while the worklist still holds them, so that no release reaches zero mid-chain.
    deinit {
        guard !parents.isEmpty else { return }
        var pending = parents.compactMap { $0 }
        parents = []
        backwardRule = nil
        while var node = pending.popLast() {
            guard isKnownUniquelyReferenced(&node) else { continue }
            pending += node.parents.compactMap { $0 }
            node.backwardRule = nil
            node.parents = []
        }
    }
}

extension Tensor {
    /// A leaf of the graph when `requiresGrad` (a parameter, or an input whose gradient you
    /// want), named `name` for messages; otherwise `value` itself, cut from any graph.
    public init(_ value: Tensor, requiresGrad: Bool, name: String? = nil) {
        let plain = value.detached()
        guard requiresGrad else { self = plain; return }
        self.init(leaf: GradNode(leaf: plain, requiresGrad: true, name: name), like: plain)
    }

    /// Whether gradients flow to (a parameter) or through (a result) this tensor. Setting it
    /// on a parameter freezes or unfreezes it in every copy; setting it on a plain tensor
    /// makes it a leaf.
    public var requiresGrad: Bool {
        get { node?.requiresGrad ?? false }
        set {
            if let node { node.requiresGrad = newValue } else if newValue { self = Tensor(self, requiresGrad: true) }
        }
    }

    /// Whether this tensor belongs to a graph: a parameter (even a frozen one) or the result
    /// of an operation on one that requires a gradient.
    public var isTracked: Bool { node != nil }

    /// Whether this tensor is a leaf: a parameter or plain data, not the result of an
    /// operation that recorded its inputs.
    public var isLeaf: Bool { node?.isLeaf ?? true }

    /// dLoss/dSelf after `backward`, for a leaf that requires a gradient; `nil` before, and
    /// always for plain tensors and results. Same shape as the tensor.
    public var grad: Tensor? {
        get { node?.grad }
        nonmutating set { node?.grad = newValue }
    }

    /// The operation that made this tensor in the graph ("matmul", "relu", ...), "leaf" for a
    /// parameter, nil for a plain tensor.
    public var op: String? { node?.op }

    /// A parameter's name for messages ("weight", "bias"); nil for plain tensors.
    public var name: String? {
        get { node?.name }
        nonmutating set { node?.name = newValue }
    }

    /// Forgets the gradient: the explicit way to start a new accumulation.
    public func zeroGrad() { node?.grad = nil }

    /// Replaces a parameter's value, in every copy of it (an optimizer step). Graphs built
    /// earlier keep the values their backward rules saved.
    /// - Throws: `TensorError.argument` for a shape change, a plain tensor or a result.
    public func assign(_ newValue: Tensor) throws {
        guard let node, node.isLeaf, newValue.shape == shape else {
            throw TensorError.argument(op: "assign", name: name ?? "the tensor",
                                       problem: node?.isLeaf == true ? .shapeChange(from: shape, to: newValue.shape)
                                           : .notAParameter(resultOf: node?.op))
        }
        node.leafValue = newValue.detached()
    }

    /// Whether `a` or `b` requires a gradient: whether an operation on them records.
    /// (Two fixed arguments, not a variadic list: a list would cost an array per operation,
    /// which made `a + b` on 2 x 2 tensors in the language about 1.5 times slower.)
    @inline(__always)
    static func anyRequiresGrad(_ a: Tensor, _ b: Tensor) -> Bool { a.requiresGrad || b.requiresGrad }

    /// Whether `a`, `b` or `c` requires a gradient.
    @inline(__always)
    static func anyRequiresGrad(_ a: Tensor, _ b: Tensor, _ c: Tensor) -> Bool {
        a.requiresGrad || b.requiresGrad || c.requiresGrad
    }

    /// This plain result of `op` on `inputs`, recorded in the graph with its backward rule.
    /// Call it only when some input requires a gradient (`guard ... else { return y }`
    /// before it), so that plain computations form no closure and no node.
    /// - Parameter backward: maps dLoss/dResult to dLoss/dInput, one entry per input, each of
    ///   its input's shape (or nil where no gradient is needed). It should capture plain
    ///   values (`detached()`), so that the backward pass records no graph of its own.
    func recorded(_ op: String, _ inputs: [Tensor], backward: @escaping (Tensor) throws -> [Tensor?]) -> Tensor {
        var y = detached()
        y.node = GradNode(op: op, shape: shape, parents: inputs.map { $0.requiresGrad ? $0.node : nil },
                          backward: backward)
        return y
    }
}

extension Tensor {
    /// The identity of this tensor's graph node, the same for every copy of a parameter
    /// (optimizers key their state by it); nil for a plain tensor.
    var identity: ObjectIdentifier? { node.map(ObjectIdentifier.init) }
}
