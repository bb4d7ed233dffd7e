import Testing
@testable import TensorEngine

@Suite("activation layers: LeakyReLU, Tanh, Sigmoid")
struct ActivationLayerTests {
    static func layer(_ name: String) -> any Layer {
        switch name {
        case "LeakyReLU": LeakyReLU(slope: 0.1)
        case "Tanh": Tanh()
        case "Sigmoid": Sigmoid()
        default: ReLU()
        }
    }

    @Test("gradcheck of each activation layer", arguments: ["LeakyReLU", "Tanh", "Sigmoid", "ReLU"])
    func gradients(name: String) throws {
        let errors = try layerGradcheck(Self.layer(name), randomTensor([4, 5], seed: 70))
        #expect(errors.max()! < 1e-7, "\(name): \(errors)")
    }

    /// Reference values from Python's `math.tanh` and 1 / (1 + math.exp(-x)).
    @Test("values: tanh and sigmoid match reference values, without overflow; leaky relu scales the negatives")
    func values() throws {
        let x = Tensor([-800, -2, 0, 0.5, 3, 800])
        expectClose(try Tanh()(x).detached(), shape: [6], [-1, -0.9640275800758169, 0, 0.46211715726000974, 0.9950547536867305, 1],
                    Tolerance(rtol: 1e-15, atol: 0))
        expectClose(try Sigmoid()(x).detached(), shape: [6], [0, 0.11920292202211755, 0.5, 0.6224593312018546, 0.9525741268224334, 1],
                    Tolerance(rtol: 1e-15, atol: 1e-300))
        expectClose(try LeakyReLU(slope: 0.2)(x).detached(), shape: [6], [-160, -0.4, 0, 0.5, 3, 800])
        #expect(LeakyReLU().slope == 0.01 && LeakyReLU().summary == "LeakyReLU(slope: 0.01)")
    }

    @Test("backward at the tails and at 0: saturation, slope·g at x == 0")
    func tails() throws {
        let x = Tensor(Tensor([-40, 0, 40]), requiresGrad: true)
        try x.tanh().sum().backward()
        expectClose(x.grad!, shape: [3], [0, 1, 0])
        try x.sigmoid().sum().backward()
        expectClose(x.grad!, shape: [3], [0, 0.25, 0], Tolerance(rtol: 0, atol: 1e-15))
        try x.leakyRelu(slope: 0.1).sum().backward()
        expectClose(x.grad!, shape: [3], [0.1, 0.1, 1])
    }
}
