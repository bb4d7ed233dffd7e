import Testing
@testable import TensorEngine

/// An index tensor of whole numbers, for the fixtures.
func ix(_ shape: [Int], _ values: [Double]) -> Tensor { try! Tensor(shape: shape, scalars: values) }

/// A mask, for the fixtures.
func mask(_ shape: [Int], _ values: [Bool]) -> Tensor { try! Tensor(shape: shape, booleans: values) }

@Suite("advanced indexing: index tensors, masks, nonzero")
struct AdvancedIndexingTests {
    @Test("selections match NumPy", arguments: advancedSliceFixtures)
    func selectFixture(_ f: SliceFixture) throws {
        let x = counting(f.shape)
        expectClose(try x.slice(f.indices), shape: f.expectedShape, f.expected)
        #expect(try Tensor.indexedShape(f.shape, f.indices) == f.expectedShape)
        expectClose(try x.slice(f.indices).detached(), shape: f.expectedShape, f.expected)
    }

    @Test("assignments match NumPy", arguments: advancedAssignFixtures)
    func assignFixture(_ f: AssignFixture) throws {
        var x = counting(f.shape)
        try x.assign(counting(f.valueShape, offset: 100), at: f.indices)
        expectClose(x, shape: f.shape, f.expected)
    }

    @Test("nonzero matches NumPy", arguments: nonzeroFixtures)
    func nonzeroFixture(_ f: NonzeroFixture) throws {
        let parts = try Tensor(shape: f.shape, scalars: f.values).nonzero()
        #expect(parts.count == f.expected.count)
        for (part, expected) in zip(parts, f.expected) { expectClose(part, shape: [expected.count], expected) }
    }

    @Test("comparisons make masks; arithmetic makes numbers")
    func booleanFlag() throws {
        let y = Tensor([1, 7, 3, 9])
        let m = try Tensor.less(y, Tensor(5))
        #expect(m.isBoolean && m == Tensor([1, 0, 1, 0]))
        #expect(try (m * Tensor.greater(y, Tensor(2))).isBoolean)
        let sum = try m + Tensor(0), product = try m * y
        #expect(!sum.isBoolean && !product.isBoolean && !(m * 1).isBoolean)
        let reshaped = try m.reshape([2, 2]), sliced = try m.slice([.range(start: 1)])
        #expect(reshaped.isBoolean && sliced.isBoolean && m.transpose().isBoolean)
        #expect(try Tensor.stack([m, m]).isBoolean && !Tensor.concat([m, y]).isBoolean)
        var written = m
        try written.assign(Tensor(5), at: [.at(0)])
        #expect(!written.isBoolean)
        var still = m
        try still.assign(Tensor(0), at: [.at(0)])
        #expect(still.isBoolean)
        // The same 0/1 values as positions pick rows 1, 0, 1, 0.
        let x = counting([4, 2])
        expectClose(try x.slice([.mask(m)]), shape: [2, 2], [0, 1, 4, 5])
        expectClose(try x.slice([.indices(Tensor([1, 0, 1, 0]))]), shape: [4, 2], [2, 3, 0, 1, 2, 3, 0, 1])
        let notMask = expectError(.argument(op: "a mask", name: "every element", problem: .notBoolean(2))) {
            try Tensor([0, 2]).asBoolean()
        }
        #expect(notMask == "a mask: every element must be 0 or 1 (true or false), got 2")
    }

    @Test("errors name the shapes, the axis and the index")
    func errors() {
        let x = counting([4, 2])
        let rows = expectError(.maskShape(mask: [3], shape: [4, 2], axis: 0)) { try x.slice([.mask(mask([3], [true, false, true]))]) }
        #expect(rows == "a mask of shape [3] cannot index a tensor of shape [4, 2]: a mask must have the tensor's"
                + " leading dimensions, such as [4] to pick rows or [4, 2] to pick single elements")
        let column = expectError(.maskShape(mask: [3], shape: [4, 2], axis: 1)) { try x.slice([.all, .mask(mask([3], [true, true, true]))]) }
        #expect(column == "a mask of shape [3] cannot index a tensor of shape [4, 2]: a mask at axis 1 must have the dimensions it covers, such as [2]")
        expectError(.maskShape(mask: [2, 4], shape: [4, 2], axis: 0)) { try x.slice([.mask(mask([2, 4], Array(repeating: true, count: 8)))]) }
        expectError(.tooManyIndices(count: 3, rank: 2)) { try x.slice([.mask(mask([4, 2], Array(repeating: true, count: 8))), .at(0)]) }
        let range = expectError(.indexOutOfRange(index: 2, axis: 1, size: 2)) { try x.slice([.all, .indices(Tensor([0, 2]))]) }
        #expect(range == "index 2 is out of range for axis 1 with size 2")
        expectError(.indexOutOfRange(index: -5, axis: 0, size: 4)) { try x.slice([.indices(Tensor([-5]))]) }
        let fraction = expectError(.notAnInteger(op: "indexing", value: 0.5)) { try x.slice([.indices(Tensor([0.5]))]) }
        #expect(fraction == "indexing needs whole numbers, got 0.5")
        expectError(.broadcast(op: "indexing", lhs: [2], rhs: [3])) { try x.slice([.indices(Tensor([0, 1])), .indices(Tensor([0, 1, 1]))]) }
        var y = x
        expectError(.assignShape(value: [3], selection: [2, 2])) { try y.assign(Tensor([1, 2, 3]), at: [.indices(Tensor([0, 1]))]) }
        expectError(.rank(op: "nonzero", argument: "a tensor", expected: "rank 1 or more", shape: [])) { try Tensor(1).nonzero() }
    }

    @Test("gradients by finite differences; a row picked twice gets both")
    func gradients() throws {
        let x = counting([4, 3]).map { $0 * 0.37 - 1 }
        let twice = Tensor([2, 0, 2, -1])
        try expectGradientsMatch([x]) { try $0[0].slice([.indices(twice)]) * $0[0].slice([.indices(twice)]) }
        try expectGradientsMatch([x]) { try $0[0].slice([.mask(Tensor.greater(x, Tensor(0)))]).exp() }
        try expectGradientsMatch([x]) { try $0[0].slice([.all, .indices(ix([2, 2], [2, 0, 0, 1]))]).exp() }
        let cube = counting([2, 3, 4]).map { $0 * 0.1 }
        try expectGradientsMatch([cube]) { try $0[0].slice([.at(1), .all, .indices(Tensor([3, 3, 0]))]).exp() }
        try expectGradientsMatch([cube]) { try $0[0].slice([.indices(Tensor([1, 0])), .mask(mask([3], [true, false, true]))]).exp() }
        let g = try backwardGradients([counting([3, 2])]) { try $0[0].slice([.indices(Tensor([0, 0, 2]))]) }
        expectClose(g[0]!, shape: [3, 2], [2, 2, 0, 0, 1, 1])
        let v = Tensor(x, requiresGrad: true)
        #expect(graphOps(try v.slice([.all, .indices(Tensor([1]))])).isSubset(of: ["leaf", "permute", "reshape", "gather", "slice"]))
    }
}
