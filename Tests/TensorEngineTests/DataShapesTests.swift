import Testing
@testable import TensorEngine

/// The pixels of one S x S image that are on, with their bounding box.
private struct Drawn {
    var on: [(row: Int, column: Int)] = []

    init(_ image: Tensor, size: Int) {
        for row in 0..<size {
            for column in 0..<size where image[row, column] == 1 { on.append((row, column)) }
        }
    }

    var top: Int { on.map(\.row).min()! }
    var bottom: Int { on.map(\.row).max()! }
    var left: Int { on.map(\.column).min()! }
    var right: Int { on.map(\.column).max()! }
    var height: Int { bottom - top + 1 }
    var width: Int { right - left + 1 }
}

@Suite("data: synthetic shape images")
struct DataShapesTests {
    @Test("shapes: (N, 1, S, S) images, interleaved balanced labels, only 0s and 1s without noise")
    func shapesAndLabels() throws {
        var rng = RandomGenerator(seed: 11)
        let data = try Dataset.shapes(count: 42, using: &rng)
        #expect(data.x.shape == [42, 1, 16, 16] && data.y.shape == [42] && data.classes == 4)
        #expect(data.y.scalars == (0..<42).map { Double($0 % 4) })
        #expect(data.classCounts == [11, 11, 10, 10])
        #expect(data.x.scalars.allSatisfy { $0 == 0 || $0 == 1 })
        #expect(Dataset.shapeNames == ["square", "circle", "cross", "line"])
        #expect(try Dataset.shapes(count: 0, using: &rng).x.shape == [0, 1, 16, 16])
    }

    @Test("each shape is whole, inside the image, and has its documented geometry", arguments: [8, 16, 28])
    func geometry(size: Int) throws {
        var rng = RandomGenerator(seed: UInt64(size))
        let data = try Dataset.shapes(count: 120, size: size, using: &rng)
        for i in 0..<120 {
            let shape = Drawn(try data.x.slice([.at(i), .at(0)]), size: size)
            #expect(!shape.on.isEmpty, "image \(i) is empty")
            guard !shape.on.isEmpty else { continue }
            switch i % 4 {
            case 0:  // the outline of an a x a box: 4(a - 1) pixels, all on the border
                #expect(shape.height == shape.width && (size / 4 + 1...3 * size / 4).contains(shape.height), "image \(i)")
                #expect(shape.on.count == 4 * (shape.height - 1), "image \(i)")
                #expect(shape.on.allSatisfy { [shape.top, shape.bottom].contains($0.row) || [shape.left, shape.right].contains($0.column) })
            case 1:  // a ring of radius ρ: a (2ρ+1)-square bounding box, symmetric about its centre
                let radius = (shape.height - 1) / 2
                #expect(shape.height == shape.width && shape.height % 2 == 1, "image \(i)")
                #expect((size / 8 + 1...3 * size / 8).contains(radius), "image \(i)")
                let cells = Set(shape.on.map { [$0.row, $0.column] })
                #expect(cells == Set(shape.on.map { [shape.top + shape.bottom - $0.row, $0.column] }), "image \(i)")
            case 2:  // two bars of 2h+1 pixels sharing their middle one
                let arm = (shape.height - 1) / 2
                #expect(shape.height == shape.width && shape.on.count == 4 * arm + 1, "image \(i)")
                #expect((size / 8 + 1...size / 4 + 1).contains(arm), "image \(i)")
            default:  // a segment of length at least S/2: it spans at least S/2 / √2 along one axis
                #expect(Double(Swift.max(shape.height, shape.width)) >= Double(size) / 2 / 2.squareRoot(), "image \(i)")
                #expect(shape.on.count >= Swift.max(shape.height, shape.width), "image \(i)")
            }
        }
    }

    @Test("noise is added on top of the same shapes: a seed draws the same shapes at every noise level")
    func noise() throws {
        var clean = RandomGenerator(seed: 4), noisy = RandomGenerator(seed: 4)
        let plain = try Dataset.shapes(count: 100, noise: 0, using: &clean)
        let blurred = try Dataset.shapes(count: 100, noise: 0.5, using: &noisy)
        #expect(plain.y == blurred.y)
        let difference = try blurred.x - plain.x
        #expect(abs(try difference.mean().scalar!) < 0.01)
        #expect(abs(try difference.std().scalar! - 0.5) < 0.01)
        #expect(clean.state == noisy.state)  // the normals are drawn even at noise 0
    }
}
