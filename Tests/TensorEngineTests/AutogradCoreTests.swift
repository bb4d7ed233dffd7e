import Testing
@testable import TensorEngine

@Suite("autograd core: backward, gradcheck, arithmetic, matmul")
struct AutogradCoreTests {
    static let tolerance = 1e-7

    @Test("gradcheck of + - * / with broadcasting", arguments: [([3, 4], [4]), ([2, 1, 3], [4, 1]), ([], [2, 2]), ([2, 3], [2, 3])])
    func arithmetic(lhs: [Int], rhs: [Int]) throws {
        let a = randomTensor(lhs, seed: 1), b = randomTensor(rhs, seed: 2).map { $0 + ($0 >= 0 ? 1 : -1) }
        for op in [{ try $0 + $1 }, { try $0 - $1 }, { try $0 * $1 }, { try $0 / $1 }] as [(Tensor, Tensor) throws -> Tensor] {
            let result = try gradcheck([a, b]) { v in try op(v[0], v[1]) }
            #expect(result.maxRelativeError < Self.tolerance, "\(result)")
        }
        let neg = try gradcheck([a]) { v in -v[0] }
        #expect(neg.maxRelativeError < Self.tolerance)
    }

    @Test("gradcheck of matmul: matrices, batches with broadcasting, vectors",
          arguments: [([3, 4], [4, 5]), ([2, 3, 4], [4, 2]), ([2, 1, 3, 4], [5, 4, 2]), ([4], [4, 3]), ([3, 4], [4]), ([4], [4])])
    func matmul(lhs: [Int], rhs: [Int]) throws {
        let result = try gradcheck([randomTensor(lhs, seed: 3), randomTensor(rhs, seed: 4)]) { v in
            try Tensor.matmul(v[0], v[1])
        }
        #expect(result.maxRelativeError < Self.tolerance, "\(result)")
    }

    @Test("gradcheck of relu, sum, mean, reshape and softmax cross-entropy")
    func functions() throws {
        let x = randomTensor([4, 5], seed: 5)
        for f in [{ $0.relu() }, { try $0.sum() }, { try $0.sum(axes: [0]) }, { try $0.sum(axes: [-1], keepDims: true) },
                  { try $0.mean(axes: [1]) }, { try $0.reshape([5, -1]) }] as [(Tensor) throws -> Tensor] {
            let result = try gradcheck([x]) { v in try f(v[0]) }
            #expect(result.maxRelativeError < Self.tolerance, "\(result)")
        }
        let labels = Tensor([0, 4, 2, 1])
        let ce = try gradcheck([x]) { v in try Tensor.softmaxCrossEntropy(v[0], labels: labels) }
        #expect(ce.maxRelativeError < Self.tolerance, "\(ce)")
    }

    @Test("a variable used twice receives the sum of both gradients")
    func sharedUse() throws {
        let x = Tensor(Tensor([3]), requiresGrad: true)
        let y = try x * x + x      // dy/dx = 2x + 1 = 7
        try y.sum().backward()
        expectClose(x.grad!, shape: [1], [7])
    }

    @Test("backward replaces gradients; accumulate: true adds; zeroGrad clears")
    func accumulation() throws {
        let w = Tensor(Tensor([2]), requiresGrad: true)
        let loss = try (w * 3).sum()
        try loss.backward()
        try loss.backward()
        expectClose(w.grad!, shape: [1], [3])
        try loss.backward(accumulate: true)
        expectClose(w.grad!, shape: [1], [6])
        w.zeroGrad()
        #expect(w.grad == nil)
    }

    @Test("backward errors: non-scalar without a seed, a seed of the wrong shape, nothing to differentiate")
    func errors() throws {
        let x = Tensor(try Tensor.ones([2, 2]), requiresGrad: true)
        let y = x * 2
        #expect(throws: AutogradError.nonScalarBackward(shape: [2, 2])) { try y.backward() }
        #expect(throws: AutogradError.seedShape(seed: [2], output: [2, 2])) { try y.backward(seed: Tensor([1, 1])) }
        #expect(throws: AutogradError.noGradient) { try Tensor(1).backward() }
        #expect(AutogradError.nonScalarBackward(shape: [2, 2]).description.contains("reduce it first"))
        try y.backward(seed: try Tensor.ones([2, 2]))
        expectClose(x.grad!, try Tensor.full([2, 2], 2))
    }

    @Test("constants record no graph")
    func constants() throws {
        let a = Tensor([1, 2]), b = Tensor([3, 4])
        let c = try a * b
        #expect(c.isLeaf && !c.requiresGrad)
    }

    @Test("a chain of 20000 operations differentiates without overflowing the stack")
    func deepGraph() throws {
        let x = Tensor(Tensor(1), requiresGrad: true)
        var y = x
        for _ in 0..<20_000 { y = y + 1e-3 }
        try y.backward()
        expectClose(x.grad!, shape: [], [1])
    }

    @Test("freeing a chain of 200000 operations does not overflow the stack")
    func deepGraphDeinit() throws {
        // Found by fuzzing the language: total = total + loss in a long loop, then dropped.
        let x = Tensor(Tensor(1), requiresGrad: true)
        var y = x * 2
        for _ in 0..<200_000 { y = try y + x }
        try y.backward()
        expectClose(x.grad!, shape: [], [200_002])
        y = x  // the chain is freed here
        #expect(sameNode(y, x))
    }

    @Test("the spiral MLP (2 -> 100 -> 3, He init, SGD lr 1.0, 1000 full-batch steps) fits its training set")
    func spiralSmoke() throws {
        var rng = RandomGenerator(seed: 0)
        let (x, y) = try spiral(pointsPerClass: 100, classes: 3, using: &rng)
        let model = Sequential([try Linear(2, 100, using: &rng), ReLU(),
                                try Linear(100, 3, using: &rng)])
        let optimizer = SGD(model.parameters, learningRate: 1.0)
        for _ in 0..<1000 {
            let loss = try Tensor.softmaxCrossEntropy(model(x), labels: y)
            try loss.backward()
            try optimizer.step()
        }
        let acc = try accuracy(scores: model(x).detached(), labels: y)
        #expect(acc >= 0.98, "training accuracy \(acc)")
    }
}

/// CS231n's spiral: class j has r = linspace(0, 1, N), t = linspace(4j, 4(j+1), N) + 0.2·randn.
func spiral(pointsPerClass n: Int, classes k: Int, using rng: inout RandomGenerator) throws -> (Tensor, Tensor) {
    var xs: [Double] = [], ys: [Double] = []
    for j in 0..<k {
        for i in 0..<n {
            let r = Double(i) / Double(n - 1)
            let t = 4 * Double(j) + 4 * Double(i) / Double(n - 1) + 0.2 * rng.normal()
            xs += [r * CMath.sin(t), r * CMath.cos(t)]
            ys.append(Double(j))
        }
    }
    return (try Tensor(shape: [n * k, 2], scalars: xs), Tensor(ys))
}
