/// A function the language provides, registered once with everything that describes it. The
/// same record drives argument checking, `:help`, tab completion and the reference in
/// `docs/language.md`, so they cannot disagree.
public struct Builtin: Sendable {
    /// One parameter: its name, its default (nil: required), and whether it collects the
    /// remaining positional arguments (`zeros(2, 3)` as well as `zeros([2, 3])`) or every
    /// keyword argument no other parameter takes (`record(loss=l, grad=g)`).
    public struct Parameter: Sendable {
        public var name: String
        public var defaultValue: DefaultValue?
        public var isVariadic: Bool
        public var collectsKeywords: Bool

        public init(_ name: String, _ defaultValue: DefaultValue? = nil, variadic: Bool = false, keywords: Bool = false) {
            self.name = name
            self.defaultValue = defaultValue
            self.isVariadic = variadic || keywords
            self.collectsKeywords = keywords
        }
    }

    /// A default as it prints in a signature; defaults are simple constants.
    public enum DefaultValue: Sendable {
        /// The language's `none` (written `.null` here so Swift does not read it as "no default").
        case null, bool(Bool), number(Double), string(String)

        var value: Value {
            switch self {
            case .null: .none
            case let .bool(b): .bool(b)
            case let .number(x): .number(x)
            case let .string(s): .string(s)
            }
        }

        var text: String {
            switch self {
            case .null: "none"
            case let .bool(b): b ? "true" : "false"
            case let .number(x): formatNumber(x)
            case let .string(s): quoted(s)
            }
        }
    }

    public var name: String
    public var parameters: [Parameter]
    /// One line: what it does.
    public var summary: String
    /// A line of code that uses it, runnable as written.
    public var example: String
    /// The shapes it takes and gives, when tensors are involved: "x (N, C, H, W) -> ...".
    public var shapes: String?
    /// The section of the reference it belongs to.
    public var category: Category
    let body: @Sendable (Arguments, Interpreter) throws -> Value

    public init(_ name: String, _ parameters: [Parameter], category: Category, summary: String, example: String,
                shapes: String? = nil, _ body: @escaping @Sendable (Arguments, Interpreter) throws -> Value) {
        self.name = name
        self.parameters = parameters
        self.summary = summary
        self.example = example
        self.shapes = shapes
        self.category = category
        self.body = body
    }

    /// `conv2d(x, w, bias=none, stride=1, pad=0)`.
    public var signature: String {
        let list = parameters.map { p in
            p.collectsKeywords ? "\(p.name)=value..." : p.isVariadic ? "\(p.name)..." : p.defaultValue.map { "\(p.name)=\($0.text)" } ?? p.name
        }
        return "\(name)(\(list.joined(separator: ", ")))"
    }

    /// The sections of the reference, in order.
    public enum Category: String, CaseIterable, Sendable {
        case creation = "Making tensors"
        case math = "Elementwise math"
        case reduction = "Reductions"
        case shape = "Shapes and indexing"
        case linearAlgebra = "Linear algebra and convolution"
        case autograd = "Gradients"
        case layers = "Layers and models"
        case training = "Losses, optimizers and training"
        case data = "Data"
        case pictures = "Pictures"
        case general = "General"
        /// The checks of an exercise's `tests.lec` (LecternCourse adds them to the tests' interpreter only).
        case tests = "Exercise tests (tests.lec only)"
    }
}
