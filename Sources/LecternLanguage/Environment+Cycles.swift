/// Scopes that only their own functions hold.
///
/// A function made inside a call holds the call's scope (it may use the variables there), and
/// if it is stored in a variable of that scope, the scope holds it back:
/// `fn outer(w) { f = fn(a) = sum(a*w); return f(w) }` leaves, after every call, a scope and a
/// function that hold each other, with `w` inside, which reference counting never frees. Each
/// call would leak its tensors.
///
/// So each call's scope remembers, weakly, the functions made in it and in the scopes of calls
/// inside it (a function made there holds a scope whose parent chain reaches this one). When
/// the call returns, if every one of them that is still alive sits in a variable of this scope
/// and nothing else holds it, nothing outside can reach the scope any more: its variables are
/// dropped, which breaks the cycle. A function that escaped (returned, stored in a list or a
/// global, held by a model) keeps everything as it was.
extension Environment {
    /// A user function defined here, remembered by this scope and the call scopes around it.
    func makeClosure(_ literal: FunctionLiteral, _ source: Source) -> Function {
        let function = Function(.user(literal, self, source))
        var scope: Environment? = self
        while let current = scope, current.parent != nil {
            current.remember(function)
            scope = current.parent
        }
        return function
    }

    private func remember(_ function: Function) {
        if closures.count >= 32, closures.count.nonzeroBitCount == 1 {
            // Made in a loop: forget the dead ones now and then (at 32, 64, 128, ... entries).
            closures.removeAll { $0.function == nil }
        }
        closures.append(WeakFunction(function: function))
    }

    /// At the end of the call this scope belongs to: drops its variables when only functions
    /// it holds itself could still reach it.
    func releaseIfOnlyItsClosuresHoldIt() {
        guard !closures.isEmpty else { return }
        let alive = Set(closures.compactMap { $0.function.map(ObjectIdentifier.init) })
        closures = []
        guard !alive.isEmpty else { return }
        // Take those functions out of the variables, so that the only other reference to each
        // is ours; then see whether it is the only one.
        var taken: [(id: Int, function: Function)] = []
        for id in slots.ids {
            guard case let .function(function)? = slots[id], alive.contains(ObjectIdentifier(function)) else { continue }
            _ = slots.exchange(id, .none)
            taken.append((id, function))
        }
        var unreachable = taken.count == alive.count
        for i in taken.indices where unreachable {
            unreachable = isKnownUniquelyReferenced(&taken[i].function)
        }
        guard unreachable else {
            for (id, function) in taken { _ = slots.exchange(id, .function(function)) }
            return
        }
        taken = []
        Environment.release(slots.takeValues())
    }
}

/// A function held without keeping it alive.
struct WeakFunction {
    weak var function: Function?
}
