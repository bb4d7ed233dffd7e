import Testing
@testable import TensorEngine

/// The example of docs/engine.md ("Gradients"), run as written, and what it claims.
@Suite("the gradient API as docs/engine.md shows it")
struct GradientAPITests {
    @Test("a parameter, a loss, backward, and a step every copy sees")
    func documentedExample() throws {
        var rng = RandomGenerator(seed: 3)
        let x = try Tensor.randn([4, 3], using: &rng)
        let w = Tensor(try Tensor.randn([3, 2], using: &rng), requiresGrad: true, name: "weight")
        let copy = w                                  // a layer's or an optimiser's copy
        let loss = try (x.matmul(w)).relu().sum()
        #expect(loss.isTracked && !loss.isLeaf && loss.op == "sum")
        try loss.backward()
        let grad = try #require(w.grad)
        #expect(grad.shape == [3, 2])
        // The gradient of sum(relu(x·w)) is xᵀ·(x·w > 0).
        let mask = try Tensor.greater(x.matmul(w.detached()), Tensor(0))
        expectClose(grad, try x.transpose().matmul(mask))
        let before = w.detached()
        try w.assign(w.detached() - 0.1 * w.grad!)
        expectClose(copy.detached(), try before - 0.1 * grad)
        #expect(copy.detached() == w.detached())
        // Plain tensors record nothing.
        #expect(!(try x.matmul(before)).isTracked)
    }
}
