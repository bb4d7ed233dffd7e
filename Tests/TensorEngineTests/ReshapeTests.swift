import Testing
@testable import TensorEngine

/// `0, 1, 2, ...` (plus `offset`) in the given shape: NumPy's `np.arange(n).reshape(shape) + offset`,
/// the input of every generated shape fixture. Each element tells where it came from.
func counting(_ shape: [Int], offset: Double = 0) -> Tensor {
    let count = shape.reduce(1, *)
    return try! Tensor(shape: shape, scalars: (0..<count).map { Double($0) + offset })
}

@Suite("reshape, transpose, permute, flatten, squeeze, unsqueeze")
struct ReshapeTests {
    @Test("reshape keeps the row-major order and infers one -1")
    func reshape() throws {
        let x = counting([2, 3, 4])
        expectClose(try x.reshape([6, 4]), shape: [6, 4], x.scalars)
        #expect(try x.reshape([-1, 4]).shape == [6, 4])
        #expect(try x.reshape([2, -1]).shape == [2, 12])
        #expect(try x.reshape([-1]).shape == [24])
        #expect(try x.reshape([4, 1, -1, 2]).shape == [4, 1, 3, 2])
        expectClose(try counting([2, 3]).reshape([3, 2]), shape: [3, 2], [0, 1, 2, 3, 4, 5])
    }

    @Test("reshape of rank 0 and of size-0 tensors")
    func reshapeEdges() throws {
        let scalar = Tensor(7)
        expectClose(try scalar.reshape([1, 1]), shape: [1, 1], [7])
        expectClose(try scalar.reshape([-1]), shape: [1], [7])
        expectClose(try Tensor([7]).reshape([]), shape: [], [7])
        let empty = counting([0, 3])
        #expect(try empty.reshape([3, 0]).shape == [3, 0])
        #expect(try empty.reshape([-1, 3]).shape == [0, 3])
        #expect(try empty.reshape([5, 0, 2]).shape == [5, 0, 2])
    }

    @Test("reshape errors name both shapes")
    func reshapeErrors() {
        let x = counting([2, 3])
        let message = expectError(.reshape(from: [2, 3], to: [4, 2])) { try x.reshape([4, 2]) }
        #expect(message == "cannot reshape [2, 3] (6 elements) into [4, 2] (8 elements)")
        let twoUnknowns = expectError(.reshapeInference(to: [-1, -1], count: 6)) { try x.reshape([-1, -1]) }
        #expect(twoUnknowns == "cannot reshape 6 elements into [-1, -1]: only one dimension can be -1")
        let notDividing = expectError(.reshapeInference(to: [-1, 4], count: 6)) { try x.reshape([-1, 4]) }
        #expect(notDividing == "cannot reshape 6 elements into [-1, 4]: the other dimensions do not divide 6")
        let zero = expectError(.reshapeInference(to: [0, -1], count: 0)) { try counting([0, 3]).reshape([0, -1]) }
        #expect(zero == "cannot reshape 0 elements into [0, -1]: -1 cannot be inferred when another dimension is 0")
        expectError(.negativeDimension(shape: [-2, -3])) { try x.reshape([-2, -3]) }
        expectError(.negativeDimension(shape: [-1, -3])) { try x.reshape([-1, -3]) }
        expectError(.reshape(from: [], to: [2])) { try Tensor(1).reshape([2]) }
    }

    @Test("transpose and permute match NumPy", arguments: permuteFixtures)
    func permuteFixture(_ f: PermuteFixture) throws {
        let x = counting(f.shape)
        let y = try f.axes.map { try x.permute($0) } ?? x.transpose()
        expectClose(y, shape: f.expectedShape, f.expected)
    }

    @Test("transpose swaps the rows and columns of a matrix")
    func transposeByHand() throws {
        let x = try Tensor([[1, 2, 3], [4, 5, 6]])
        expectClose(x.transpose(), shape: [3, 2], [1, 4, 2, 5, 3, 6])
        expectClose(x.transpose().transpose(), x)
        expectClose(try x.permute([1, 0]), x.transpose())
        expectClose(try Tensor(5).permute([]), Tensor(5))
    }

    @Test("permute rejects anything but a permutation")
    func permuteErrors() {
        let x = counting([2, 3])
        let message = expectError(.permutation([0, 0], rank: 2)) { try x.permute([0, 0]) }
        #expect(message == "[0, 0] is not a permutation of the 2 axes 0..1")
        expectError(.permutation([0], rank: 2)) { try x.permute([0]) }
        expectError(.permutation([0, 1, 2], rank: 2)) { try x.permute([0, 1, 2]) }
        expectError(.permutation([0, 2], rank: 2)) { try x.permute([0, 2]) }
        expectError(.permutation([-3, 0], rank: 2)) { try x.permute([-3, 0]) }
        expectError(.permutation([0, -2], rank: 2)) { try x.permute([0, -2]) }
        let scalar = expectError(.permutation([0], rank: 0)) { try Tensor(1).permute([0]) }
        #expect(scalar == "[0] is not a permutation: a tensor of rank 0 has no axes (use [])")
    }

    @Test("flatten to rank 1, or from a start axis like torch.flatten")
    func flatten() throws {
        let x = counting([2, 3, 4, 5])
        expectClose(x.flatten(), shape: [120], x.scalars)
        expectClose(try x.flatten(startAxis: 1), shape: [2, 60], x.scalars)
        #expect(try x.flatten(startAxis: 0).shape == [120])
        #expect(try x.flatten(startAxis: -2).shape == [2, 3, 20])
        #expect(try x.flatten(startAxis: -1).shape == [2, 3, 4, 5])
        #expect(try counting([2, 0, 3]).flatten(startAxis: 1).shape == [2, 0])
        expectClose(Tensor(3).flatten(), shape: [1], [3])
        expectClose(try Tensor(3).flatten(startAxis: 0), shape: [1], [3])
        expectClose(try Tensor(3).flatten(startAxis: -1), shape: [1], [3])
        expectError(.axisOutOfRange(axis: 4, rank: 4)) { try x.flatten(startAxis: 4) }
        expectError(.axisOutOfRange(axis: -5, rank: 4)) { try x.flatten(startAxis: -5) }
        expectError(.axisOutOfRange(axis: 1, rank: 0)) { try Tensor(3).flatten(startAxis: 1) }
    }

    @Test("squeeze removes all, or the named, axes of size 1")
    func squeeze() throws {
        let x = counting([1, 3, 1, 2])
        expectClose(try x.squeeze(), shape: [3, 2], x.scalars)
        #expect(try x.squeeze(axes: [-2]).shape == [1, 3, 2])
        #expect(try x.squeeze(axes: [2, 0]).shape == [3, 2])
        #expect(try x.squeeze(axes: []).shape == [1, 3, 1, 2])
        #expect(try counting([1, 1]).squeeze().shape == [])
        #expect(try counting([0, 1]).squeeze().shape == [0])
        #expect(try Tensor(2).squeeze().shape == [])
    }

    @Test("squeeze errors")
    func squeezeErrors() {
        let x = counting([1, 3, 1, 2])
        let message = expectError(.squeeze(axis: 1, size: 3)) { try x.squeeze(axes: [1]) }
        #expect(message == "cannot squeeze axis 1: it has size 3, not 1")
        expectError(.squeeze(axis: -3, size: 3)) { try x.squeeze(axes: [0, -3]) }
        expectError(.axisOutOfRange(axis: 4, rank: 4)) { try x.squeeze(axes: [4]) }
        expectError(.repeatedAxis(0)) { try x.squeeze(axes: [0, -4]) }
        expectError(.axisOutOfRange(axis: 0, rank: 0)) { try Tensor(2).squeeze(axes: [0]) }
    }

    @Test("unsqueeze inserts an axis of size 1 anywhere in -(rank+1)...rank")
    func unsqueeze() throws {
        let x = counting([3, 4])
        expectClose(try x.unsqueeze(axis: 0), shape: [1, 3, 4], x.scalars)
        #expect(try x.unsqueeze(axis: 1).shape == [3, 1, 4])
        #expect(try x.unsqueeze(axis: 2).shape == [3, 4, 1])
        #expect(try x.unsqueeze(axis: -1).shape == [3, 4, 1])
        #expect(try x.unsqueeze(axis: -3).shape == [1, 3, 4])
        expectClose(try Tensor(5).unsqueeze(axis: -1), shape: [1], [5])
        let message = expectError(.newAxisOutOfRange(axis: 3, rank: 2)) { try x.unsqueeze(axis: 3) }
        #expect(message == "cannot insert a new axis at 3 in a tensor of rank 2 (valid: -3 to 2)")
        expectError(.newAxisOutOfRange(axis: -4, rank: 2)) { try x.unsqueeze(axis: -4) }
        expectError(.newAxisOutOfRange(axis: 1, rank: 0)) { try Tensor(5).unsqueeze(axis: 1) }
    }
}
