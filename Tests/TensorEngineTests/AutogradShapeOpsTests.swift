import Testing
@testable import TensorEngine

@Suite("autograd ops: reshaping, permuting, broadcasting, slicing, gathering, joining")
struct AutogradShapeOpsTests {
    typealias Unary = (Tensor) throws -> Tensor

    @Test("gradcheck of permute, transpose, flatten, squeeze, unsqueeze, broadcast")
    func reshaping() throws {
        let x = randomTensor([2, 1, 3, 2], seed: 40)
        let functions: [Unary] = [
            { try $0.permute([2, 0, 3, 1]) }, { try $0.permute([-1, 0, -2, 1]) }, { $0.transpose() },
            { $0.flatten() }, { try $0.flatten(startAxis: 1) }, { try $0.flatten(startAxis: -2) },
            { try $0.squeeze() }, { try $0.squeeze(axes: [-3]) }, { try $0.unsqueeze(axis: 0) }, { try $0.unsqueeze(axis: -1) },
            { try $0.broadcast(to: [3, 2, 4, 3, 2]) }, { try $0.reshape([3, -1]) },
        ]
        for f in functions {
            try expectGradientsMatch([x]) { v in try f(v[0]) }
        }
        try expectGradientsMatch([randomTensor([3], seed: 41)]) { v in try v[0].broadcast(to: [2, 3]) }
        try expectGradientsMatch([Tensor(1.5)]) { v in v[0].transpose() }
    }

    @Test("transpose is a permutation; flatten, squeeze and unsqueeze are reshapes")
    func composed() throws {
        let x = Tensor(randomTensor([2, 1, 3], seed: 42), requiresGrad: true)
        #expect(x.transpose().op == "permute" && x.transpose().detached() == x.detached().transpose())
        for y in [x.flatten(), try x.flatten(startAxis: 1), try x.squeeze(), try x.unsqueeze(axis: 1)] {
            #expect(y.op == "reshape" && graphOps(y) == ["leaf", "reshape"])
        }
        #expect(try x.squeeze(axes: [1]).shape == [2, 3] && x.unsqueeze(axis: -1).shape == [2, 1, 3, 1])
        #expect(try x.permute([2, 0, 1]).detached() == x.detached().permute([2, 0, 1]))
        expectError(.permutation([0, 0, 1], rank: 3)) { try x.permute([0, 0, 1]) }
        expectError(.squeeze(axis: 0, size: 2)) { try x.squeeze(axes: [0]) }
    }

    static let slices: [[TensorIndex]] = [
        [.at(-1)], [.all, .range(start: 1, stop: 3)], [.range(step: -1)],
        [.range(start: -2, step: -2), .newAxis, .at(1)], [.range(start: 3, stop: 0, step: -2), .range(step: 2), .at(-1)],
        [.newAxis, .range(start: 1, stop: 2)], [.range(start: 2, stop: 2)],
    ]

    @Test("gradcheck of slice: single indices, ranges, negative steps, new axes, empty selections", arguments: slices)
    func slicing(_ indices: [TensorIndex]) throws {
        try expectGradientsMatch([randomTensor([4, 3, 2], seed: 43)]) { v in try v[0].slice(indices) }
    }

    @Test("slice by hand: g lands where the elements came from, zeros elsewhere")
    func slicingByHand() throws {
        let g = try backwardGradients([Tensor([1, 2, 3, 4, 5])], seed: Tensor([10, 20])) { v in
            try v[0].slice([.range(start: -1, stop: 0, step: -3)])     // x[-1:0:-3] picks 4, 1
        }
        expectClose(g[0]!, shape: [5], [0, 20, 0, 0, 10])
    }

    @Test("gradcheck of gather, with repeated and negative row indices")
    func gathering() throws {
        let x = randomTensor([3, 4], seed: 44)
        try expectGradientsMatch([x]) { v in try v[0].gather(rows: Tensor([0, 2, 0, -1, 2, 0])) }
        let rows = try Tensor(shape: [2, 2], scalars: [1, 1, -3, 2])
        try expectGradientsMatch([randomTensor([3, 2, 2], seed: 45)]) { v in try v[0].gather(rows: rows) }
    }

    @Test("gather by hand: a row picked twice gets the sum of both gradients")
    func gatheringByHand() throws {
        let x = try Tensor([[1, 2], [3, 4], [5, 6]])
        let g = try backwardGradients([x], seed: Tensor([[1, 2], [10, 20], [100, 200]])) { v in
            try v[0].gather(rows: Tensor([0, -1, 0]))
        }
        expectClose(g[0]!, shape: [3, 2], [101, 202, 0, 0, 10, 20])
    }

    @Test("gradcheck of concat (with negative axes, a constant piece, one variable twice) and stack")
    func joining() throws {
        let a = randomTensor([2, 3], seed: 46), b = randomTensor([4, 3], seed: 47), c = randomTensor([2, 1], seed: 48)
        try expectGradientsMatch([a, b]) { v in try Tensor.concat([v[0], v[1]]) }
        try expectGradientsMatch([a, c]) { v in try Tensor.concat([v[0], v[1], c, v[1]], axis: -1) }
        try expectGradientsMatch([a]) { v in try Tensor.concat([v[0], v[0]], axis: 1) }
        for axis in [0, 1, 2, -1, -3] {
            try expectGradientsMatch([a, randomTensor([2, 3], seed: 49)]) { v in try Tensor.stack([v[0], v[1], v[0]], axis: axis) }
        }
    }

    @Test("stack is unsqueeze then concat; values and errors are Tensor.stack's")
    func stackComposed() throws {
        let a = Tensor(randomTensor([2, 3], seed: 50), requiresGrad: true), b = randomTensor([2, 3], seed: 51)
        let s = try Tensor.stack([a, b], axis: -1)
        #expect(s.op == "concat" && graphOps(s) == ["leaf", "reshape", "concat"])
        #expect(try s.detached() == Tensor.stack([a.detached(), b.detached()], axis: -1))
        expectError(.joinShapes(op: "stack", axis: 0, first: [2, 3], index: 1, other: [3])) {
            try Tensor.stack([a, Tensor([1, 2, 3])])
        }
        expectError(.emptyList(op: "stack")) { try Tensor.stack([]) }
        expectError(.newAxisOutOfRange(axis: 4, rank: 2)) { try Tensor.stack([a], axis: 4) }
    }

    @Test("gradcheck of pad: a pair per axis, one pair for all, a fill value")
    func padding() throws {
        let x = randomTensor([2, 3], seed: 52)
        try expectGradientsMatch([x]) { v in try v[0].pad([(1, 2), (0, 1)]) }
        try expectGradientsMatch([x]) { v in try v[0].pad([(2, 1)], value: 5) }
        try expectGradientsMatch([randomTensor([1, 2, 3, 3], seed: 53)]) { v in try v[0].pad([(0, 0), (0, 0), (1, 1), (1, 1)]) }
        let padded = try x.pad([(1, 0)], value: -1)
        #expect(try padded.detached() == x.pad([(1, 0)], value: -1))
    }

    @Test("gradcheck of dot and outer; both are composed")
    func products() throws {
        let u = randomTensor([4], seed: 54), w = randomTensor([4], seed: 55), m = randomTensor([3, 4], seed: 56)
        try expectGradientsMatch([u, w]) { v in try Tensor.dot(v[0], v[1]) }
        try expectGradientsMatch([m, u]) { v in try Tensor.dot(v[0], v[1]) }
        try expectGradientsMatch([Tensor(2), m]) { v in try Tensor.dot(v[0], v[1]) }
        try expectGradientsMatch([m, u]) { v in try Tensor.outer(v[0], v[1]) }
        let (a, b) = (Tensor(m, requiresGrad: true), u)
        #expect(try Tensor.outer(a, b).detached() == Tensor.outer(m, u) && Tensor.dot(a, b).op == "matmul")
        expectError(.rank(op: "dot", argument: "a", expected: "rank 1 or 2 (use matmul for batches)", shape: [1, 3, 4])) {
            try Tensor.dot(m.reshape([1, 3, 4]), b)
        }
    }
}
