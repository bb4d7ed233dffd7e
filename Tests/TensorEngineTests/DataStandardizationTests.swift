import Testing
@testable import TensorEngine

@Suite("data: centring and standardising with training statistics")
struct DataStandardizationTests {
    @Test("standardised training features have mean 0 and std 1; other sets use the training statistics")
    func standardize() throws {
        var rng = RandomGenerator(seed: 6)
        let parts = try Dataset.blobs(count: 500, centers: Tensor([[100, -3], [110, 5]]), std: 2, using: &rng)
            .split(validation: 0.2, using: &rng)
        let (train, stats) = try parts.train.standardized()
        expectClose(try train.x.mean(axis: 0), shape: [2], [0, 0])
        expectClose(try train.x.std(axis: 0), shape: [2], [1, 1])
        #expect(train.y == parts.train.y && train.classes == 2)
        expectClose(stats.mean, try parts.train.x.mean(axis: 0))
        expectClose(stats.std, try parts.train.x.std(axis: 0))

        let validation = try stats.apply(to: parts.validation)
        let expected = try (parts.validation.x - parts.train.x.mean(axis: 0)) / parts.train.x.std(axis: 0)
        expectClose(validation.x, expected)
        #expect(validation.y == parts.validation.y)
    }

    @Test("centring subtracts the mean and keeps the scale")
    func center() throws {
        let data = try Dataset(x: Tensor([[1, 10], [3, 20], [5, 60]]), y: Tensor([0, 1, 0]), classes: 2)
        let (centered, stats) = try data.centered()
        expectClose(centered.x, shape: [3, 2], [-2, -20, 0, -10, 2, 30])
        expectClose(stats.mean, shape: [2], [3, 30])
        expectClose(stats.std, shape: [2], [1, 1])
        expectClose(try stats.apply(to: Tensor([[0, 0]])), shape: [1, 2], [-3, -30])
    }

    @Test("a constant feature becomes 0, not nan or ±1, even when its mean is not exact")
    func constantFeatures() throws {
        let x = try Tensor(shape: [300, 3], scalars: (0..<300).flatMap { [0.1, 0, Double($0)] })
        let stats = try Standardization(fitting: x)
        expectClose(stats.std, shape: [3], [1, 1, try x.std(axis: 0)[2]])
        let out = try stats.apply(to: x)
        #expect(out.scalars.allSatisfy { $0.isFinite })
        expectClose(try out.slice([.all, .range(stop: 2)]), try Tensor.zeros([300, 2]), Tolerance(rtol: 0, atol: 1e-12))

        let digits = try Dataset.digits().standardized().data  // the corner pixels are always 0
        #expect(digits.x.scalars.allSatisfy { $0.isFinite })
        expectClose(try digits.x.slice([.all, .at(0), .at(0), .at(0)]), try Tensor.zeros([1797]))
        expectClose(try digits.x.mean(axis: 0), try Tensor.zeros([1, 8, 8]), Tolerance(rtol: 0, atol: 1e-12))
    }

    @Test("standardisation errors")
    func errors() throws {
        let stats = try Standardization(fitting: Tensor([[1, 2], [3, 4]]))
        let shape = expectError(.argument(op: "standardize", name: "x",
                                          problem: .exampleShape(got: [3], x: [5, 3], statistics: [2]))) {
            try stats.apply(to: Tensor.zeros([5, 3]))
        }
        #expect(shape.hasPrefix("standardize: x has examples of shape [3]"))
        #expect(shape == "standardize: x has examples of shape [3] (x is [5, 3]), but the statistics are for examples of shape [2]")
        expectError(.argument(op: "standardize", name: "x", problem: .noExamples(shape: [0, 2])),
                    reads: "standardize: x has no examples (shape [0, 2])") {
            try Standardization(fitting: Tensor.zeros([0, 2]))
        }
        expectError(.argument(op: "standardize", name: "mean and std", problem: .sameShape([2], [3])),
                    reads: "standardize: mean and std must have the same shape, got [2] and [3]") {
            try Standardization(mean: Tensor([0, 0]), std: Tensor([1, 1, 1]))
        }
    }
}
