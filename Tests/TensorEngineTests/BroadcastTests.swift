import Testing
@testable import TensorEngine

/// NumPy broadcasting by definition, one output element at a time: align the shapes at the
/// last dimension, and read index 0 along every dimension of size 1 or missing.
func naiveBroadcast(_ a: Tensor, _ b: Tensor, _ f: (Double, Double) -> Double) -> Tensor {
    let rank = max(a.rank, b.rank)
    let pa = [Int](repeating: 1, count: rank - a.rank) + a.shape
    let pb = [Int](repeating: 1, count: rank - b.rank) + b.shape
    let shape = (0..<rank).map { pa[$0] == 1 ? pb[$0] : pa[$0] }
    let count = shape.reduce(1, *)
    var out = [Double](repeating: 0, count: count)
    for flat in 0..<count {
        var rest = flat, ia = 0, ib = 0, stepA = 1, stepB = 1
        for d in (0..<rank).reversed() {
            let i = rest % shape[d]
            rest /= shape[d]
            ia += (pa[d] == 1 ? 0 : i) * stepA
            ib += (pb[d] == 1 ? 0 : i) * stepB
            stepA *= pa[d]
            stepB *= pb[d]
        }
        out[flat] = f(a.scalars[ia], b.scalars[ib])
    }
    return Tensor(unchecked: shape, scalars: out)
}

@Suite("broadcasting")
struct BroadcastTests {
    @Test("rank 0 broadcasts with anything, on either side")
    func rankZero() throws {
        let s = Tensor(10), m = try Tensor([[1, 2, 3], [4, 5, 6]])
        expectClose(try s + m, shape: [2, 3], [11, 12, 13, 14, 15, 16])
        expectClose(try m - s, shape: [2, 3], [-9, -8, -7, -6, -5, -4])
        expectClose(try s * Tensor(3), shape: [], [30])
        #expect(try (s / Tensor.zeros([0, 3])).shape == [0, 3])
        expectClose(try s - Tensor([1]), shape: [1], [9])
    }

    @Test("(3, 1) + (1, 4) gives (3, 4)")
    func columnPlusRow() throws {
        let column = try Tensor(shape: [3, 1], scalars: [0, 10, 20])
        let row = try Tensor(shape: [1, 4], scalars: [1, 2, 3, 4])
        expectClose(try column + row, shape: [3, 4], [1, 2, 3, 4, 11, 12, 13, 14, 21, 22, 23, 24])
        expectClose(try row + column, shape: [3, 4], [1, 2, 3, 4, 11, 12, 13, 14, 21, 22, 23, 24])
    }

    @Test("(2, 1, 3) + (4, 1) gives (2, 4, 3)")
    func threeByTwo() throws {
        let a = try Tensor(shape: [2, 1, 3], scalars: [100, 200, 300, 400, 500, 600])
        let b = try Tensor(shape: [4, 1], scalars: [1, 2, 3, 4])
        let c = try a + b
        #expect(c.shape == [2, 4, 3])
        for i in 0..<2 {
            for j in 0..<4 {
                for k in 0..<3 { #expect(c[i, j, k] == a[i, 0, k] + b[j, 0]) }
            }
        }
        expectClose(try b - a, naiveBroadcast(b, a, -), .correctlyRounded)
    }

    @Test("the general loop equals the definition", arguments: [
        ([2, 3, 4], [3, 1]), ([1, 3, 1, 5], [2, 1, 4, 1]), ([5, 1], [1, 1, 7]), ([4, 1, 3], [1, 6, 1]),
        ([3, 4], [4]), ([4], [3, 4]), ([2, 1], [2, 5]), ([1, 1, 3], [2, 2, 1]), ([6, 1, 1], [1]),
    ])
    func againstDefinition(aShape: [Int], bShape: [Int]) throws {
        let a = randomTensor(aShape, seed: 1), b = randomTensor(bShape, seed: 2)
        expectClose(try a * b + Tensor(0), naiveBroadcast(a, b, *), .correctlyRounded)
        expectClose(try Tensor.maximum(b, a), naiveBroadcast(b, a) { Swift.max($0, $1) }, .correctlyRounded)
    }

    @Test("size-0 dimensions broadcast too, giving empty results", arguments: [
        ([0, 3], [3], [0, 3]), ([0, 3], [0, 1], [0, 3]), ([2, 0], [2, 1], [2, 0]), ([1, 0], [3, 1], [3, 0]),
        ([0], [], [0]), ([4, 0, 2], [1, 2], [4, 0, 2]),
    ])
    func sizeZero(aShape: [Int], bShape: [Int], expected: [Int]) throws {
        let a = try Tensor.ones(aShape), b = try Tensor.ones(bShape)
        #expect(try (a + b).shape == expected)
        #expect(try (b * a).shape == expected)
        #expect(try Tensor.where(a, b, b).shape == expected)
    }

    @Test("incompatible shapes: the error names both shapes and the operation")
    func incompatible() throws {
        let a = try Tensor.zeros([2, 3]), b = try Tensor.zeros([4, 3])
        let message = expectError(.broadcast(op: "+", lhs: [2, 3], rhs: [4, 3])) { try a + b }
        #expect(message == "shapes [2, 3] and [4, 3] cannot be broadcast together for +"
            + " (sizes must be equal or 1, comparing from the last dimension)")
        expectError(.broadcast(op: "-", lhs: [3], rhs: [4])) { try Tensor([1, 2, 3]) - Tensor([1, 2, 3, 4]) }
        expectError(.broadcast(op: "*", lhs: [0, 3], rhs: [2, 3])) { try Tensor.zeros([0, 3]) * Tensor.zeros([2, 3]) }
        expectError(.broadcast(op: "/", lhs: [2, 1, 3], rhs: [4, 2])) { try Tensor.zeros([2, 1, 3]) / Tensor.zeros([4, 2]) }
    }

    @Test("every binary operation names itself in the error", arguments: [
        "**", "maximum", "minimum", "==", "!=", "<", "<=", ">", ">=",
    ])
    func operationNames(op: String) throws {
        let a = Tensor([1, 2]), b = Tensor([1, 2, 3])
        let ops: [String: (Tensor, Tensor) throws -> Tensor] = [
            "**": Tensor.pow, "maximum": Tensor.maximum, "minimum": Tensor.minimum,
            "==": Tensor.equal, "!=": Tensor.notEqual, "<": Tensor.less, "<=": Tensor.lessEqual,
            ">": Tensor.greater, ">=": Tensor.greaterEqual,
        ]
        let message = expectError(.broadcast(op: op, lhs: [2], rhs: [3])) { try ops[op]!(a, b) }
        #expect(message.hasSuffix("for \(op) (sizes must be equal or 1, comparing from the last dimension)"))
    }

    @Test("broadcasting leaves both operands unchanged")
    func operandsUnchanged() throws {
        let a = try Tensor(shape: [2, 1], scalars: [1, 2]), b = Tensor([3, 4, 5])
        _ = try a + b
        expectClose(a, shape: [2, 1], [1, 2])
        expectClose(b, shape: [3], [3, 4, 5])
    }
}
