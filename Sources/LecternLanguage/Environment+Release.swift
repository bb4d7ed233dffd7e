/// Freeing scopes without recursion.
///
/// A user function holds the scope it was defined in, and a scope holds its variables, which
/// may be functions: `fn wrap(h) = fn(n) = h(n) + 1` applied 100,000 times makes a chain of
/// 100,000 scopes, each holding a function that holds the next. Swift frees an object when
/// its last reference goes, inside the deinit of whatever held it, so dropping the head of
/// such a chain would run 100,000 nested deinits and overflow the thread's stack.
///
/// Instead, a scope that dies while holding functions, lists or records hands its values to
/// `release`, which walks them with a work list: a function's scope is taken when the work
/// list holds its last reference, and that scope's values join the list before the (now
/// empty) scope is freed. Every deinit then frees only values that hold no further scope,
/// so the depth of the chain costs heap (the work list), not stack.
extension Environment {
    /// Frees `values`, and every scope only they keep alive, one at a time.
    static func release(_ values: consuming [Value]) {
        // Consumed, so that no other array keeps the values alive.
        var pending = consume values
        var scopes: [Environment] = []
        // Lists share storage (`x = [x, x]` holds one list twice at every level): each list is
        // opened once, by the address of its storage, or a DAG 100 deep would take 2^100 steps.
        var opened = Set<UnsafeRawPointer>()
        while true {
            if let value = pending.popLast() {
                switch value {
                case let .function(function):
                    if case let .user(_, scope, _) = function.body { scopes.append(scope) }
                case let .list(items) where items.contains(where: \.mayHoldScope):
                    let storage = items.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
                    if let storage, opened.insert(storage).inserted { pending.append(contentsOf: items) }
                case let .record(record):
                    pending.append(contentsOf: record.fields.map(\.value))
                default:
                    break
                }
                // `value` goes here: if it held a function's last reference, the function is
                // freed and `scopes` keeps its scope alive.
            } else if var scope = scopes.popLast() {
                // Only this list holds the scope: take its values before it is freed empty.
                if isKnownUniquelyReferenced(&scope) { pending.append(contentsOf: scope.slots.takeValues()) }
            } else {
                return
            }
        }
    }
}

extension Value {
    /// Whether freeing this value may free a scope: a function, or a list or record that may
    /// hold one.
    var mayHoldScope: Bool {
        switch self {
        case .function, .list, .record: true
        default: false
        }
    }
}
