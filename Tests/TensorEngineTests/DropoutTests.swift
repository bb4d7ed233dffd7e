import Testing
@testable import TensorEngine

@Suite("dropout: inverted, seeded, identity in evaluation mode")
struct DropoutTests {
    @Test("gradcheck with the mask fixed by reseeding before every call", arguments: [0.2, 0.5])
    func gradients(p: Double) throws {
        let layer = try Dropout(p, seed: 3)
        let errors = try layerGradcheck(layer, randomTensor([4, 6], seed: 60)) { layer.reseed(7) }
        #expect(errors.max()! < 1e-7, "\(errors)")
    }

    @Test("training: elements are 0 or x/(1 − p); the mean of many is kept", arguments: [0.1, 0.5, 0.8])
    func expectation(p: Double) throws {
        let n = 200_000, layer = try Dropout(p, seed: 1)
        let y = try layer((try Tensor.ones([n]))).detached()
        let dropped = Double(y.scalars.filter { $0 == 0 }.count) / Double(n)
        #expect(y.scalars.allSatisfy { $0 == 0 || $0 == 1 / (1 - p) })
        // Binomial: the dropped fraction has std √(p(1 − p)/n) ≤ 0.0012; the mean √(p/((1 − p)n)) ≤ 0.0045.
        #expect(abs(dropped - p) < 0.006)
        #expect(abs(try y.mean().scalar! - 1) < 0.025)
    }

    @Test("evaluation mode and p = 0 are the identity; p = 1 drops everything")
    func modes() throws {
        let x = Tensor(randomTensor([3, 5], seed: 61), requiresGrad: true)
        let layer = try Dropout(0.5)
        layer.eval()
        #expect(try sameNode(layer(x), x))
        #expect(try sameNode(Dropout(0)(x), x))
        #expect(try Dropout(1)(x).detached() == Tensor.zeros(like: x.detached()))
    }

    @Test("the same seed gives the same masks; successive calls differ; reseed restarts")
    func reproducible() throws {
        let x = (try Tensor.ones([8, 8]))
        let a = try Dropout(0.5, seed: 9), b = try Dropout(0.5, seed: 9)
        let first = try a(x).detached()
        #expect(first == (try b(x).detached()))
        #expect(first != (try a(x).detached()))
        a.reseed(9)
        #expect(first == (try a(x).detached()))
    }

    @Test("p outside 0...1 is an error")
    func errors() {
        let message = expectError(.argument(op: "Dropout", name: "p", problem: .notProbability(1.5))) {
            try Dropout(1.5)
        }
        #expect(message == "Dropout: p must be a probability in 0...1, got 1.5")
        #expect(throws: TensorError.self) { try Dropout(-0.1) }
    }
}
