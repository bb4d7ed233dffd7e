import Testing
@testable import TensorEngine

@Suite("losses: MSE and the L2 penalty")
struct LossTests {
    @Test("mse is the mean of squared differences")
    func mseValue() throws {
        let p = (try Tensor([[1, 2], [3, 4]])), t = try Tensor([[0, 2], [5, 1]])
        let loss = try Tensor.mse(p, t)
        expectClose(loss.detached(), shape: [], [(1 + 0 + 4 + 9) / 4])
    }

    @Test("mse requires equal shapes: (N, 1) against (N) would broadcast to (N, N)")
    func mseShapes() throws {
        let p = (try Tensor.zeros([3, 1])), t = try Tensor.zeros([3])
        let message = expectError(.argument(
            op: "mse", name: "the prediction and the target",
            problem: .sameShapeElementwise([3, 1], [3]))) {
            try Tensor.mse(p, t)
        }
        #expect(message.contains("[3, 1] and [3]"))
        #expect(message == "mse: the prediction and the target must have the same shape, got [3, 1] and [3] (they are compared"
                + " element by element; broadcasting [N, 1] against [N] would compare every prediction with every target)")
    }

    @Test("gradcheck of mse, with respect to the prediction and the target")
    func mseGradient() throws {
        let result = try gradcheck([randomTensor([4, 3], seed: 1), randomTensor([4, 3], seed: 2)]) { v in
            try Tensor.mse(v[0], v[1])
        }
        #expect(result.maxRelativeError < 1e-7, "\(result)")
    }

    @Test("l2Penalty is λ/2·Σ‖w‖², with gradient λ·w")
    func l2Value() throws {
        let a = Tensor(Tensor([1, -2]), requiresGrad: true)
        let b = Tensor(try Tensor([[3], [0.5]]), requiresGrad: true)
        let penalty = try Tensor.l2Penalty([a, b], lambda: 0.1)
        expectClose(penalty.detached(), shape: [], [0.05 * (1 + 4 + 9 + 0.25)])
        try penalty.backward()
        expectClose(a.grad!, shape: [2], [0.1, -0.2])
        expectClose(b.grad!, shape: [2, 1], [0.3, 0.05])
        expectClose(try Tensor.l2Penalty([], lambda: 1).detached(), shape: [], [0])
    }

    @Test("gradcheck of l2Penalty over several tensors")
    func l2Gradient() throws {
        let result = try gradcheck([randomTensor([3, 2], seed: 3), randomTensor([2], seed: 4)]) { v in
            try Tensor.l2Penalty(v, lambda: 0.3)
        }
        #expect(result.maxRelativeError < 1e-7, "\(result)")
    }

    @Test("weight decay in SGD equals the L2 penalty added to the loss")
    func decayEqualsPenalty() throws {
        let x = randomTensor([5, 2], seed: 5), y = randomTensor([5, 1], seed: 6)
        let w1 = Tensor(randomTensor([2, 1], seed: 7), requiresGrad: true)
        let w2 = Tensor(w1.detached(), requiresGrad: true)
        try Tensor.mse(x.matmul(w1), y).backward()
        try SGD([w1], learningRate: 0.1, weightDecay: 0.5).step()
        try (Tensor.mse(x.matmul(w2), y) + Tensor.l2Penalty([w2], lambda: 0.5)).backward()
        try SGD([w2], learningRate: 0.1).step()
        expectClose(w1.detached(), w2.detached())
    }
}
