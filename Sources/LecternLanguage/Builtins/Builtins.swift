/// The registry: every builtin of the language, each defined once in one of the
/// `Builtins+*.swift` files, by category.
public enum Builtins {
    /// All builtins, in reference order (by category, then as listed in each file).
    public static let all: [Builtin] = general + text + creation + math + reductions + shapes + linearAlgebra + autograd
        + layers + training + data + files

    /// Builtins by name.
    public static let named: [String: Builtin] = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// Every builtin name, sorted: for suggestions and completion.
    public static let names: [String] = all.map(\.name).sorted()
}
