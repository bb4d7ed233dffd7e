import Testing
@testable import TensorEngine

@Suite("pooling backward: gradcheck, ties, threads")
struct PoolingGradTests {
    static let tolerance = 1e-7
    /// The finite-difference step. Pooling is piecewise linear: while a step does not change
    /// which pixel wins a window (the values are 0.1 apart), a central difference has no
    /// truncation error, only rounding of about ε·Σ|y·g| / h, which 1e-3 keeps near 1e-11
    /// (the default 1e-6 leaves ~1e-8, above 1e-7 relative for the smaller gradient entries).
    static let step = 1e-3

    /// Values 0.1 apart in a shuffled order, so every window has one clear maximum that a
    /// finite-difference step (1e-6) cannot change.
    static func distinct(_ shape: [Int], seed: UInt64) throws -> Tensor {
        var rng = RandomGenerator(seed: seed)
        let count = shape.reduce(1, *)
        return try Tensor(shape: shape, scalars: try Tensor.permutation(count, using: &rng).scalars.map { $0 * 0.1 - 1 })
    }

    /// (size, stride, padding, floor mode): disjoint windows, overlapping ones, padding.
    static let geometries = [(2, 2, 0, true), (3, 1, 1, false), (3, 2, 1, true), (2, 1, 0, false), (4, 3, 2, true)]

    @Test("gradcheck of maxPool2d", arguments: geometries)
    func gradcheckMax(size: Int, stride: Int, padding: Int, floorMode: Bool) throws {
        let x = try Self.distinct([2, 3, 6, 7], seed: 60)
        let result = try gradcheck([x], step: Self.step) { v in
            try Tensor.maxPool2d(v[0], size: size, stride: stride, padding: padding, floorMode: floorMode)
        }
        #expect(result.maxRelativeError < Self.tolerance, "\(result)")
    }

    @Test("gradcheck of avgPool2d, padding counted in the divisor", arguments: geometries)
    func gradcheckAverage(size: Int, stride: Int, padding: Int, floorMode: Bool) throws {
        let result = try gradcheck([randomTensor([2, 3, 6, 7], seed: 61)], step: Self.step) { v in
            try Tensor.avgPool2d(v[0], size: size, stride: stride, padding: padding, floorMode: floorMode)
        }
        #expect(result.maxRelativeError < Self.tolerance, "\(result)")
    }

    @Test("max: the gradient goes to the first maximum, the one the forward pass returned")
    func ties() throws {
        // Window 1 holds 5 twice (first at (0, 1)); window 2 holds 7 three times (first at (0, 2)).
        let x = try Tensor(shape: [1, 1, 2, 4], scalars: [1, 5, 7, 7, 5, 2, 0, 7])
        let dx = try Tensor.maxPool2dBackward(Tensor(shape: [1, 1, 1, 2], scalars: [10, 20]), x: x, size: 2)
        expectClose(dx, shape: [1, 1, 2, 4], [0, 10, 20, 0, 0, 0, 0, 0])
        // Overlapping windows that share a maximum add their gradients.
        let shared = try Tensor.maxPool2dBackward(try Tensor.ones([1, 1, 1, 3]), x: x, size: 2, stride: 1)
        expectClose(shared, shape: [1, 1, 2, 4], [0, 1, 2, 0, 0, 0, 0, 0])
    }

    @Test("average: padded cells take their share of the divisor")
    func averageByHand() throws {
        // A 2x2 image, 3x3 windows at stride 1 with padding 1: each of the 4 windows covers all 4 pixels.
        let dx = try Tensor.avgPool2dBackward(try Tensor.ones([1, 1, 2, 2]), inputShape: [1, 1, 2, 2], size: 3,
                                              stride: 1, padding: 1)
        expectClose(dx, shape: [1, 1, 2, 2], [4.0 / 9, 4.0 / 9, 4.0 / 9, 4.0 / 9])
    }

    @Test("backward is identical bit for bit with 1, 2 and 3 threads")
    func threads() throws {
        let x = randomTensor([3, 4, 9, 9], seed: 62)
        let dy = randomTensor([3, 4, 9, 9], seed: 63)
        let maxima = try [1, 2, 3].map { threads in
            try Tensor.maxPool2dBackward(dy, x: x, size: 3, stride: 1, padding: 1, floorMode: false, threads: threads)
        }
        let averages = try [1, 2, 3].map { threads in
            try Tensor.avgPool2dBackward(dy, inputShape: x.shape, size: 3, stride: 1, padding: 1, floorMode: false,
                                         threads: threads)
        }
        #expect(maxima[1] == maxima[0] && maxima[2] == maxima[0])
        #expect(averages[1] == averages[0] && averages[2] == averages[0])
    }

    @Test("a dy of the wrong shape is reported")
    func wrongShape() throws {
        expectError(.argument(op: "maxPool2dBackward", name: "dy",
                              problem: .outputShape(of: "the pooling output", expected: [1, 1, 2, 2], got: [1, 1, 2, 3])),
                                          reads: "maxPool2dBackward: dy must have the shape of the pooling output [1, 1, 2, 2], got [1, 1, 2, 3]") {
            try Tensor.maxPool2dBackward(try Tensor.zeros([1, 1, 2, 3]), x: try Tensor.zeros([1, 1, 4, 4]), size: 2)
        }
    }
}
