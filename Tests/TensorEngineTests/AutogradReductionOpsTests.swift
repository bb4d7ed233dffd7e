import Testing
@testable import TensorEngine

@Suite("autograd ops: max, min, variance, std")
struct AutogradReductionOpsTests {
    static let axesCases: [([Int]?, Bool)] = [(nil, false), (nil, true), ([0], false), ([-1], true),
                                               ([0, 2], false), ([2, -3], true), ([], false)]

    @Test("gradcheck of max and min over every kind of axes, with and without keepDims", arguments: axesCases)
    func extremes(axes: [Int]?, keepDims: Bool) throws {
        let x = randomTensor([2, 3, 4], seed: 30)     // 24 distinct values: no ties
        try expectGradientsMatch([x]) { v in try v[0].max(axes: axes, keepDims: keepDims) }
        try expectGradientsMatch([x]) { v in try v[0].min(axes: axes, keepDims: keepDims) }
    }

    @Test("max and min by hand: tied extremes share the gradient equally")
    func ties() throws {
        let row = try backwardGradients([Tensor([1, 3, 3, 2, 3])]) { v in try v[0].max() }
        expectClose(row[0]!, shape: [5], [0, 1.0 / 3, 1.0 / 3, 0, 1.0 / 3])
        let x = try Tensor([[1, 1], [0, 2], [5, 5]])
        let g = Tensor([10, 20, 30])
        expectClose(try backwardGradients([x], seed: g) { v in try v[0].max(axis: 1) }[0]!, shape: [3, 2], [5, 5, 0, 20, 15, 15])
        expectClose(try backwardGradients([x], seed: g) { v in try v[0].min(axis: -1) }[0]!, shape: [3, 2], [5, 5, 20, 0, 15, 15])
        let columns = try backwardGradients([x], seed: Tensor([[1, 2]])) { v in try v[0].max(axis: 0, keepDims: true) }
        expectClose(columns[0]!, shape: [3, 2], [0, 0, 0, 0, 1, 2])
    }

    @Test("gradcheck of variance and std: axes, keepDims, correction",
          arguments: [([Int]?.none, false, 0), ([0], false, 0), ([-1], true, 1), ([0, 2], true, 0), ([1], false, 1)])
    func spread(axes: [Int]?, keepDims: Bool, correction: Int) throws {
        let x = randomTensor([3, 4, 2], seed: 31)
        // Every output sums up to 24 squares, whose rounding (~5e-15) over 2h is ~3e-9 of
        // difference: for the element nearest the mean (gradient ~1e-3) that is ~7e-8 relative
        // at h = 1e-6 (measured; it falls as 1/h). A variance is quadratic, so central
        // differences have no truncation error and a larger step is exact in principle; std's
        // curvature limits its step to 1e-5 (at 1e-4 its truncation error reached 4e-8).
        try expectGradientsMatch([x], step: 1e-4) { v in try v[0].variance(axes: axes, keepDims: keepDims, correction: correction) }
        try expectGradientsMatch([x], step: 1e-5) { v in try v[0].std(axes: axes, keepDims: keepDims, correction: correction) }
    }

    @Test("variance by hand: 2(x − mean)/n")
    func varianceByHand() throws {
        let g = try backwardGradients([Tensor([1, 2, 3, 6])]) { v in try v[0].variance() }
        expectClose(g[0]!, shape: [4], [-1, -0.5, 0, 1.5])
        let unbiased = try backwardGradients([Tensor([1, 2, 3, 6])]) { v in try v[0].variance(correction: 1) }
        expectClose(unbiased[0]!, shape: [4], [-4.0 / 3, -2.0 / 3, 0, 2])
    }

    @Test("values and shapes equal the Tensor reductions (axis: forms too)")
    func valuesMatchTensor() throws {
        let x = randomTensor([3, 4, 2], seed: 32), v = x
        for (axes, keepDims) in Self.axesCases {
            #expect(try v.max(axes: axes, keepDims: keepDims).detached() == x.max(axes: axes, keepDims: keepDims))
            #expect(try v.min(axes: axes, keepDims: keepDims).detached() == x.min(axes: axes, keepDims: keepDims))
            expectClose(try v.variance(axes: axes, keepDims: keepDims, correction: 1).detached(),
                        try x.variance(axes: axes, keepDims: keepDims, correction: 1))
            expectClose(try v.std(axes: axes, keepDims: keepDims).detached(), try x.std(axes: axes, keepDims: keepDims))
        }
        #expect(try v.sum(axis: 1).detached() == x.sum(axis: 1) && v.mean(axis: -1, keepDims: true).detached() == x.mean(axis: -1, keepDims: true))
        #expect(try v.max(axis: 0).detached() == x.max(axis: 0) && v.min(axis: 2, keepDims: true).detached() == x.min(axis: 2, keepDims: true))
        expectClose(try v.variance(axis: 0).detached(), try x.variance(axis: 0))
        expectClose(try v.std(axis: 1, correction: 1).detached(), try x.std(axis: 1, correction: 1))
        expectError(.emptyReduction(op: "max")) { try Tensor.zeros([2, 0]).max(axis: 1) }
    }

    @Test("variance and std are composed of primitives and have no backward of their own")
    func composed() throws {
        let x = Tensor(randomTensor([3, 4], seed: 33), requiresGrad: true)
        let primitives: Set = ["leaf", "sum", "-", "*", "/"]
        let variance = try x.variance(axes: [1])
        #expect(variance.op == "/" && graphOps(variance) == primitives)
        let std = try x.std(axes: [0], correction: 1)
        #expect(std.op == "sqrt" && graphOps(std) == primitives.union(["sqrt"]))
    }
}
