import Testing
@testable import TensorEngine

@Suite("autograd ops: elementwise functions, powers, maximum/minimum, where, comparisons")
struct AutogradOpsTests {
    typealias Unary = (Tensor) throws -> Tensor

    @Test("gradcheck of exp, tanh, sigmoid on any input; log and sqrt on positive ones")
    func smoothFunctions() throws {
        let x = randomTensor([3, 4], seed: 10), positive = x.abs() + 0.2
        for f in [{ $0.exp() }, { $0.tanh() }, { $0.sigmoid() }] as [Unary] {
            try expectGradientsMatch([x]) { v in try f(v[0]) }
        }
        for f in [{ $0.log() }, { $0.sqrt() }] as [Unary] {
            try expectGradientsMatch([positive]) { v in try f(v[0]) }
        }
    }

    @Test("gradcheck of abs, relu, leakyRelu and clip away from their kinks")
    func piecewiseFunctions() throws {
        let x = randomTensor([4, 5], seed: 11).awayFrom([0, -0.5, 0.5])
        let functions: [Unary] = [{ $0.abs() }, { $0.relu() }, { $0.leakyRelu() }, { $0.leakyRelu(slope: 0.3) },
                                  { try $0.clip(-0.5, 0.5) }, { try $0.clip(nil, 0.5) }, { try $0.clip(-0.5, nil) }]
        for f in functions {
            try expectGradientsMatch([x]) { v in try f(v[0]) }
        }
    }

    @Test("derivatives by hand, including the conventions at kinks")
    func byHand() throws {
        let x = Tensor([-2, 0, 0.5, 1, 3])
        let grad = { (f: @escaping Unary) in try backwardGradients([x]) { v in try f(v[0]) }[0]! }
        expectClose(try grad { $0.abs() }, shape: [5], [-1, 0, 1, 1, 1])
        expectClose(try grad { $0.leakyRelu(slope: 0.1) }, shape: [5], [0.1, 0.1, 1, 1, 1])
        expectClose(try grad { try $0.clip(0, 1) }, shape: [5], [0, 0, 1, 0, 0])   // strictly inside only
        expectClose(try grad { $0.exp() }, x.exp())
        expectClose(try grad { $0.tanh() }, shape: [5], [1 - CMath.tanh(-2) * CMath.tanh(-2), 1, 1 - CMath.tanh(0.5) * CMath.tanh(0.5),
                                                          1 - CMath.tanh(1) * CMath.tanh(1), 1 - CMath.tanh(3) * CMath.tanh(3)])
        let y = Tensor([0.25, 1, 4])
        expectClose(try backwardGradients([y]) { v in v[0].sqrt() }[0]!, shape: [3], [1, 0.5, 0.25])
        expectClose(try backwardGradients([y]) { v in v[0].log() }[0]!, shape: [3], [4, 1, 0.25])
        expectClose(try backwardGradients([Tensor(0)]) { v in v[0].sigmoid() }[0]!, shape: [], [0.25])
    }

    @Test("gradcheck of pow: both operands variables, with broadcasting",
          arguments: [([2, 3], [3]), ([3, 1], [1, 4]), ([], [2, 2]), ([2, 3], [2, 3])])
    func power(base: [Int], exponent: [Int]) throws {
        let a = randomTensor(base, seed: 12).abs() + 0.3, b = randomTensor(exponent, seed: 13)
        try expectGradientsMatch([a, b]) { v in try Tensor.pow(v[0], v[1]) }
    }

    @Test("gradcheck of pow with a number: any base to an integer power, a power of a positive base, a number to a power")
    func powerOfNumber() throws {
        let x = randomTensor([3, 4], seed: 14), positive = x.abs() + 0.3
        for p in [2.0, 3, -1, 0, 1] {
            try expectGradientsMatch([x.awayFrom([0])]) { v in try Tensor.pow(v[0], p) }
        }
        try expectGradientsMatch([positive]) { v in try Tensor.pow(v[0], 0.5) }
        try expectGradientsMatch([positive]) { v in try Tensor.pow(v[0], -1.5) }
        try expectGradientsMatch([x]) { v in try Tensor.pow(2, v[0]) }
    }

    @Test("pow by hand, with the conventions at a zero base and a zero exponent")
    func powerByHand() throws {
        let g = try backwardGradients([Tensor([2, 0, 0, 3]), Tensor([3, 2, 0, 0])]) { v in try Tensor.pow(v[0], v[1]) }
        // d(a^b)/da = b·a^(b-1): 12, 0, 0 (b = 0), 0 (b = 0); d/db = a^b·ln a: 8 ln 2, 0, 0, ln 3.
        expectClose(g[0]!, shape: [4], [12, 0, 0, 0])
        expectClose(g[1]!, shape: [4], [8 * CMath.log(2), 0, 0, CMath.log(3)])
        let x = Tensor(Tensor([-2, 3]), requiresGrad: true)
        let squared = try Tensor.pow(x, 2)
        #expect(squared.op == "**" && squared.detached() == Tensor([4, 9]))
    }

    @Test("gradcheck of maximum and minimum, with broadcasting, where no two operands tie",
          arguments: [([3, 4], [4]), ([2, 1, 3], [4, 1]), ([], [2, 2])])
    func extremes(lhs: [Int], rhs: [Int]) throws {
        let a = randomTensor(lhs, seed: 15), b = randomTensor(rhs, seed: 16)
        try expectGradientsMatch([a, b]) { v in try Tensor.maximum(v[0], v[1]) }
        try expectGradientsMatch([a, b]) { v in try Tensor.minimum(v[0], v[1]) }
    }

    @Test("maximum and minimum by hand: g to the larger (smaller), split in half on a tie")
    func extremesByHand() throws {
        let a = Tensor([1, 2, 5]), b = Tensor([1, 3, 4])
        let larger = try backwardGradients([a, b]) { v in try Tensor.maximum(v[0], v[1]) }
        expectClose(larger[0]!, shape: [3], [0.5, 0, 1])
        expectClose(larger[1]!, shape: [3], [0.5, 1, 0])
        let smaller = try backwardGradients([a, b]) { v in try Tensor.minimum(v[0], v[1]) }
        expectClose(smaller[0]!, shape: [3], [0.5, 1, 0])
        expectClose(smaller[1]!, shape: [3], [0.5, 0, 1])
        // A broadcast operand collects its shares: max(x, 0) with a scalar 0 hit twice by ties.
        let clamp = try backwardGradients([Tensor([-1, 0, 2, 0]), Tensor(0)]) { v in try Tensor.maximum(v[0], v[1]) }
        expectClose(clamp[0]!, shape: [4], [0, 0.5, 1, 0.5])
        expectClose(clamp[1]!, shape: [], [2])
    }

    @Test("gradcheck of where with broadcasting; the condition gets no gradient")
    func whereGradient() throws {
        let condition = try Tensor.greater(randomTensor([3, 1, 4], seed: 17), Tensor(0))
        let a = randomTensor([2, 4], seed: 18), b = randomTensor([3, 1, 1], seed: 19)
        try expectGradientsMatch([a, b]) { v in try Tensor.where(condition, v[0], v[1]) }
        let g = try backwardGradients([Tensor([1, 2, 3]), Tensor(10)]) { v in
            try Tensor.where(Tensor([1, 0, 1]), v[0], v[1])
        }
        expectClose(g[0]!, shape: [3], [1, 0, 1])
        expectClose(g[1]!, shape: [], [1])
        let mask = Tensor(Tensor([0, 1, 1]), requiresGrad: true)
        let y = try Tensor.where(mask, Tensor([1, 2, 3]), Tensor(Tensor(0), requiresGrad: true))
        try y.sum().backward()
        #expect(mask.grad == nil)
    }

    @Test("comparisons and arg-reductions are constants: no graph, no gradient")
    func constants() throws {
        let x = Tensor(Tensor([1, 5, 3]), requiresGrad: true), y = Tensor(Tensor([2, 5, 1]), requiresGrad: true)
        let results = [try Tensor.equal(x, y), try Tensor.notEqual(x, y), try Tensor.less(x, y),
                       try Tensor.lessEqual(x, y), try Tensor.greater(x, y), try Tensor.greaterEqual(x, y),
                       try x.argmax(), try x.argmin(axis: 0, keepDims: true)]
        for r in results { #expect(r.isLeaf && !r.requiresGrad) }
        #expect(results.map { $0.detached() } == [Tensor([0, 1, 0]), Tensor([1, 0, 1]), Tensor([1, 0, 0]), Tensor([1, 1, 0]),
                                         Tensor([0, 0, 1]), Tensor([0, 1, 1]), Tensor(1), Tensor([0])])
        // A mask made from a comparison passes g where it is 1.
        let masked = try x * Tensor.greater(x, Tensor(2))
        try masked.sum().backward()
        expectClose(x.grad!, shape: [3], [0, 1, 1])
    }

    @Test("values equal the Tensor operations of the same name")
    func valuesMatchTensor() throws {
        let x = randomTensor([2, 3], seed: 20), p = x.abs() + 0.1, v = x, w = p
        #expect(v.exp().detached() == x.exp() && w.log().detached() == p.log() && w.sqrt().detached() == p.sqrt())
        #expect(v.abs().detached() == x.abs() && v.tanh().detached() == x.tanh() && v.sigmoid().detached() == x.sigmoid())
        #expect(v.leakyRelu(slope: 0.2).detached() == x.leakyRelu(slope: 0.2))
        #expect(try v.clip(-0.1, nil).detached() == x.clip(-0.1, nil))
        #expect(try Tensor.pow(w, v).detached() == Tensor.pow(p, x) && Tensor.maximum(v, w).detached() == Tensor.maximum(x, p))
        #expect(try Tensor.minimum(v, w).detached() == Tensor.minimum(x, p))
        expectError(.argument(op: "clip", name: "the lower bound", problem: .aboveUpperBound(1, upper: 0)),
                    reads: "clip: the lower bound 1.0 is above the upper bound 0.0") {
            try v.clip(1, 0)
        }
    }
}
