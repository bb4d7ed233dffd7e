import Testing
@testable import TensorEngine

/// Expected values of `arange` and `linspace` are NumPy 2.4.6's (`np.arange(...).tolist()`),
/// which computes them the same way: `start + i * step`.
@Suite("Tensor creation: full, arange, linspace, eye")
struct CreationTests {
    @Test("full fills every element; empty and rank-0 shapes work")
    func full() throws {
        expectClose(try Tensor.full([2, 3], 7.5), shape: [2, 3], [7.5, 7.5, 7.5, 7.5, 7.5, 7.5])
        expectClose(try Tensor.full([], -1), shape: [], [-1])
        expectClose(try Tensor.full([2, 0], 1), shape: [2, 0], [])
        expectError(.negativeDimension(shape: [2, -1])) { try Tensor.full([2, -1], 0) }
    }

    @Test("arange counts up with a positive step", arguments: [
        (0, 5, 1, [0, 1, 2, 3, 4]),
        (1, 2, 0.25, [1, 1.25, 1.5, 1.75]),
        (-1, 1.1, 0.5, [-1, -0.5, 0, 0.5, 1]),
        (0, 1, 0.1, [0, 0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6000000000000001, 0.7000000000000001, 0.8, 0.9]),
    ] as [(Double, Double, Double, [Double])])
    func arangeUp(start: Double, stop: Double, step: Double, expected: [Double]) throws {
        expectClose(try Tensor.arange(start, stop, step), shape: [expected.count], expected)
    }

    @Test("arange counts down with a negative step", arguments: [
        (5, 0, -1, [5, 4, 3, 2, 1]),
        (2.5, -1, -1.5, [2.5, 1, -0.5]),
    ] as [(Double, Double, Double, [Double])])
    func arangeDown(start: Double, stop: Double, step: Double, expected: [Double]) throws {
        expectClose(try Tensor.arange(start, stop, step), shape: [expected.count], expected)
    }

    @Test("arange is empty when the step points away from stop, or start == stop")
    func arangeEmpty() throws {
        #expect(try Tensor.arange(0, 1, -1).shape == [0])
        #expect(try Tensor.arange(1, 0).shape == [0])
        #expect(try Tensor.arange(3, 3).shape == [0])
        // Far away in the wrong direction: a count below Int.min, which once trapped (found by fuzzing).
        #expect(try Tensor.arange(1e35, 0.5).shape == [0])
        #expect(try Tensor.arange(-1e308, 1e308, -1).shape == [0])
    }

    @Test("arange rejects a zero or infinite step, infinite bounds and absurd ranges")
    func arangeErrors() {
        let message = expectError(.argument(op: "arange", name: "step", problem: .notNonzeroFinite(0))) {
            try Tensor.arange(0, 1, 0)
        }
        #expect(message == "arange: step must be a nonzero finite number, got 0")
        expectError(.argument(op: "arange", name: "step", problem: .notNonzeroFinite(.nan)),
                    reads: "arange: step must be a nonzero finite number, got nan") {
            try Tensor.arange(0, 1, .nan)
        }
        expectError(.argument(op: "arange", name: "start and stop", problem: .notFiniteNumbers(0, .infinity)),
                    reads: "arange: start and stop must be finite numbers, got 0 and inf") {
            try Tensor.arange(0, .infinity)
        }
        expectError(.argument(op: "arange", name: "range", problem: .tooManyNumbers(1e300)),
                    reads: "arange: range has 1e+300 numbers, more than \(Shape.maxElements)") {
            try Tensor.arange(0, 1e300)
        }
    }

    @Test("linspace includes both ends", arguments: [
        (-1, 1, 7, [-1, -0.6666666666666667, -0.33333333333333337, 0, 0.33333333333333326, 0.6666666666666665, 1]),
        (0, 0.3, 4, [0, 0.09999999999999999, 0.19999999999999998, 0.3]),
        (3, 1, 5, [3, 2.5, 2, 1.5, 1]),
        (2, 2, 3, [2, 2, 2]),
        (4, 9, 1, [4]),
        (4, 9, 0, []),
    ] as [(Double, Double, Int, [Double])])
    func linspace(start: Double, stop: Double, count: Int, expected: [Double]) throws {
        let x = try Tensor.linspace(start, stop, count: count)
        expectClose(x, shape: [count], expected)
        if count > 1 { #expect(x.scalars.last == stop) }
    }

    @Test("linspace rejects a negative count")
    func linspaceNegative() {
        expectError(.argument(op: "linspace", name: "count", problem: .negative(-2)),
                    reads: "linspace: count must not be negative, got -2") {
            try Tensor.linspace(0, 1, count: -2)
        }
    }

    @Test("eye is the identity matrix")
    func eye() throws {
        expectClose(try Tensor.eye(3), shape: [3, 3], [1, 0, 0, 0, 1, 0, 0, 0, 1])
        #expect(try Tensor.eye(0).shape == [0, 0])
        expectError(.negativeDimension(shape: [-1, -1])) { try Tensor.eye(-1) }
    }
}

@Suite("Tensor creation: random tensors")
struct RandomCreationTests {
    @Test("rand is uniform() in row-major order, in [0, 1)")
    func rand() throws {
        var rng = RandomGenerator(seed: 21), reference = RandomGenerator(seed: 21)
        let x = try Tensor.rand([3, 4, 5], using: &rng)
        #expect(x.shape == [3, 4, 5])
        expectClose(x, shape: [3, 4, 5], (0..<60).map { _ in reference.uniform() })
        #expect(x.scalars.allSatisfy { $0 >= 0 && $0 < 1 })
        #expect(rng.next() == reference.next())
    }

    @Test("uniform(low:high:) is rand scaled into [low, high)")
    func uniform() throws {
        var rng = RandomGenerator(seed: 22), reference = RandomGenerator(seed: 22)
        let x = try Tensor.uniform([1000], low: -2, high: 3, using: &rng)
        let expected = try Tensor.rand([1000], using: &reference) * 5 - 2
        expectClose(x, expected)
        #expect(x.scalars.allSatisfy { $0 >= -2 && $0 < 3 })
    }

    @Test("normal(mean:std:) is randn scaled and shifted")
    func normal() throws {
        var rng = RandomGenerator(seed: 23), reference = RandomGenerator(seed: 23)
        let x = try Tensor.normal([2, 50], mean: 10, std: 2, using: &rng)
        expectClose(x, try Tensor.randn([2, 50], using: &reference) * 2 + 10)
    }

    @Test("random tensors of an empty or rank-0 shape; a negative dimension is an error")
    func shapes() throws {
        var rng = RandomGenerator(seed: 24)
        #expect(try Tensor.rand([0, 3], using: &rng).count == 0)
        #expect(try Tensor.randn([], using: &rng).shape == [])
        expectError(.negativeDimension(shape: [-3])) { try Tensor.randn([-3], using: &rng) }
    }

    @Test("permutation(n) as a tensor is the generator's permutation")
    func permutation() throws {
        var rng = RandomGenerator(seed: 25), reference = RandomGenerator(seed: 25)
        let p = try Tensor.permutation(12, using: &rng)
        expectClose(p, shape: [12], reference.permutation(12).map(Double.init))
        expectError(.negativeDimension(shape: [-1])) { try Tensor.permutation(-1, using: &rng) }
    }

    @Test("shuffled moves whole rows in the order permutation gives")
    func shuffled() throws {
        var rng = RandomGenerator(seed: 26), reference = RandomGenerator(seed: 26)
        let x = try Tensor.arange(0, 24).withShape([6, 2, 2])
        let y = x.shuffled(using: &rng)
        let order = reference.permutation(6)
        #expect(y.shape == [6, 2, 2])
        let expected = order.flatMap { row in (0..<4).map { Double(row * 4 + $0) } }
        expectClose(y, shape: [6, 2, 2], expected)
    }

    @Test("shuffled leaves rank-0 and empty tensors alone, and is deterministic for a seed")
    func shuffledEdges() throws {
        var rng = RandomGenerator(seed: 27)
        #expect(Tensor(3.5).shuffled(using: &rng) == Tensor(3.5))
        #expect(try Tensor.zeros([0, 3]).shuffled(using: &rng).shape == [0, 3])
        var a = RandomGenerator(seed: 28), b = RandomGenerator(seed: 28)
        let x = try Tensor.arange(0, 100)
        #expect(x.shuffled(using: &a) == x.shuffled(using: &b))
        #expect(x.shuffled(using: &a) != x)
    }
}
