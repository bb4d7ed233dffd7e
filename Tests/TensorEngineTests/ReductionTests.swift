import Testing
@testable import TensorEngine

@Suite("reductions")
struct ReductionTests {
    /// The reduction a fixture names, with its axes and correction.
    static func reduce(_ x: Tensor, _ f: ReductionFixture) throws -> Tensor? {
        switch f.op {
        case "sum": return try x.sum(axes: f.axes)
        case "mean": return try x.mean(axes: f.axes)
        case "variance": return try x.variance(axes: f.axes, correction: f.correction)
        case "std": return try x.std(axes: f.axes, correction: f.correction)
        case "max": return try x.max(axes: f.axes)
        case "min": return try x.min(axes: f.axes)
        case "argmax": return try x.argmax(axis: f.axes?.first)
        case "argmin": return try x.argmin(axis: f.axes?.first)
        default: return nil
        }
    }

    /// Sums of up to 60 numbers of size ~3 in a different order from NumPy's pairwise one:
    /// rounding errors of order 60 · 3 · 1.1e-16 ≈ 2e-14, absolute because a mean near 0
    /// has no relative accuracy to speak of. Max, min and the arg-reductions must be exact.
    @Test("every reduction over every kind of axes matches NumPy", arguments: reductionFixtures)
    func againstNumPy(_ fixture: ReductionFixture) throws {
        let x = try Tensor(shape: reductionInputShape, scalars: reductionInput)
        guard let y = try Self.reduce(x, fixture) else {
            Issue.record("no Swift reduction for fixture \(fixture.op)")
            return
        }
        let exact = ["max", "min", "argmax", "argmin"].contains(fixture.op)
        expectClose(y, shape: fixture.expectedShape, fixture.expected,
                    exact ? .correctlyRounded : Tolerance(rtol: 1e-13, atol: 1e-13))
    }

    @Test("by hand: a 2x3 matrix along each axis and in total")
    func byHand() throws {
        let x = try Tensor([[1, 2, 3], [4, 5, 9]])
        expectClose(try x.sum(axis: 0), shape: [3], [5, 7, 12])
        expectClose(try x.sum(axis: 1), shape: [2], [6, 18])
        expectClose(try x.sum(), shape: [], [24])
        expectClose(try x.mean(axis: -1), shape: [2], [2, 6])
        expectClose(try x.mean(), shape: [], [4])
        expectClose(try x.max(axis: 0), shape: [3], [4, 5, 9])
        expectClose(try x.min(axis: 1), shape: [2], [1, 4])
        expectClose(try x.max(), shape: [], [9])
        expectClose(try x.argmax(axis: 1), shape: [2], [2, 2])
        expectClose(try x.argmin(axis: 0), shape: [3], [0, 0, 0])
        expectClose(try x.argmax(), shape: [], [5])
    }

    @Test("variance and std: mean((x − mean(x))²), and n − correction as divisor")
    func varianceByHand() throws {
        let x = Tensor([1, 2, 3, 4])  // mean 2.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5
        expectClose(try x.variance(), shape: [], [1.25])
        expectClose(try x.variance(correction: 1), shape: [], [5.0 / 3])
        expectClose(try x.std(), shape: [], [(1.25).squareRoot()])
        expectClose(try x.std(axis: 0, correction: 1), shape: [], [(5.0 / 3).squareRoot()])
        let rows = try Tensor([[1, 3], [10, 10]])
        expectClose(try rows.variance(axis: 1, keepDims: true), shape: [2, 1], [1, 0])
        expectClose(try rows.variance(axis: 0, correction: 1), shape: [2], [40.5, 24.5])
        // As NumPy's ddof: a divisor n − correction ≤ 0 gives inf (or nan for 0/0); < 0 is allowed.
        expectClose(try Tensor([1, 2]).variance(correction: 3), shape: [], [.infinity])
        expectClose(try Tensor([1]).variance(correction: 1), shape: [], [.nan])
        expectClose(try Tensor([1, 2]).variance(correction: -1), shape: [], [0.5 / 3])
    }

    @Test("variance is computed in two passes: a large offset costs no accuracy")
    func varianceIsStable() throws {
        let x = Tensor([1_000_000_004, 1_000_000_007, 1_000_000_013, 1_000_000_016] as [Double])
        // E[x²] − E[x]² would lose every digit: x² ≈ 1e18, where doubles are 128 apart.
        expectClose(try x.variance(), shape: [], [22.5])
    }

    @Test("keepDims keeps reduced axes as size 1, for every reduction")
    func keepDims() throws {
        let x = randomTensor([2, 3, 4])
        let reductions: [(Tensor) throws -> Tensor] = [
            { try $0.sum(axes: [1], keepDims: true) }, { try $0.mean(axes: [1], keepDims: true) },
            { try $0.variance(axes: [1], keepDims: true) }, { try $0.std(axes: [1], keepDims: true) },
            { try $0.max(axes: [1], keepDims: true) }, { try $0.min(axes: [1], keepDims: true) },
            { try $0.argmax(axis: 1, keepDims: true) }, { try $0.argmin(axis: -2, keepDims: true) },
        ]
        for reduce in reductions { #expect(try reduce(x).shape == [2, 1, 4]) }
        #expect(try x.sum(keepDims: true).shape == [1, 1, 1])
        #expect(try x.argmax(keepDims: true).shape == [1, 1, 1])
        #expect(try x.max(axes: [0, -1], keepDims: true).shape == [1, 3, 1])
        #expect(try x.max(axes: [0, -1]).shape == [3])
        #expect(try x.sum().shape == [])
        // The point of keepDims: the result broadcasts against the input.
        let centred = try x - x.mean(axis: 2, keepDims: true)
        expectClose(try centred.sum(axis: 2), try Tensor.zeros([2, 3]), Tolerance(rtol: 0, atol: 1e-14))
    }

    @Test("several axes at once equal one axis after another, in any order of naming")
    func severalAxes() throws {
        let x = randomTensor([3, 4, 5, 2], seed: 4)
        let oneByOne = try x.sum(axis: 3).sum(axis: 1)
        expectClose(try x.sum(axes: [1, 3]), oneByOne, .sums)
        expectClose(try x.sum(axes: [-1, -3]), oneByOne, .sums)
        expectClose(try x.max(axes: [3, 0, 1]), try x.max(axis: 0).max(axis: 0).max(axis: 1), .correctlyRounded)
        expectClose(try x.sum(axes: []), x, .correctlyRounded)
    }

    @Test("sums run in index order: bit-identical to a sequential loop")
    func indexOrder() throws {
        let x = randomTensor([7, 1000, 3], seed: 9)
        var total = 0.0
        for v in x.scalars { total += v }
        #expect(try x.sum().scalars == [total])  // exactness is the point: the order is fixed
        let columns = try x.sum(axis: 1)
        for o in 0..<7 {
            for i in 0..<3 {
                var s = 0.0
                for k in 0..<1000 { s += x[o, k, i] }
                #expect(columns[o, i] == s)
            }
        }
    }

    @Test("max and min propagate nan wherever it sits; argmax and argmin pick the first nan")
    func nan() throws {
        for values in [[.nan, 1, 2], [1, .nan, 2], [1, 2, .nan]] as [[Double]] {
            #expect(try Tensor(values).max().scalar!.isNaN)
            #expect(try Tensor(values).min().scalar!.isNaN)
        }
        let x = Tensor([1, .nan, 3, .nan])
        expectClose(try x.argmax(), shape: [], [1])
        expectClose(try x.argmin(), shape: [], [1])
        let columns = try Tensor([[1, 5], [.nan, 2], [0, .nan]])
        expectClose(try columns.max(axis: 0), shape: [2], [.nan, .nan])
        expectClose(try columns.argmax(axis: 0), shape: [2], [1, 2])
        expectClose(try Tensor([-.infinity, -.infinity]).max(), shape: [], [-.infinity])
    }

    @Test("argmax and argmin: ties pick the first, along an axis and flattened")
    func ties() throws {
        expectClose(try Tensor([1, 3, 3, 2]).argmax(), shape: [], [1])
        expectClose(try Tensor([2, 0, 0, 1]).argmin(), shape: [], [1])
        let x = try Tensor([[1, 5, 5], [5, 0, 5], [2, 2, 2]])
        expectClose(try x.argmax(axis: 1), shape: [3], [1, 0, 0])
        expectClose(try x.argmax(axis: 0), shape: [3], [1, 0, 0])
        expectClose(try x.argmin(axis: -1), shape: [3], [0, 1, 0])
        expectClose(try x.argmax(), shape: [], [1])
        expectClose(try x.argmax(keepDims: true), shape: [1, 1], [1])
        expectClose(try x.argmin(), shape: [], [4])
    }

    @Test("rank 0: reductions over no axes give the number back")
    func rankZero() throws {
        let x = Tensor(3)
        expectClose(try x.sum(), shape: [], [3])
        expectClose(try x.mean(keepDims: true), shape: [], [3])
        expectClose(try x.max(), shape: [], [3])
        expectClose(try x.variance(), shape: [], [0])
        expectClose(try x.argmax(), shape: [], [0])
        let message = expectError(.axisOutOfRange(axis: 0, rank: 0)) { try x.argmax(axis: 0) }
        #expect(message == "axis 0 is out of range for a tensor of rank 0 (it has no axes)")
    }

    @Test("empty selections: sum 0, mean nan, max, min, argmax and argmin an error")
    func empty() throws {
        let x = try Tensor.zeros([0, 3])
        expectClose(try x.sum(), shape: [], [0])
        expectClose(try x.sum(axis: 0), shape: [3], [0, 0, 0])
        expectClose(try x.mean(axis: 0), shape: [3], [.nan, .nan, .nan])
        expectClose(try x.variance(axis: 0), shape: [3], [.nan, .nan, .nan])
        expectClose(try x.mean(), shape: [], [.nan])
        // Reducing a non-empty axis of an empty tensor is fine: nothing to compute, no error.
        #expect(try x.max(axis: 1).shape == [0])
        #expect(try x.argmin(axis: 1, keepDims: true).shape == [0, 1])
        #expect(try x.mean(axis: 1).shape == [0])
        let message = expectError(.emptyReduction(op: "max")) { try x.max(axis: 0) }
        #expect(message == "max of an empty tensor has no value")
        expectError(.emptyReduction(op: "min")) { try x.min() }
        expectError(.emptyReduction(op: "argmax")) { try x.argmax() }
        expectError(.emptyReduction(op: "argmin")) { try x.argmin(axis: 0) }
        expectError(.emptyReduction(op: "max")) { try Tensor.zeros([2, 0, 3]).max(axes: [0, 1]) }
        expectError(.emptyReduction(op: "min")) { try Tensor.zeros([0, 0]).min(axis: 1) }
    }

    @Test("axis errors: out of range, negative too, and named twice")
    func axisErrors() throws {
        let x = try Tensor.zeros([2, 3])
        let message = expectError(.axisOutOfRange(axis: 2, rank: 2)) { try x.sum(axis: 2) }
        #expect(message == "axis 2 is out of range for a tensor of rank 2 (valid: -2 to 1)")
        expectError(.axisOutOfRange(axis: -3, rank: 2)) { try x.mean(axes: [0, -3]) }
        expectError(.axisOutOfRange(axis: 5, rank: 2)) { try x.argmin(axis: 5) }
        expectError(.axisOutOfRange(axis: 2, rank: 2)) { try x.std(axis: 2) }
        let repeated = expectError(.repeatedAxis(1)) { try x.max(axes: [1, -1]) }
        #expect(repeated == "axis 1 is named more than once")
        expectError(.repeatedAxis(0)) { try x.variance(axes: [0, 0]) }
    }
}
