import Testing
@testable import TensorEngine

extension Tolerance {
    /// For IEEE-754's basic operations (+ − × ÷, √, negation, comparisons, max/min, clip):
    /// they are correctly rounded, so the engine must give NumPy's bits exactly. Here
    /// exactness is the point; `close` still matches nan with nan and -0 with +0.
    static let correctlyRounded = Tolerance(rtol: 0, atol: 0)
    /// For libm functions (exp, log, tanh, pow) and the sigmoid's formula: a few units in the
    /// last place (1 ulp ≈ 1.1e-16 relative), since C libraries and NumPy's SIMD loops may
    /// round differently.
    static let fewUlps = Tolerance(rtol: 1e-15, atol: 0)
}

@Suite("elementwise operations")
struct ElementwiseTests {
    /// The operation a fixture names, applied to `x`; `nil` for a name this file does not know.
    static func unary(_ name: String, _ x: Tensor) throws -> Tensor? {
        switch name {
        case "-x": return -x
        case "exp": return x.exp()
        case "log": return x.log()
        case "sqrt": return x.sqrt()
        case "abs": return x.abs()
        case "tanh": return x.tanh()
        case "sigmoid": return x.sigmoid()
        case "relu": return x.relu()
        case "leakyRelu": return x.leakyRelu()
        case "leakyRelu(slope: 0.2)": return x.leakyRelu(slope: 0.2)
        case "clip(-1, 2)": return try x.clip(-1, 2)
        case "clip(nil, 0.5)": return try x.clip(nil, 0.5)
        case "clip(-0.5, nil)": return try x.clip(-0.5, nil)
        case "x + 2.5": return x + 2.5
        case "2.5 + x": return 2.5 + x
        case "x - 2.5": return x - 2.5
        case "2.5 - x": return 2.5 - x
        case "x * -3": return x * -3
        case "-3 * x": return -3 * x
        case "x / 4": return x / 4
        case "4 / x": return 4 / x
        default: return nil
        }
    }

    /// The operation a binary fixture names (its first word), applied to `a` and `b`.
    static func binary(_ name: String, _ a: Tensor, _ b: Tensor) throws -> Tensor? {
        switch name.split(separator: " ").first.map(String.init) {
        case "+": return try a + b
        case "-": return try a - b
        case "*": return try a * b
        case "/": return try a / b
        case "pow": return try Tensor.pow(a, b)
        case "maximum": return try Tensor.maximum(a, b)
        case "minimum": return try Tensor.minimum(a, b)
        case "equal": return try Tensor.equal(a, b)
        case "notEqual": return try Tensor.notEqual(a, b)
        case "less": return try Tensor.less(a, b)
        case "lessEqual": return try Tensor.lessEqual(a, b)
        case "greater": return try Tensor.greater(a, b)
        case "greaterEqual": return try Tensor.greaterEqual(a, b)
        default: return nil
        }
    }

    static let libmFunctions: Set<String> = ["exp", "log", "tanh", "sigmoid", "pow"]

    @Test("unary functions and scalar operators match NumPy", arguments: unaryFixtures)
    func unaryAgainstNumPy(_ fixture: UnaryFixture) throws {
        let x = Tensor(elementwiseInput)
        guard let y = try Self.unary(fixture.name, x) else {
            Issue.record("no Swift operation for fixture \(fixture.name)")
            return
        }
        let tolerance: Tolerance = Self.libmFunctions.contains(fixture.name) ? .fewUlps : .correctlyRounded
        expectClose(y, shape: [elementwiseInput.count], fixture.expected, tolerance)
    }

    @Test("binary operations broadcast and match NumPy", arguments: binaryFixtures)
    func binaryAgainstNumPy(_ fixture: BinaryFixture) throws {
        let a = try Tensor(shape: fixture.aShape, scalars: fixture.a)
        let b = try Tensor(shape: fixture.bShape, scalars: fixture.b)
        guard let y = try Self.binary(fixture.name, a, b) else {
            Issue.record("no Swift operation for fixture \(fixture.name)")
            return
        }
        let op = String(fixture.name.split(separator: " ")[0])
        let tolerance: Tolerance = Self.libmFunctions.contains(op) ? .fewUlps : .correctlyRounded
        expectClose(y, shape: fixture.expectedShape, fixture.expected, tolerance)
    }

    @Test("negation flips every sign, zeros included, and leaves its operand alone")
    func negation() throws {
        let x = Tensor([1, -2, 0, -0.0])
        let y = -x
        #expect(y.scalars.map { $0.sign } == [.minus, .plus, .minus, .plus])
        expectClose(y, shape: [4], [-1, 2, 0, 0], .correctlyRounded)
        expectClose(x, shape: [4], [1, -2, 0, 0], .correctlyRounded)
    }

    @Test("pow with a negative base: whole exponents work, fractional ones give nan")
    func powNegativeBase() throws {
        let base = Tensor([-2, -2, -2, -8, -0.5, -3])
        let exponent = Tensor([3, 2, -1, 1.0 / 3, -2, 0])
        expectClose(try Tensor.pow(base, exponent), shape: [6], [-8, 4, -0.5, .nan, 4, 1], .fewUlps)
        expectClose(try Tensor.pow(try Tensor([[-1, 2], [3, -4]]), Tensor(2)), shape: [2, 2], [1, 4, 9, 16])
    }

    /// x and sigmoid(x) (to 60 digits, rounded once): e^−x overflows for x < −709.78, and
    /// 1 + e^x would for x > 709.78. sigmoid(−710) ≈ 4.476e-309 is subnormal and must not
    /// flush to 0; it is built from its bits, as a subnormal literal draws a warning.
    static let sigmoidTailCases: [(Double, Double)] = [
        (-.greatestFiniteMagnitude, 0), (-1000, 0), (-40, 4.248354255291589e-18),
        (-710, Double(sign: .plus, exponent: -1022, significand: 0x0.33802fd28b3c3p0)),
        (0, 0.5), (40, 1), (710, 1), (1000, 1), (.greatestFiniteMagnitude, 1),
    ]

    @Test("sigmoid saturates in both tails without overflow or nan", arguments: sigmoidTailCases)
    func sigmoidTails(x: Double, expected: Double) throws {
        expectClose(Tensor(x).sigmoid(), shape: [], [expected], .fewUlps)
    }

    @Test("sigmoid(−x) = 1 − sigmoid(x)")
    func sigmoidSymmetry() throws {
        let x = randomTensor([50], seed: 3) * 4
        expectClose((-x).sigmoid(), 1 - x.sigmoid(), Tolerance(rtol: 1e-14, atol: 1e-15))
    }

    @Test("relu and leaky relu by hand, nan passing through")
    func relus() throws {
        let x = Tensor([-3, -0.5, 0, 0.5, 3, .nan])
        expectClose(x.relu(), shape: [6], [0, 0, 0, 0.5, 3, .nan])
        expectClose(x.leakyRelu(), shape: [6], [-0.03, -0.005, 0, 0.5, 3, .nan])
        expectClose(x.leakyRelu(slope: 0.5), shape: [6], [-1.5, -0.25, 0, 0.5, 3, .nan])
    }

    @Test("clip by hand, with one or no bounds, and its error")
    func clip() throws {
        let x = Tensor([-5, -1, 0, 1, 5, .nan])
        expectClose(try x.clip(-2, 2), shape: [6], [-2, -1, 0, 1, 2, .nan])
        expectClose(try x.clip(1, 1), shape: [6], [1, 1, 1, 1, 1, .nan])
        expectClose(try x.clip(nil, nil), x)
        let message = expectError(.argument(op: "clip", name: "the lower bound", problem: .aboveUpperBound(2, upper: 1))) {
            try x.clip(2, 1)
        }
        #expect(message == "clip: the lower bound 2.0 is above the upper bound 1.0")
        expectError(.argument(op: "clip", name: "the lower bound", problem: .notANumber),
                    reads: "clip: the lower bound must be a number, got nan") { try x.clip(.nan, 1) }
        expectError(.argument(op: "clip", name: "the upper bound", problem: .notANumber),
                    reads: "clip: the upper bound must be a number, got nan") { try x.clip(nil, .nan) }
    }

    @Test("maximum and minimum: nan wins on either side, and they broadcast")
    func maximumMinimum() throws {
        let a = Tensor([.nan, 1, 3, -.infinity]), b = Tensor([0, .nan, 2, -1])
        expectClose(try Tensor.maximum(a, b), shape: [4], [.nan, .nan, 3, -1])
        expectClose(try Tensor.minimum(a, b), shape: [4], [.nan, .nan, 2, -.infinity])
        expectClose(try Tensor.maximum(try Tensor([[1, 5], [-2, 0]]), Tensor(0)), shape: [2, 2], [1, 5, 0, 0])
        expectClose(try Tensor.minimum(Tensor([1, 2, 3]), try Tensor([[2], [0]])), shape: [2, 3], [1, 2, 2, 0, 0, 0])
    }

    @Test("the six comparisons give 0 and 1; nan is unequal to everything")
    func comparisons() throws {
        let a = Tensor([1, 2, 3, .nan]), b = Tensor([2, 2, 2, .nan])
        expectClose(try Tensor.equal(a, b), shape: [4], [0, 1, 0, 0])
        expectClose(try Tensor.notEqual(a, b), shape: [4], [1, 0, 1, 1])
        expectClose(try Tensor.less(a, b), shape: [4], [1, 0, 0, 0])
        expectClose(try Tensor.lessEqual(a, b), shape: [4], [1, 1, 0, 0])
        expectClose(try Tensor.greater(a, b), shape: [4], [0, 0, 1, 0])
        expectClose(try Tensor.greaterEqual(a, b), shape: [4], [0, 1, 1, 0])
        expectClose(try Tensor.less(Tensor([1, 2, 3]), Tensor(2)), shape: [3], [1, 0, 0])
    }

    @Test("where broadcasts condition, a and b together; nonzero (nan too) picks a")
    func whereBroadcasts() throws {
        let condition = try Tensor(shape: [2, 1], scalars: [1, 0])
        let a = Tensor([10, 20, 30]), b = Tensor(-1)
        expectClose(try Tensor.where(condition, a, b), shape: [2, 3], [10, 20, 30, -1, -1, -1])
        let picks = Tensor([.nan, -0.0, 0, 2, -3])
        expectClose(try Tensor.where(picks, Tensor(1), Tensor(0)), shape: [5], [1, 0, 0, 1, 1])
        let rows = try Tensor(shape: [3, 1, 1], scalars: [0, 1, 0])
        let picked = try Tensor.where(rows, try Tensor.ones([2, 1]), try Tensor.zeros([1, 4]))
        #expect(picked.shape == [3, 2, 4])
        expectClose(try picked.sum(axes: [1, 2]), shape: [3], [0, 8, 0])
        // The condition and `a` broadcast first; the error names their shape and `b`'s.
        expectError(.broadcast(op: "where", lhs: [2, 3], rhs: [4])) {
            try Tensor.where(condition, a, Tensor([1, 2, 3, 4]))
        }
    }

    @Test("broadcast(to:) repeats along new and size-1 dimensions")
    func broadcastTo() throws {
        let column = try Tensor(shape: [3, 1], scalars: [1, 2, 3])
        let y = try column.broadcast(to: [2, 3, 4])
        #expect(y.shape == [2, 3, 4])
        for (i, value) in y.scalars.enumerated() { #expect(value == Double(i / 4 % 3 + 1)) }
        expectClose(try Tensor(7).broadcast(to: [2, 2]), shape: [2, 2], [7, 7, 7, 7])
        expectClose(try Tensor([1, 2]).broadcast(to: [2]), shape: [2], [1, 2])
        #expect(try Tensor([1, 2, 3]).broadcast(to: [0, 3]).shape == [0, 3])
        expectError(.broadcast(op: "broadcast_to", lhs: [3], rhs: [2, 4])) { try Tensor([1, 2, 3]).broadcast(to: [2, 4]) }
        expectError(.broadcast(op: "broadcast_to", lhs: [2, 3], rhs: [3])) { try Tensor.zeros([2, 3]).broadcast(to: [3]) }
        expectError(.broadcast(op: "broadcast_to", lhs: [3], rhs: [3, 1])) { try Tensor([1, 2, 3]).broadcast(to: [3, 1]) }
        expectError(.negativeDimension(shape: [-1, 3])) { try Tensor([1, 2, 3]).broadcast(to: [-1, 3]) }
    }

    @Test("exp, log and sqrt at their edges, as NumPy")
    func edges() throws {
        expectClose(Tensor([0, -0.0, -1, .infinity]).log(), shape: [4], [-.infinity, -.infinity, .nan, .infinity])
        expectClose(Tensor([-4, 0, 4, .infinity]).sqrt(), shape: [4], [.nan, 0, 2, .infinity])
        expectClose(Tensor([-.infinity, 0, 710]).exp(), shape: [3], [0, 1, .infinity])
        expectClose(Tensor([-.infinity, -1, -0.0, 2]).abs(), shape: [4], [.infinity, 1, 0, 2])
        expectClose(try Tensor([1, -1, 0, 0]) / Tensor([0, 0, 0, 2]), shape: [4], [.infinity, -.infinity, .nan, 0])
    }
}
