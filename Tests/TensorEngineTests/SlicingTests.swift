import Testing
@testable import TensorEngine

@Suite("slicing and slice assignment")
struct SlicingTests {
    @Test("slices match NumPy", arguments: sliceFixtures)
    func sliceFixture(_ f: SliceFixture) throws {
        expectClose(try counting(f.shape).slice(f.indices), shape: f.expectedShape, f.expected)
    }

    @Test("slice assignments match NumPy", arguments: assignFixtures)
    func assignFixture(_ f: AssignFixture) throws {
        var x = counting(f.shape)
        try x.assign(counting(f.valueShape, offset: 100), at: f.indices)
        expectClose(x, shape: f.shape, f.expected)
    }

    @Test("a few slices by hand")
    func byHand() throws {
        let x = try Tensor([[0, 1, 2], [3, 4, 5]])
        expectClose(try x.slice([.at(1)]), shape: [3], [3, 4, 5])
        expectClose(try x.slice([.all, .range(step: -1)]), shape: [2, 3], [2, 1, 0, 5, 4, 3])
        expectClose(try x.slice([.at(-1), .at(-1)]), shape: [], [5])
        expectClose(try x.slice([.range(start: -1), .range(start: 1)]), shape: [1, 2], [4, 5])
        expectClose(try x.slice([.all, .newAxis, .range(stop: -1)]), shape: [2, 1, 2], [0, 1, 3, 4])
    }

    @Test("extreme bounds and steps are clamped, not overflowed")
    func extremeBounds() throws {
        let x = counting([5])
        expectClose(try x.slice([.range(start: Int.min, stop: Int.max)]), shape: [5], [0, 1, 2, 3, 4])
        expectClose(try x.slice([.range(start: Int.max, stop: Int.min, step: -1)]), shape: [5], [4, 3, 2, 1, 0])
        expectClose(try x.slice([.range(step: Int.max)]), shape: [1], [0])
        expectClose(try x.slice([.range(step: Int.min)]), shape: [1], [4])
        expectClose(try counting([3, 4]).slice([.all, .range(step: Int.max)]), shape: [3, 1], [0, 4, 8])
        expectError(.indexOutOfRange(index: Int.min, axis: 0, size: 5)) { try x.slice([.at(Int.min)]) }
    }

    @Test("index errors name the index, the axis and its size")
    func indexErrors() {
        let x = counting([2, 3])
        let message = expectError(.indexOutOfRange(index: 3, axis: 1, size: 3)) { try x.slice([.all, .at(3)]) }
        #expect(message == "index 3 is out of range for axis 1 with size 3")
        expectError(.indexOutOfRange(index: -3, axis: 0, size: 2)) { try x.slice([.at(-3)]) }
        expectError(.indexOutOfRange(index: -4, axis: 1, size: 3)) { try x.slice([.newAxis, .at(0), .newAxis, .at(-4)]) }
        expectError(.indexOutOfRange(index: 5, axis: 1, size: 3)) { try x.slice([.newAxis, .all, .at(5)]) }
        expectError(.indexOutOfRange(index: 0, axis: 0, size: 0)) { try counting([0, 3]).slice([.at(0)]) }
    }

    @Test("too many indices; new axes do not count")
    func tooManyIndices() throws {
        let x = counting([2, 3])
        let message = expectError(.tooManyIndices(count: 3, rank: 2)) { try x.slice([.at(0), .at(0), .all]) }
        #expect(message == "too many indices: 3 for a tensor of rank 2")
        expectError(.tooManyIndices(count: 1, rank: 0)) { try Tensor(1).slice([.at(0)]) }
        #expect(try x.slice([.newAxis, .at(0), .newAxis, .at(0), .newAxis]).shape == [1, 1, 1])
    }

    @Test("a zero step is an error, even on an empty axis")
    func zeroStep() {
        let message = expectError(.zeroStep) { try counting([4]).slice([.range(step: 0)]) }
        #expect(message == "slice step cannot be zero")
        expectError(.zeroStep) { try counting([0]).slice([.range(start: 1, step: 0)]) }
        var y = counting([4])
        expectError(.zeroStep) { try y.assign(Tensor(1), at: [.range(step: 0)]) }
    }

    @Test("assignment needs a value that broadcasts to the selection")
    func assignErrors() {
        var x = counting([3, 4])
        let message = expectError(.assignShape(value: [3], selection: [3, 2])) {
            try x.assign(counting([3]), at: [.all, .range(start: 1, stop: 3)])
        }
        #expect(message == "cannot assign a value of shape [3] to a selection of shape [3, 2]"
                + " (the value must broadcast to the selection's shape)")
        expectError(.assignShape(value: [2, 4], selection: [4])) { try x.assign(counting([2, 4]), at: [.at(0)]) }
        expectError(.assignShape(value: [1, 5], selection: [4])) { try x.assign(counting([1, 5]), at: [.at(0)]) }
        expectError(.assignShape(value: [2], selection: [])) { try x.assign(counting([2]), at: [.at(0), .at(0)]) }
        expectError(.tooManyIndices(count: 3, rank: 2)) { try x.assign(Tensor(0), at: [.at(0), .at(0), .at(0)]) }
        expectError(.indexOutOfRange(index: 3, axis: 0, size: 3)) { try x.assign(Tensor(0), at: [.at(3)]) }
        expectClose(x, counting([3, 4]))
    }

    @Test("assignment writes into this tensor only")
    func assignValueSemantics() throws {
        let original = counting([2, 2])
        var copy = original
        try copy.assign(Tensor(-1), at: [.all, .at(0)])
        expectClose(copy, shape: [2, 2], [-1, 1, -1, 3])
        expectClose(original, shape: [2, 2], [0, 1, 2, 3])
    }

    @Test("indices print in Python notation", arguments: [
        (TensorIndex.at(-2), "-2"), (.all, ":"), (.newAxis, "None"), (.range(), ":"),
        (.range(start: 1, stop: 3), "1:3"), (.range(step: -1), "::-1"), (.range(start: -3), "-3:"),
        (.range(stop: 2, step: 2), ":2:2"),
    ])
    func description(_ index: TensorIndex, _ text: String) {
        #expect(index.description == text)
    }
}
