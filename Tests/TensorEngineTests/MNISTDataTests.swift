import Foundation
import Testing
import _MNISTData
@testable import TensorEngine

/// data/mnist-5k.csv.gz, found from this file's path (Tests/TensorEngineTests/...), as rows of
/// 785 whole numbers: 784 pixels, then the label. Parsed byte by byte (3.9 million numbers).
private func mnistRows() throws -> [[Int]] {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("data/mnist-5k.csv.gz").path
    guard let contents = FileManager.default.contents(atPath: path) else {
        throw Gunzip.Failure(description: "cannot read \(path)")
    }
    var rows: [[Int]] = [], row: [Int] = [], value = 0
    for byte in try Gunzip.decompress([UInt8](contents)) {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): value = value * 10 + Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: ","): row.append(value); value = 0
        case UInt8(ascii: "\n"): row.append(value); value = 0; rows.append(row); row = []
        default: break
        }
    }
    return rows
}

/// `mnist()` must equal the file in data/ exactly (after changing it, run
/// `python3 scripts/embed_data.py`), and the numbers the generator read from the CSV.
@Suite("data: the embedded MNIST digits equal data/mnist-5k.csv.gz")
struct MNISTDataTests {
    @Test("mnist() equals the CSV value for value (pixels / 255), in the file's order")
    func equalsTheFile() throws {
        let rows = try mnistRows()
        #expect(rows.count == 5000 && rows.allSatisfy { $0.count == 785 })
        let mnist = Dataset.mnist()
        #expect(mnist.x.shape == [5000, 1, 28, 28] && mnist.y.shape == [5000] && mnist.classes == 10)
        #expect(mnist.x.scalars == rows.flatMap { $0.prefix(784).map { Double($0) / 255 } })
        #expect(mnist.y.scalars == rows.map { Double($0[784]) })
        let flat = Dataset.mnist(flattened: true)
        #expect(flat.x.shape == [5000, 784] && flat.x.scalars == mnist.x.scalars && flat.y == mnist.y)
    }

    @Test("the generator's checksums: pixel sum and label counts, from the CSV at generation time")
    func checksums() throws {
        let mnist = Dataset.mnist()
        let pixelSum = mnist.x.scalars.reduce(0) { $0 + Int(($1 * 255).rounded()) }
        #expect(pixelSum == Int(lectern_mnist_pixel_sum) && pixelSum == 131_267_102)
        #expect(mnist.classCounts == [Int](repeating: 500, count: 10))
        #expect(try mnist.x.min().scalar == 0 && mnist.x.max().scalar == 1)
        // The file is sorted by class: images 0..<500 are zeros, ..., 4500..<5000 nines. Pixels read with Python.
        #expect((0..<5000).allSatisfy { mnist.y[$0] == Double($0 / 500) })
        expectClose(try mnist.x.slice([.at(0), .at(0), .at(4), .range(start: 15, stop: 20)]), shape: [5],
                    [51, 159, 253, 159, 50].map { $0 / 255 })
        expectClose(try mnist.x.slice([.at(4999), .at(0), .at(14), .range(start: 5, stop: 9)]), shape: [4],
                    [20, 219, 253, 102].map { $0 / 255 })
    }
}
