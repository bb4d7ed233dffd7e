import Synchronization

/// Names, interned: each distinct name gets a small number the first time the parser sees
/// it, so scopes find variables by number (one probe of a small table) instead of hashing the
/// name's text at every use — hashing was a third of a tight loop's time.
enum Symbols {
    private static let table = Mutex<(ids: [String: Int], names: [String])>(([:], []))

    /// The number of `name`, assigned on first use.
    static func id(_ name: String) -> Int {
        table.withLock { table in
            if let id = table.ids[name] { return id }
            let id = table.names.count
            table.ids[name] = id
            table.names.append(name)
            return id
        }
    }

    /// The name with number `id`.
    static func name(_ id: Int) -> String {
        table.withLock { $0.names[id] }
    }
}

/// A name in a program: its text (for messages) and its number (for scopes).
struct Name: Equatable {
    let text: String
    let id: Int

    init(_ text: String) {
        self.text = text
        self.id = Symbols.id(text)
    }
}

/// Values by symbol number: open addressing with linear probing, the number itself as the
/// hash (numbers are handed out in order, so they spread evenly), grown at half full.
struct SlotTable {
    private var keys: [Int] = [Int](repeating: -1, count: 8)
    private var values: [Value] = [Value](repeating: .none, count: 8)
    private(set) var count = 0

    subscript(id: Int) -> Value? {
        get {
            var i = id & (keys.count - 1)
            while keys[i] != -1 {
                if keys[i] == id { return values[i] }
                i = (i + 1) & (keys.count - 1)
            }
            return nil
        }
        set {
            guard let newValue else { return remove(id) }
            var i = id & (keys.count - 1)
            while keys[i] != -1 && keys[i] != id { i = (i + 1) & (keys.count - 1) }
            if keys[i] == -1 {
                keys[i] = id
                count += 1
            }
            values[i] = newValue
            if count * 2 > keys.count { grow() }
        }
    }

    /// The numbers stored.
    var ids: [Int] { keys.filter { $0 != -1 } }

    /// Whether any value stored satisfies `predicate`.
    func containsValue(where predicate: (Value) -> Bool) -> Bool {
        for i in keys.indices where keys[i] != -1 && predicate(values[i]) { return true }
        return false
    }

    /// Puts `value` where `id` is stored (it must be) and hands back what was there.
    mutating func exchange(_ id: Int, _ value: Value) -> Value {
        var i = id & (keys.count - 1)
        while keys[i] != id { i = (i + 1) & (keys.count - 1) }
        let old = values[i]
        values[i] = value
        return old
    }

    /// Empties the table, handing back the values it held.
    mutating func takeValues() -> [Value] {
        let taken = zip(keys, values).filter { $0.0 != -1 }.map(\.1)
        self = SlotTable()
        return taken
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != -1 }
        keys = [Int](repeating: -1, count: keys.count * 2)
        values = [Value](repeating: .none, count: keys.count)
        count = 0
        for (id, value) in old { self[id] = value }
    }

    /// Rebuilds the table without `id` (rare: `:reset` and friends).
    private mutating func remove(_ id: Int) {
        let kept = zip(keys, values).filter { $0.0 != -1 && $0.0 != id }
        keys = [Int](repeating: -1, count: keys.count)
        values = [Value](repeating: .none, count: keys.count)
        count = 0
        for (key, value) in kept { self[key] = value }
    }
}
