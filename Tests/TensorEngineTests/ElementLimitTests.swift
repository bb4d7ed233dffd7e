import Testing
@testable import TensorEngine

/// The session's element limit (`ComputeGuard.elementLimit`), enforced where tensors are
/// allocated: an operation whose result would be too large throws before it allocates, and
/// the shape in the error is the one the operation computed.
@Suite("The element limit")
struct ElementLimitTests {
    /// A guard allowing `limit` elements per tensor.
    private func session(_ limit: Int) -> ComputeGuard { ComputeGuard(elementLimit: limit) }

    @Test("a 10^6 x 10^6 product is refused at once, before its 8 TB are asked for")
    func hugeProduct() throws {
        let column = try Tensor.zeros([1_000_000, 1]), row = try Tensor.zeros([1, 1_000_000])
        let tiny = try Tensor.zeros([1, 1])
        let limits = session(100_000_000)
        let inUse = limits.memoryInUse
        limits.installed {
            expectError(.overElementLimit(shape: [1_000_000, 1_000_000], limit: 100_000_000),
                        reads: "a tensor of shape [1000000, 1000000] is too large: more than the limit of 100000000 elements") {
                try Tensor.matmul(column, row)
            }
            expectError(.overElementLimit(shape: [1_000_000, 1_000_000], limit: 100_000_000)) { try column + row }
            expectError(.overElementLimit(shape: [1_000_000, 1_000_000], limit: 100_000_000)) { try Tensor.outer(column, row) }
            // x[column, row] of a 1x1 x: its positions alone would be 10^12 numbers.
            expectError(.overElementLimit(shape: [1_000_000, 1_000_000], limit: 100_000_000)) {
                try tiny.slice([.indices(column), .indices(row)])
            }
        }
        #expect(limits.memoryInUse == inUse)
    }

    /// Each operation that can make a result larger than its inputs, just over a limit of 100.
    static let overLimit: [(String, [Int], @Sendable () throws -> Tensor)] = [
        ("matmul", [11, 10], { try Tensor.matmul(Tensor.ones([11, 1]), Tensor.ones([1, 10])) }),
        ("batched matmul", [2, 3, 5, 5], { try Tensor.matmul(Tensor.ones([2, 1, 5, 1]), Tensor.ones([3, 1, 5])) }),
        ("broadcast +", [11, 10], { try Tensor.ones([11, 1]) + Tensor.ones([1, 10]) }),
        ("where", [11, 10], { try Tensor.where(Tensor.ones([11, 1]), Tensor.ones([1, 10]), Tensor(0)) }),
        ("broadcast_to", [101], { try Tensor(1).broadcast(to: [101]) }),
        ("conv2d", [1, 4, 6, 6], { try Tensor.conv2d(Tensor.ones([1, 1, 2, 2]), Tensor.ones([4, 1, 1, 1]), padding: 2) }),
        ("im2col", [9, 16], { try Tensor.im2col(Tensor.ones([1, 1, 4, 4]), kernelHeight: 3, kernelWidth: 3, padding: 1) }),
        ("concat", [102], { try Tensor.concat([Tensor.ones([51]), Tensor.ones([51])]) }),
        ("stack", [3, 34], { try Tensor.stack([Tensor.ones([34]), Tensor.ones([34]), Tensor.ones([34])]) }),
        ("pad", [102], { try Tensor.ones([2]).pad([(50, 50)]) }),
        ("advanced index", [11, 10], {
            try Tensor.ones([10, 10]).slice([.indices(Tensor.zeros([11, 1])), .indices(Tensor.zeros([1, 10]))])
        }),
        ("gather", [11, 10], { try Tensor.ones([1, 10]).gather(rows: Tensor.zeros([11])) }),
        ("one_hot", [2, 51], { try Tensor.oneHot(Tensor([0, 1]), classes: 51) }),
        ("zeros", [101], { try Tensor.zeros([101]) }),
        ("arange", [101], { try Tensor.arange(0, 101) }),
        ("eye", [11, 11], { try Tensor.eye(11) }),
        ("dataset rows", [101, 1], {
            var rng = RandomGenerator(seed: 1)
            return try Dataset.regression1D(count: 1, noise: 0, using: &rng).rows(Array(repeating: 0, count: 101)).x
        }),
        ("spiral", [102, 2], {
            var rng = RandomGenerator(seed: 1)
            return try Dataset.spiral(pointsPerClass: 51, classes: 2, using: &rng).x
        }),
    ]

    @Test("every operation that can grow a tensor is refused beyond the limit",
          arguments: overLimit.indices)
    func refused(_ index: Int) {
        let (name, shape, op) = Self.overLimit[index]
        session(100).installed {
            let message = expectError(.overElementLimit(shape: shape, limit: 100)) { try op() }
            #expect(message.hasSuffix("more than the limit of 100 elements"), "\(name)")
        }
    }

    @Test("the same operations work without a guard, and under a limit they fit",
          arguments: overLimit.indices)
    func allowed(_ index: Int) throws {
        let (name, shape, op) = Self.overLimit[index]
        #expect(try op().shape == shape, "\(name)")
        let fits = try session(shape.reduce(1, *)).installed { try op() }
        #expect(fits.shape == shape, "\(name)")
    }

    @Test("a guard knows whether it is the one installed on this thread")
    func installed() {
        let outer = session(100), inner = session(10)
        #expect(!outer.isInstalled)
        outer.installed {
            #expect(outer.isInstalled && !inner.isInstalled)
            inner.installed { #expect(inner.isInstalled && !outer.isInstalled) }
            #expect(outer.isInstalled)
        }
        #expect(!outer.isInstalled)
    }

    @Test("the funnel counts without overflowing, and a negative size is still its own error")
    func funnel() {
        session(100).installed {
            expectError(.overElementLimit(shape: [Int.max, Int.max], limit: 100)) { try Tensor.checkedCount([Int.max, Int.max]) }
            expectError(.negativeDimension(shape: [-1, 2])) { try Tensor.checkedCount([-1, 2]) }
            #expect((try? Tensor.checkedCount([10, 10])) == 100)
        }
        // Without a session only the engine's own bound applies.
        expectError(.tooLarge(shape: [Int.max, Int.max])) { try Tensor.checkedCount([Int.max, Int.max]) }
        #expect((try? Tensor.checkedCount([1000, 1000])) == 1_000_000)
    }
}
