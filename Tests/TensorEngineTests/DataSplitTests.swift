import Testing
@testable import TensorEngine

/// N examples whose features name their row: x[i] = (i, -i), y[i] = i mod 3.
private func numbered(_ n: Int) throws -> Dataset {
    try Dataset(x: Tensor(shape: [n, 2], scalars: (0..<n).flatMap { [Double($0), -Double($0)] }),
                y: Tensor((0..<n).map { Double($0 % 3) }), classes: 3)
}

/// The row numbers of the examples of a part of `numbered(_:)`, after checking each example
/// still has its own features and label.
private func rowNumbers(_ part: Dataset) -> [Int] {
    (0..<part.count).map { i in
        let row = part.x[i, 0]
        #expect(part.x[i, 1] == -row && part.y[i] == Double(Int(row) % 3), "row \(row) was torn apart")
        return Int(row)
    }
}

@Suite("data: splits, shuffling, mini-batches, standardisation")
struct DataSplitTests {
    @Test("split: the documented sizes, disjoint parts that cover every example")
    func split() throws {
        var rng = RandomGenerator(seed: 1)
        let parts = try numbered(300).split(validation: 0.2, test: 0.1, using: &rng)
        #expect(parts.train.count == 210 && parts.validation.count == 60 && parts.test.count == 30)
        let all = rowNumbers(parts.train) + rowNumbers(parts.validation) + rowNumbers(parts.test)
        #expect(all.sorted() == Array(0..<300))
        #expect(rowNumbers(parts.train) != rowNumbers(parts.train).sorted())  // shuffled
        #expect(parts.train.classes == 3)

        var again = RandomGenerator(seed: 1)
        #expect(try numbered(300).split(validation: 0.2, test: 0.1, using: &again) == parts)
        let odd = try numbered(5).split(validation: 0.5, test: 0.5, using: &rng)  // round(2.5) twice
        #expect(odd.validation.count == 3 && odd.test.count == 2 && odd.train.count == 0)
        let none = try numbered(10).split(validation: 0, using: &rng)
        #expect(none.train.count == 10 && none.validation.count == 0 && none.validation.x.shape == [0, 2])
    }

    @Test("split errors")
    func splitErrors() throws {
        var rng = RandomGenerator(seed: 1)
        let data = try numbered(10)
        let range = expectError(.argument(op: "split", name: "the test fraction", problem: .notFromZeroToOne(1.5))) {
            try data.split(test: 1.5, using: &rng)
        }
        #expect(range == "split: the test fraction must be from 0 to 1, got 1.5")
        let sum = expectError(.argument(op: "split", name: "the validation and test fractions",
                                        problem: .sumAboveOne(1.2))) {
            try data.split(validation: 0.6, test: 0.6, using: &rng)
        }
        #expect(sum == "split: the validation and test fractions add up to 1.2; they must add up to at most 1")
        #expect(throws: TensorError.self) { try data.split(validation: .nan, using: &rng) }
    }

    @Test("shuffled keeps each example with its label")
    func shuffled() throws {
        var rng = RandomGenerator(seed: 2)
        let rows = rowNumbers(try numbered(50).shuffled(using: &rng))
        #expect(rows.sorted() == Array(0..<50) && rows != Array(0..<50))
    }

    @Test("batches cover every example once per epoch, the last one smaller")
    func batches() throws {
        var rng = RandomGenerator(seed: 3)
        let data = try numbered(70)
        let inOrder = try data.batches(size: 32)
        #expect(inOrder.count == 3 && inOrder.map(\.count) == [32, 32, 6])
        #expect(inOrder.flatMap(rowNumbers) == Array(0..<70))
        #expect(inOrder[2].x.shape == [6, 2] && inOrder[2].y.shape == [6])

        let epoch1 = try data.batches(size: 32, using: &rng).flatMap(rowNumbers)
        let epoch2 = try data.batches(size: 32, using: &rng).flatMap(rowNumbers)
        #expect(epoch1.sorted() == Array(0..<70) && epoch2.sorted() == Array(0..<70))
        #expect(epoch1 != epoch2 && epoch1 != Array(0..<70))

        let dropped = try data.batches(size: 32, dropLast: true, using: &rng)
        #expect(dropped.map(\.count) == [32, 32])
        #expect(try data.batches(size: 70).map(\.count) == [70])
        #expect(try data.batches(size: 100).map(\.count) == [70])
        #expect(try data.batches(size: 100, dropLast: true).isEmpty)
        #expect(try numbered(0).batches(size: 4).isEmpty)
        let size = expectError(.argument(op: "batches", name: "the batch size", problem: .notAtLeast(1, got: 0))) {
            try data.batches(size: 0)
        }
        #expect(size == "batches: the batch size must be at least 1, got 0")
    }
}
