/// What the word before the cursor may become: the REPL's Tab key.
///
/// Completion reads the text and the session's variables; it never runs code. An attribute
/// chain (`model.layers[0].we`) is followed through variables, attributes and constant list
/// indexes only, so that `fit(...).tr<Tab>` does not train a model.
public struct Completions: Equatable, Sendable {
    /// The part of the word already typed: every candidate starts with it.
    public var prefix: String
    /// What the word may become, whole: keyword arguments (`stride=`) first, in the order of
    /// the signature, then names, sorted.
    public var candidates: [String]

    public init(prefix: String, candidates: [String]) {
        self.prefix = prefix
        self.candidates = candidates
    }

    public static let none = Completions(prefix: "", candidates: [])
}

extension Interpreter {
    /// The completions of the word that ends `text`, the input before the cursor (with the
    /// earlier lines of an unfinished entry, so that a call spanning lines is understood).
    ///
    /// After a dot: the attributes of the value before it. Inside a call of a function
    /// (after `(` or `,`): its keyword parameters not given yet, then names. Elsewhere:
    /// variables, builtins and keywords. With nothing typed, builtins and keywords are left
    /// out (there are too many to list). Inside a string or a comment: nothing.
    public func completions(for text: String) -> Completions {
        let bytes = Array(text.utf8)
        guard let scan = CompletionScan(bytes) else { return .none }
        let start = scan.wordStart
        let prefix = String(decoding: bytes[start...], as: UTF8.self)
        if let first = prefix.utf8.first, CompletionScan.isDigit(first) { return .none }
        if start > 0, bytes[start - 1] == UInt8(ascii: ".") {
            guard let value = resolveChain(bytes, endingBefore: start - 1) else { return .none }
            return Completions(prefix: prefix, candidates: matching(attributeNames(of: value), prefix))
        }
        // With nothing typed, only where a value may start: not after `)`, a number or a name.
        if prefix.isEmpty, let before = lastNonBlank(bytes, before: start), !operandMayFollow(bytes, before) { return .none }
        let keywords = keywordArguments(bytes, scan, start).filter { $0.hasPrefix(prefix) }
        var names = globals.names
        if !prefix.isEmpty { names += builtinNames + Vocabulary.keywords }
        return Completions(prefix: prefix, candidates: keywords + matching(names, prefix))
    }

    /// The candidates that start with `prefix`, sorted, without repeats.
    private func matching(_ names: [String], _ prefix: String) -> [String] {
        Array(Set(names.filter { $0.hasPrefix(prefix) })).sorted()
    }

    /// `name=` for each parameter of the function being called around `start` that is not
    /// given yet (by keyword, or by position before it), when the word starts an argument
    /// (after `(` or `,`); in the order of the function's signature.
    private func keywordArguments(_ bytes: [UInt8], _ scan: CompletionScan, _ start: Int) -> [String] {
        guard let open = scan.openParenthesis,
              let before = lastNonBlank(bytes, before: start), before == open || bytes[before] == UInt8(ascii: ","),
              case let .function(function)? = resolveChain(bytes, endingBefore: open)
        else { return [] }
        let all = parameters(of: function)
        // Positional arguments fill the parameters in order; those past a variadic one go to it.
        let filled = min(scan.positionalGiven, all.firstIndex(where: \.isVariadic) ?? all.count)
        return all.dropFirst(filled).filter { !$0.isVariadic && !scan.keywordsGiven.contains($0.name) }.map { $0.name + "=" }
    }

    /// The parameters of a function, in order.
    private func parameters(of function: Function) -> [(name: String, isVariadic: Bool)] {
        switch function.body {
        case let .builtin(builtin): builtin.parameters.map { (name: $0.name, isVariadic: $0.isVariadic) }
        case let .user(literal, _, _): literal.parameters.map { (name: $0.name.text, isVariadic: false) }
        }
    }

    /// The value of the chain of names, attributes and integer indexes that ends just before
    /// offset `end` (`model.layers[0]`), or nil when there is none or it cannot be followed.
    private func resolveChain(_ bytes: [UInt8], endingBefore end: Int) -> Value? {
        guard let links = ChainLink.parse(bytes, endingBefore: end), case let .name(first)? = links.first else { return nil }
        guard var value = globals.lookup(first) ?? builtin(named: first).map({ .function(Function(.builtin($0))) })
        else { return nil }
        for link in links.dropFirst() {
            switch link {
            case let .name(name):
                guard let next = try? attribute(value, name, .none) else { return nil }
                value = next
            case let .index(i):
                guard case let .list(items) = value, i >= -items.count, i < items.count else { return nil }
                value = items[i < 0 ? items.count + i : i]
            }
        }
        return value
    }

    /// Whether a value may start after `bytes[index]`: after an operator, an opening bracket,
    /// a comma, `=` or a keyword (`return`, `in`, `and`, ...), not after a closing bracket, a
    /// string, a number or a name.
    private func operandMayFollow(_ bytes: [UInt8], _ index: Int) -> Bool {
        let byte = bytes[index]
        if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            return false
        }
        guard CompletionScan.isNameByte(byte) else { return true }
        var start = index
        while start > 0, CompletionScan.isNameByte(bytes[start - 1]) { start -= 1 }
        let word = String(decoding: bytes[start...index], as: UTF8.self)
        return Vocabulary.keywords.contains(word) && !["true", "false", "none"].contains(word)
    }

    private func lastNonBlank(_ bytes: [UInt8], before end: Int) -> Int? {
        var i = end - 1
        while i >= 0, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") || bytes[i] == UInt8(ascii: "\n") { i -= 1 }
        return i >= 0 ? i : nil
    }
}
