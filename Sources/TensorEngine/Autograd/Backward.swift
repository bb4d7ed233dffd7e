/// Reverse-mode differentiation: the backward pass from one output to the leaves.
///
/// Gradients accumulate in exactly two documented places:
/// 1. Within one pass, a tensor used several times receives the sum of the gradients from
///    each use (that is the chain rule, not a choice).
/// 2. Across passes, only when asked: `backward(loss)` *replaces* each reached leaf's `grad`;
///    `backward(loss, accumulate: true)` adds to it (for gradients summed over several losses
///    or mini-batches). `zeroGrad()` clears a gradient explicitly.
/// So a training step of "loss, backward, update" never needs a forgotten `zero_grad` (the
/// trap micrograd's issue #53 describes), and accumulation is always visible in the code.
extension Tensor {
    /// Fills `grad` of every leaf that requires a gradient and contributes to this tensor.
    /// - Parameters:
    ///   - seed: dLoss/dSelf; may be omitted only when `self` holds one number (a loss),
    ///     where it is 1.
    ///   - accumulate: add to the leaves' existing gradients instead of replacing them.
    /// - Throws: `AutogradError.nonScalarBackward` when `self` has several elements and no
    ///   seed is given, `.seedShape` when the seed's shape differs from `self`'s, and
    ///   `.noGradient` when nothing in the graph requires a gradient.
    /// - Complexity: one call of each reached node's backward rule, plus a sum per extra use.
    public func backward(seed: Tensor? = nil, accumulate: Bool = false) throws {
        guard let root = node, root.requiresGrad else { throw AutogradError.noGradient }
        let start = try seedGradient(seed)
        var grads: [ObjectIdentifier: Tensor] = [ObjectIdentifier(root): start]
        for node in root.topologicalOrder() {
            guard let g = grads.removeValue(forKey: ObjectIdentifier(node)) else { continue }
            if node.isLeaf {
                node.grad = accumulate ? try node.grad.map { try $0 + g } ?? g : g
                continue
            }
            guard let rule = node.backwardRule else { continue }
            let parentGrads = try rule(g)
            precondition(parentGrads.count == node.parents.count, "\(node.op): one gradient per input")
            for case let (parent?, pg?) in Swift.zip(node.parents, parentGrads) where parent.requiresGrad {
                precondition(pg.shape == parent.shape,
                             "\(node.op) backward: gradient shape \(pg.shape) for an input of shape \(parent.shape)")
                let key = ObjectIdentifier(parent)
                grads[key] = try grads[key].map { try $0 + pg } ?? pg
            }
        }
    }

    private func seedGradient(_ seed: Tensor?) throws -> Tensor {
        if let seed {
            guard seed.shape == shape else { throw AutogradError.seedShape(seed: seed.shape, output: shape) }
            return seed.detached()
        }
        guard count == 1 else { throw AutogradError.nonScalarBackward(shape: shape) }
        return try Tensor(shape: shape, repeating: 1)
    }
}

extension GradNode {
    /// The nodes that require a gradient, each after every node that depends on it (so a
    /// node's gradient is complete when it is visited). Iterative, so deep graphs (long
    /// loops in a script) cannot overflow the stack.
    func topologicalOrder() -> [GradNode] {
        var order: [GradNode] = [], visited: Set<ObjectIdentifier> = []
        var stack: [(node: GradNode, expanded: Bool)] = [(self, false)]
        while let (node, expanded) = stack.popLast() {
            if expanded { order.append(node); continue }
            guard node.requiresGrad, visited.insert(ObjectIdentifier(node)).inserted else { continue }
            stack.append((node, true))
            for case let parent? in node.parents { stack.append((parent, false)) }
        }
        return order.reversed()
    }
}

/// Errors of the backward pass; worded in `description`.
public enum AutogradError: Error, Equatable, Sendable, CustomStringConvertible {
    case nonScalarBackward(shape: [Int])
    case seedShape(seed: [Int], output: [Int])
    case noGradient

    public var description: String {
        switch self {
        case let .nonScalarBackward(shape):
            return "backward needs a scalar (one number) to differentiate, but this has shape \(shape);"
                + " reduce it first (e.g. with sum or mean) or pass a seed gradient of that shape"
        case let .seedShape(seed, output):
            return "the seed gradient has shape \(seed) but the output has shape \(output)"
        case .noGradient:
            return "nothing here requires a gradient: mark the parameters with requiresGrad (param in the language)"
        }
    }
}
