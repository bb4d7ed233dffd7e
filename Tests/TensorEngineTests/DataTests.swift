import Foundation
import Testing
@testable import TensorEngine

/// Every generator by name with a seed, for the tests that treat them alike.
private func generate(_ name: String, seed: UInt64) throws -> Dataset {
    var rng = RandomGenerator(seed: seed)
    switch name {
    case "spiral": return try Dataset.spiral(using: &rng)
    case "moons": return try Dataset.moons(using: &rng)
    case "blobs": return try Dataset.blobs(using: &rng)
    case "blobs around centres": return try Dataset.blobs(centers: Tensor([[0, 0], [5, 5]]), std: 0.5, using: &rng)
    case "regression1D": return try Dataset.regression1D(using: &rng)
    default: return try Dataset.shapes(count: 40, noise: 0.1, using: &rng)
    }
}

private let generatorNames = ["spiral", "moons", "blobs", "blobs around centres", "regression1D", "shapes"]

@Suite("data sets and generators")
struct DataTests {
    @Test("a data set checks its rows and labels")
    func datasetInit() throws {
        let data = try Dataset(x: Tensor([[0, 1], [2, 3], [4, 5]]), y: Tensor([1, 0, 1]), classes: 2)
        #expect(data.count == 3 && data.exampleShape == [2] && data.classCounts == [1, 2])
        let rows = expectError(.datasetRows(x: [3, 2], y: [2])) { try Dataset(x: data.x, y: Tensor([0, 1])) }
        #expect(rows == "a data set needs one label per example: x has shape [3, 2] but y has shape [2]"
                + " (their first dimensions must be equal, and y needs rank 1 or more)")
        expectError(.datasetRows(x: [3, 2], y: [])) { try Dataset(x: data.x, y: Tensor(1)) }
        expectError(.labelOutOfRange(label: 2, classes: 2)) { try Dataset(x: data.x, y: Tensor([0, 1, 2]), classes: 2) }
        expectError(.notAnInteger(op: "one_hot", value: 0.5)) { try Dataset(x: data.x, y: Tensor([0, 0.5, 1]), classes: 2) }
        #expect(try Dataset(x: data.x, y: Tensor([0.5, 1, 2])).classCounts == nil)
        expectClose(try data.rows([2, -3, 2]).x, shape: [3, 2], [4, 5, 0, 1, 4, 5])
        expectError(.indexOutOfRange(index: 3, axis: 0, size: 3)) { try data.rows([3]) }
    }

    @Test("same seed, same data; another seed, other data", arguments: generatorNames)
    func determinism(_ name: String) throws {
        let first = try generate(name, seed: 7), again = try generate(name, seed: 7), other = try generate(name, seed: 8)
        #expect(first == again)
        #expect(first.x != other.x)
    }

    @Test("spiral: CS231n's shapes, labels in class-major order, radii")
    func spiralShapes() throws {
        var rng = RandomGenerator(seed: 0)
        let data = try Dataset.spiral(using: &rng)
        #expect(data.x.shape == [300, 2] && data.y.shape == [300] && data.classes == 3)
        #expect(data.y.scalars == (0..<300).map { Double($0 / 100) })
        for i in 0..<300 {  // the noise turns the angle only: the radius is linspace(0, 1, 100)
            let radius = (data.x[i, 0] * data.x[i, 0] + data.x[i, 1] * data.x[i, 1]).squareRoot()
            #expect(close(radius, Double(i % 100) / 99, .tight), "point \(i)")
        }
        let five = try Dataset.spiral(pointsPerClass: 7, classes: 5, noise: 0, using: &rng)
        #expect(five.x.shape == [35, 2] && five.classCounts == [7, 7, 7, 7, 7])
    }

    @Test("spiral equals the CS231n formula computed independently, given the same normals")
    func spiralReference() throws {
        let (n, k, noise) = (50, 4, 0.3)
        var rng = RandomGenerator(seed: 42)
        let data = try Dataset.spiral(pointsPerClass: n, classes: k, noise: noise, using: &rng)
        var normals = RandomGenerator(seed: 42)
        var expected: [Double] = []
        for j in 0..<k {
            for i in 0..<n {  // r = np.linspace(0, 1, N); t = np.linspace(4j, 4(j+1), N) + randn(N) * noise
                let r = i == n - 1 ? 1 : Double(i) * (1.0 / Double(n - 1))
                let t = (i == n - 1 ? Double(4 * (j + 1)) : Double(4 * j) + Double(i) * (4.0 / Double(n - 1)))
                    + normals.normal() * noise
                expected += [r * sin(t), r * cos(t)]
            }
        }
        expectClose(data.x, shape: [n * k, 2], expected)
        #expect(rng.state == normals.state)  // no other draws
    }

    @Test("moons: two half circles, balanced labels, scikit-learn's geometry")
    func moons() throws {
        var rng = RandomGenerator(seed: 3)
        let exact = try Dataset.moons(count: 201, noise: 0, using: &rng)
        #expect(exact.x.shape == [201, 2] && exact.classCounts == [100, 101] && exact.classes == 2)
        for i in 0..<201 {
            let (x, y) = (exact.x[i, 0], exact.x[i, 1])
            let onCircle = exact.y[i] == 0 ? x * x + y * y : (x - 1) * (x - 1) + (y - 0.5) * (y - 0.5)
            #expect(close(onCircle, 1, .tight), "point \(i)")
            #expect(exact.y[i] == 0 ? y >= -1e-12 : y <= 0.5 + 1e-12)
        }
        #expect(exact.y.scalars != exact.y.scalars.sorted())  // shuffled
        let ordered = try Dataset.moons(count: 10, noise: 0, shuffle: false, using: &rng)
        #expect(ordered.y.scalars == [0, 0, 0, 0, 0, 1, 1, 1, 1, 1])
        expectClose(try ordered.x.slice([.at(0)]), shape: [2], [1, 0])
        expectClose(try ordered.x.slice([.at(5)]), shape: [2], [0, 0.5])
        let noisy = try Dataset.moons(count: 400, noise: 0.1, using: &rng)
        #expect(try noisy.x.min().scalar! > -1.6 && noisy.x.max().scalar! < 2.6)
    }

    @Test("blobs: points around given or drawn centres")
    func blobs() throws {
        var rng = RandomGenerator(seed: 5)
        let centers = try Tensor([[0, 0, 0], [10, 0, -5], [-3, 8, 1]])
        let exact = try Dataset.blobs(count: 100, centers: centers, std: 0, shuffle: false, using: &rng)
        #expect(exact.x.shape == [100, 3] && exact.classCounts == [34, 33, 33] && exact.classes == 3)
        expectClose(exact.x, try centers.gather(rows: exact.y))
        let spread = try Dataset.blobs(count: 3000, centers: centers, std: 0.5, using: &rng)
        for c in 0..<3 {
            let members = try spread.rows(spread.y.scalars.indices.filter { spread.y[$0] == Double(c) })
            expectClose(try members.x.mean(axis: 0), try centers.slice([.at(c)]), Tolerance(rtol: 0, atol: 0.05))
            expectClose(try members.x.std(axis: 0), try Tensor.full([3], 0.5), Tolerance(rtol: 0, atol: 0.05))
        }
        let drawn = try Dataset.blobs(count: 50, centers: 4, features: 5, box: 0...1, std: 0, using: &rng)
        #expect(drawn.x.shape == [50, 5] && drawn.classCounts == [13, 13, 12, 12])
        #expect(try drawn.x.min().scalar! >= 0 && drawn.x.max().scalar! < 1)
        expectError(.rank(op: "blobs", argument: "centers", expected: "shape (K, D) with K >= 1", shape: [2])) {
            try Dataset.blobs(centers: Tensor([1, 2]), using: &rng)
        }
    }

    @Test("regression1D: sorted x in the range, y = f(x) + noise, targets (N, 1)")
    func regression() throws {
        var rng = RandomGenerator(seed: 9)
        let clean = try Dataset.regression1D(count: 50, range: -2...4, noise: 0, using: &rng)
        #expect(clean.x.shape == [50, 1] && clean.y.shape == [50, 1] && clean.classes == nil)
        #expect(clean.x.scalars == clean.x.scalars.sorted())
        #expect(clean.x.scalars.allSatisfy { (-2...4).contains($0) })
        expectClose(clean.y, shape: [50, 1], clean.x.scalars.map { sin($0) })
        let noisy = try Dataset.regression1D(count: 4000, noise: 0.2, using: &rng)
        let residuals = noisy.y.scalars.enumerated().map { $1 - sin(noisy.x.scalars[$0]) }
        let std = (residuals.map { $0 * $0 }.reduce(0, +) / 4000).squareRoot()
        #expect(abs(std - 0.2) < 0.01)
        let square = try Dataset.regression1D(count: 5, noise: 0, function: { $0 * $0 }, using: &rng)
        expectClose(square.y, shape: [5, 1], square.x.scalars.map { $0 * $0 })
    }

    @Test("generator argument errors")
    func generatorErrors() throws {
        var rng = RandomGenerator(seed: 1)
        let points = expectError(.argument(op: "spiral", name: "pointsPerClass", problem: .notAtLeast(1, got: 0))) {
            try Dataset.spiral(pointsPerClass: 0, using: &rng)
        }
        #expect(points == "spiral: pointsPerClass must be at least 1, got 0")
        expectError(.argument(op: "moons", name: "noise", problem: .notFiniteNonNegative(-1)),
                    reads: "moons: noise must be a finite number >= 0, got -1") {
            try Dataset.moons(noise: -1, using: &rng)
        }
        expectError(.argument(op: "regression1D", name: "count", problem: .negative(-3)),
                    reads: "regression1D: count must not be negative, got -3") {
            try Dataset.regression1D(count: -3, using: &rng)
        }
        expectError(.argument(op: "shapes", name: "size",
                              problem: .tooSmallToTellApart(minimum: 8, got: 7)),
                                          reads: "shapes: size must be at least 8 (smaller shapes cannot be told apart), got 7") {
            try Dataset.shapes(size: 7, using: &rng)
        }
        #expect(throws: TensorError.self) { try Dataset.spiral(pointsPerClass: 1 << 40, using: &rng) }
    }
}
