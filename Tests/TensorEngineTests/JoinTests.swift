import Testing
@testable import TensorEngine

@Suite("concat, stack, pad")
struct JoinTests {
    @Test("concat and stack match NumPy", arguments: joinFixtures)
    func joinFixture(_ f: JoinFixture) throws {
        let tensors = f.shapes.enumerated().map { counting($1, offset: 100 * Double($0)) }
        let joined = f.op == "concat" ? try Tensor.concat(tensors, axis: f.axis) : try Tensor.stack(tensors, axis: f.axis)
        expectClose(joined, shape: f.expectedShape, f.expected)
    }

    @Test("pad matches NumPy", arguments: padFixtures)
    func padFixture(_ f: PadFixture) throws {
        expectClose(try counting(f.shape).pad(f.widths, value: f.value), shape: f.expectedShape, f.expected)
    }

    @Test("a few joins by hand")
    func byHand() throws {
        let a = Tensor([1, 2]), b = Tensor([3, 4])
        expectClose(try Tensor.stack([a, b]), shape: [2, 2], [1, 2, 3, 4])
        expectClose(try Tensor.stack([a, b], axis: 1), shape: [2, 2], [1, 3, 2, 4])
        expectClose(try Tensor.concat([a, b, a]), shape: [6], [1, 2, 3, 4, 1, 2])
        expectClose(try a.pad([(1, 2)], value: 9), shape: [5], [9, 1, 2, 9, 9])
        let m = try Tensor([[1, 2], [3, 4]])
        expectClose(try Tensor.concat([m, m], axis: 1), shape: [2, 4], [1, 2, 1, 2, 3, 4, 3, 4])
        expectClose(try m.pad([(0, 1), (1, 0)]), shape: [3, 3], [0, 1, 2, 0, 3, 4, 0, 0, 0])
    }

    @Test("concat errors")
    func concatErrors() {
        let empty = expectError(.emptyList(op: "concat")) { try Tensor.concat([]) }
        #expect(empty == "concat needs at least one tensor")
        let a = counting([2, 3]), b = counting([2, 4])
        let message = expectError(.joinShapes(op: "concat", axis: 0, first: [2, 3], index: 1, other: [2, 4])) {
            try Tensor.concat([a, b])
        }
        #expect(message == "concat: tensor 1 has shape [2, 4] but tensor 0 has [2, 3]; shapes must match except along axis 0")
        expectError(.joinShapes(op: "concat", axis: -1, first: [2, 3], index: 2, other: [6])) {
            try Tensor.concat([a, b, counting([6])], axis: -1)
        }
        expectError(.axisOutOfRange(axis: 2, rank: 2)) { try Tensor.concat([a, a], axis: 2) }
        expectError(.axisOutOfRange(axis: -3, rank: 2)) { try Tensor.concat([a, a], axis: -3) }
        expectError(.axisOutOfRange(axis: 0, rank: 0)) { try Tensor.concat([Tensor(1), Tensor(2)]) }
    }

    @Test("stack errors")
    func stackErrors() {
        expectError(.emptyList(op: "stack")) { try Tensor.stack([]) }
        let a = counting([2, 3])
        let message = expectError(.joinShapes(op: "stack", axis: 0, first: [2, 3], index: 2, other: [3, 2])) {
            try Tensor.stack([a, a, counting([3, 2])])
        }
        #expect(message == "stack: tensor 2 has shape [3, 2] but tensor 0 has [2, 3]; stacked tensors must have the same shape")
        expectError(.joinShapes(op: "stack", axis: 0, first: [], index: 1, other: [1])) {
            try Tensor.stack([Tensor(1), Tensor([1])])
        }
        expectError(.newAxisOutOfRange(axis: 3, rank: 2)) { try Tensor.stack([a, a], axis: 3) }
        expectError(.newAxisOutOfRange(axis: -4, rank: 2)) { try Tensor.stack([a, a], axis: -4) }
    }

    @Test("pad errors")
    func padErrors() {
        let x = counting([2, 3])
        let count = expectError(.padWidthCount(count: 3, rank: 2)) { try x.pad([(1, 1), (1, 1), (1, 1)]) }
        #expect(count == "pad needs one (before, after) pair per axis (2) or a single pair for every axis, got 3 pairs")
        expectError(.padWidthCount(count: 0, rank: 2)) { try x.pad([]) }
        expectError(.padWidthCount(count: 2, rank: 0)) { try Tensor(1).pad([(1, 1), (1, 1)]) }
        let negative = expectError(.negativePadding(axis: 1, before: 0, after: -1)) { try x.pad([(1, 1), (0, -1)]) }
        #expect(negative == "pad widths cannot be negative, got (0, -1) for axis 1")
        expectError(.negativePadding(axis: 0, before: -2, after: 0)) { try x.pad([(-2, 0)]) }
        expectError(.tooLarge(shape: [Int.max])) { try counting([3]).pad([(Int.max, 0)]) }
        expectError(.tooLarge(shape: [1 << 30, 1 << 30])) { try counting([1, 1]).pad([(0, (1 << 30) - 1)]) }
    }
}
