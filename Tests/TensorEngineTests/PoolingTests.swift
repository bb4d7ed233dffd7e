import Testing
@testable import TensorEngine

/// The geometry a pooling error message is built from.
func poolGeometry(input: (Int, Int), size: Int, stride: Int, padding: Int = 0) -> WindowGeometry {
    WindowGeometry(noun: "window", input: input, window: (size, size), stride: (stride, stride), padding: (padding, padding))
}

@Suite("max and average pooling")
struct PoolingTests {
    let x = try! Tensor(shape: [1, 1, 4, 4], scalars: [1, 3, 2, 0, 5, -1, 4, 7, -2, 0, 9, 1, 3, 8, -5, 6])

    @Test("2x2 windows at stride 2, by hand")
    func byHand() throws {
        expectClose(try Tensor.maxPool2d(x, size: 2), shape: [1, 1, 2, 2], [5, 7, 8, 9])
        expectClose(try Tensor.avgPool2d(x, size: 2), shape: [1, 1, 2, 2], [2, 3.25, 2.25, 2.75])
    }

    @Test("padding is -inf for max and a zero counted in the average, by hand")
    func paddingByHand() throws {
        // Windows of rows {0}, {1, 2}, {3} and the same columns.
        expectClose(try Tensor.maxPool2d(x, size: 2, padding: 1), shape: [1, 1, 3, 3], [1, 3, 0, 5, 9, 7, 3, 8, 6])
        expectClose(try Tensor.avgPool2d(x, size: 2, padding: 1), shape: [1, 1, 3, 3],
                    [0.25, 1.25, 0, 0.75, 3, 2, 0.75, 0.75, 1.5])
        let negative = try Tensor(shape: [1, 1, 2, 2], scalars: [-1, -2, -3, -4])
        expectClose(try Tensor.maxPool2d(negative, size: 2, stride: 1, padding: 1), shape: [1, 1, 3, 3],
                    [-1, -1, -2, -1, -1, -2, -3, -3, -4])
    }

    @Test("overlapping 3x3 windows at stride 1, by hand")
    func overlapping() throws {
        expectClose(try Tensor.avgPool2d(x, size: 3, stride: 1), shape: [1, 1, 2, 2], [21.0 / 9, 25.0 / 9, 21.0 / 9, 29.0 / 9])
        expectClose(try Tensor.maxPool2d(x, size: 3, stride: 1), shape: [1, 1, 2, 2], [9, 9, 9, 9])
    }

    @Test("equals the definition across sizes, strides and padding", arguments: [
        (2, 2, 0), (2, 1, 1), (3, 1, 1), (3, 2, 0), (3, 2, 1), (3, 3, 1), (4, 2, 2), (1, 1, 0), (5, 3, 2),
    ])
    func againstNaive(size: Int, stride: Int, padding: Int) throws {
        let x = randomTensor([2, 3, 9, 8], seed: 40)
        let maxPooled = try Tensor.maxPool2d(x, size: size, stride: stride, padding: padding, floorMode: true)
        let averaged = try Tensor.avgPool2d(x, size: size, stride: stride, padding: padding, floorMode: true)
        expectClose(maxPooled, ReferenceKernels.maxPool2d(x, size: size, stride: stride, padding: padding))
        expectClose(averaged, ReferenceKernels.avgPool2d(x, size: size, stride: stride, padding: padding))
    }

    @Test("output sizes; the stride defaults to the size")
    func outputSizes() throws {
        #expect(try Tensor.maxPool2d(try Tensor.zeros([2, 6, 28, 28]), size: 2).shape == [2, 6, 14, 14])
        #expect(try Tensor.avgPool2d(try Tensor.zeros([1, 3, 32, 32]), size: 4).shape == [1, 3, 8, 8])
        #expect(try Tensor.maxPool2d(try Tensor.zeros([1, 1, 7, 7]), size: 3, stride: 2).shape == [1, 1, 3, 3])
        #expect(try Tensor.avgPool2d(try Tensor.zeros([1, 1, 7, 7]), size: 3, stride: 2, padding: 1).shape == [1, 1, 4, 4])
        #expect(try Tensor.maxPool2d(try Tensor.zeros([0, 2, 4, 4]), size: 2).shape == [0, 2, 2, 2])
    }

    @Test("a window that does not fit shows the arithmetic; floor mode drops the last one")
    func doesNotFit() throws {
        let seven = randomTensor([1, 2, 7, 7], seed: 41)
        for pool in [Tensor.maxPool2d, Tensor.avgPool2d] as [(Tensor, Int, Int?, Int, Bool) throws -> Tensor] {
            let message = expectError(.windowDoesNotFit(poolGeometry(input: (7, 7), size: 2, stride: 2), dimension: 0)) {
                try pool(seven, 2, nil, 0, false)
            }
            #expect(message == "(7 - 2) / 2 + 1 = 3.5: a 2x2 window at stride 2 does not fit a 7x7 input")
            #expect(try pool(seven, 2, nil, 0, true).shape == [1, 2, 3, 3])
        }
        expectClose(try Tensor.maxPool2d(seven, size: 2, floorMode: true), ReferenceKernels.maxPool2d(seven, size: 2, stride: 2, padding: 0))
    }

    @Test("a max over a window holding NaN is NaN, wherever the NaN is")
    func nan() throws {
        let x = try Tensor(shape: [1, 1, 2, 4], scalars: [.nan, 1, 1, 2, 3, 4, 5, .nan])
        let y = try Tensor.maxPool2d(x, size: 2)
        #expect(y[0, 0, 0, 0].isNaN && y[0, 0, 0, 1].isNaN)
    }

    @Test("results are identical bit for bit with 1, 2 and 3 threads")
    func threadCountIndependence() throws {
        let x = randomTensor([3, 3, 8, 8], seed: 42)
        for isMax in [true, false] {
            let results = try [1, 2, 3].map { threads in
                isMax ? try Tensor.maxPool2d(x, size: 3, stride: 1, padding: 1, floorMode: false, threads: threads)
                    : try Tensor.avgPool2d(x, size: 3, stride: 1, padding: 1, floorMode: false, threads: threads)
            }
            #expect(results[0].scalars == results[1].scalars)
            #expect(results[0].scalars == results[2].scalars)
        }
    }

    /// The bit patterns of a tensor's elements: equal for equal tensors, NaNs and −0 included.
    func bits(_ t: Tensor) -> [UInt64] { t.scalars.map(\.bitPattern) }

    @Test("2x2 at stride 2 (its own loops) picks what the definition picks: ties, NaN, ±0, ±∞, bit for bit")
    func twoByTwoFastPath() throws {
        // Windows of the awkward cases: ties (the first wins), −0 against +0, NaNs anywhere
        // (the last wins), −∞ only, +∞, and random values; a 7x9 plane in floor mode too.
        let special: [Double] = [1, 1, 1, 1, -0.0, 0, 0, -0.0, .nan, 2, 3, .nan, -.infinity, -.infinity, -.infinity, -.infinity,
                                 .infinity, 1, .infinity, 2, 0, 0, 0, -0.0]
        var rng = RandomGenerator(seed: 7)
        let random = try Tensor.randn([2, 3, 6, 8], using: &rng).scalars.map { ($0 * 2).rounded() / 2 }  // many ties
        for (shape, values) in [([1, 1, 2, 12], special), ([2, 3, 6, 8], random)] {
            let x = try Tensor(shape: shape, scalars: values)
            let dy = try Tensor.randn([shape[0], shape[1], shape[2] / 2, shape[3] / 2], using: &rng)
            for threads in [1, 2, 3] {
                let y = try Tensor.maxPool2d(x, size: 2, stride: 2, padding: 0, floorMode: false, threads: threads)
                #expect(bits(y) == bits(ReferenceKernels.maxPool2d(x, size: 2)))
                let dx = try Tensor.maxPool2dBackward(dy, x: x, size: 2, stride: 2, padding: 0, floorMode: false, threads: threads)
                #expect(bits(dx) == bits(ReferenceKernels.maxPool2dBackward(dy, x: x, size: 2)))
            }
        }
        let odd = try Tensor.randn([1, 2, 7, 9], using: &rng)
        #expect(bits(try Tensor.maxPool2d(odd, size: 2, floorMode: true)) == bits(ReferenceKernels.maxPool2d(odd, size: 2)))
        let oddGradient = try Tensor.randn([1, 2, 3, 4], using: &rng)
        #expect(bits(try Tensor.maxPool2dBackward(oddGradient, x: odd, size: 2, floorMode: true))
                    == bits(ReferenceKernels.maxPool2dBackward(oddGradient, x: odd, size: 2)))
    }
}
