import Testing
@testable import TensorEngine

@Suite("gather rows, one-hot")
struct GatherTests {
    @Test("gather matches NumPy's x[idx]", arguments: gatherFixtures)
    func gatherFixture(_ f: GatherFixture) throws {
        let indices = try Tensor(shape: f.indexShape, scalars: f.indices)
        expectClose(try counting(f.shape).gather(rows: indices), shape: f.expectedShape, f.expected)
    }

    @Test("a mini-batch by hand")
    func miniBatch() throws {
        let x = try Tensor([[0, 1], [2, 3], [4, 5], [6, 7]])
        expectClose(try x.gather(rows: Tensor([3, 0, -1])), shape: [3, 2], [6, 7, 0, 1, 6, 7])
        expectClose(try x.gather(rows: Tensor([Double]())), shape: [0, 2], [])
    }

    @Test("gather errors")
    func gatherErrors() throws {
        let x = counting([5, 3])
        let fraction = expectError(.notAnInteger(op: "gather", value: 1.5)) { try x.gather(rows: Tensor([0, 1.5])) }
        #expect(fraction == "gather needs whole numbers, got 1.5")
        expectError(.notAnInteger(op: "gather", value: -.infinity)) { try x.gather(rows: Tensor([-.infinity])) }
        let range = expectError(.indexOutOfRange(index: 5, axis: 0, size: 5)) { try x.gather(rows: Tensor([5])) }
        #expect(range == "index 5 is out of range for axis 0 with size 5")
        expectError(.indexOutOfRange(index: -6, axis: 0, size: 5)) { try x.gather(rows: Tensor([-6])) }
        expectError(.indexOutOfRange(index: Int.max, axis: 0, size: 5)) { try x.gather(rows: Tensor([1e20])) }
        expectError(.indexOutOfRange(index: 0, axis: 0, size: 0)) { try counting([0, 3]).gather(rows: Tensor([0])) }
        let scalar = expectError(.rank(op: "gather", argument: "a tensor", expected: "rank 1 or more", shape: [])) {
            try Tensor(1).gather(rows: Tensor([0]))
        }
        #expect(scalar == "gather expects a tensor of rank 1 or more, got shape []")
        // nan is not equal to itself, so compare the message instead of the case.
        #expect(throws: TensorError.self) { try x.gather(rows: Tensor([.nan])) }
        do { _ = try x.gather(rows: Tensor([.nan])) } catch { #expect("\(error)" == "gather needs whole numbers, got nan") }
    }

    @Test("one-hot rows for labels")
    func oneHot() throws {
        let rows = try Tensor.oneHot(Tensor([2, 0, 1, 2]), classes: 3)
        expectClose(rows, shape: [4, 3], [0, 0, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1])
        expectClose(try Tensor.oneHot(Tensor([0, 0]), classes: 1), shape: [2, 1], [1, 1])
        expectClose(try Tensor.oneHot(Tensor([Double]()), classes: 4), shape: [0, 4], [])
        expectClose(try Tensor.oneHot(Tensor(1), classes: 2), shape: [2], [0, 1])
        let grid = try Tensor.oneHot(Tensor(shape: [2, 2], scalars: [1, 0, 0, 1]), classes: 2)
        expectClose(grid, shape: [2, 2, 2], [0, 1, 1, 0, 1, 0, 0, 1])
    }

    @Test("one-hot errors")
    func oneHotErrors() {
        let classes = expectError(.argument(op: "one_hot", name: "classes", problem: .notAtLeast(1, got: 0))) {
            try Tensor.oneHot(Tensor([0]), classes: 0)
        }
        #expect(classes == "one_hot: classes must be at least 1, got 0")
        let label = expectError(.labelOutOfRange(label: 3, classes: 3)) { try Tensor.oneHot(Tensor([0, 3]), classes: 3) }
        #expect(label == "label 3 is out of range for 3 classes (labels must be whole numbers from 0 to 2)")
        expectError(.labelOutOfRange(label: -1, classes: 3)) { try Tensor.oneHot(Tensor([-1]), classes: 3) }
        expectError(.labelOutOfRange(label: 1e300, classes: 3)) { try Tensor.oneHot(Tensor([1e300]), classes: 3) }
        let fraction = expectError(.notAnInteger(op: "one_hot", value: 0.5)) { try Tensor.oneHot(Tensor([0.5]), classes: 3) }
        #expect(fraction == "one_hot needs whole numbers, got 0.5")
        expectError(.argument(op: "one_hot", name: "classes", problem: .notAtLeast(1, got: -2)),
                    reads: "one_hot: classes must be at least 1, got -2") {
            try Tensor.oneHot(Tensor([Double]()), classes: -2)
        }
    }
}
