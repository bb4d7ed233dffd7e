import Testing
@testable import TensorEngine

@Suite("Residual: y = x + f(x) around any layer")
struct ResidualTests {
    static func block() throws -> Residual {
        var rng = RandomGenerator(seed: 2)
        return Residual(Sequential([try Linear(4, 4, using: &rng), Tanh()]))
    }

    @Test("forward adds the input; the wrapped parameters and modes are reached")
    func forwardAndPassthrough() throws {
        let residual = try Self.block(), x = randomTensor([3, 4], seed: 5)
        let inner = try residual.body(x).detached()
        #expect(try residual(x).detached() == (x + inner))
        #expect(residual.parameters.count == 2 && residual.parameterCount == 20)
        residual.eval()
        #expect(!residual.body.isTraining)
    }

    @Test("gradcheck through both paths")
    func gradients() throws {
        let residual = try Self.block()
        let result = try gradcheck([randomTensor([3, 4], seed: 6)]) { v in try residual(v[0]) }
        #expect(result.maxRelativeError < 1e-7, "\(result)")
    }

    @Test("a wrapped layer that changes the shape is an error naming both shapes")
    func shapeMismatch() throws {
        var rng = RandomGenerator(seed: 1)
        let residual = Residual(try Linear(3, 2, using: &rng))
        #expect(throws: TensorError.self) { try residual((try Tensor(shape: [1, 3], repeating: 1))) }
        do { _ = try residual((try Tensor(shape: [1, 3], repeating: 1))) } catch {
            #expect("\(error)".contains("[1, 3]") && "\(error)".contains("[1, 2]"), "\(error)")
        }
    }
}
