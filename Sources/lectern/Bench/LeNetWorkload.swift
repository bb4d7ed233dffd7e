import LecternLanguage
import TensorEngine

/// W8 of docs/workloads.md: one epoch of LeNet-5 on the 5,000 shipped MNIST digits, in batches
/// of 50 with SGD (momentum 0.9, learning rate 0.05), then the accuracy on all 5,000.
extension Workload {
    /// The epoch order: row r of the epoch is row 500·(r mod 10) + ⌊r/10⌋ of the data, which
    /// are sorted by label, so that each batch of 50 holds 5 of each digit.
    static let lenetOrder: [Int] = (0..<Dataset.mnistCount).map { 500 * ($0 % 10) + $0 / 10 }
    static let lenetBatch = 50

    /// LeNet-5 as the course trains it, He-initialised from `rng` layer by layer (conv1, conv2,
    /// fc1, fc2, fc3): 61,706 parameters.
    static func lenet(using rng: inout RandomGenerator) throws -> Sequential {
        Sequential([
            try Conv2d(1, 6, 5, padding: 2, using: &rng), ReLU(), try MaxPool2d(2),
            try Conv2d(6, 16, 5, using: &rng), ReLU(), try MaxPool2d(2),
            Flatten(),
            try Linear(400, 120, using: &rng), ReLU(),
            try Linear(120, 84, using: &rng), ReLU(),
            try Linear(84, 10, using: &rng),
        ])
    }

    /// W8 `swift-api`: the epoch against the engine's Swift API. Timed: building the model
    /// from `seed(0)` and the optimizer, the 100 steps, the accuracy pass (in chunks of 100,
    /// which keeps the activations small: 500 at once took 55 MB more at the peak);
    /// the data are loaded and ordered before; each batch is cut from them as it is needed,
    /// as the peers slice theirs.
    static func lenetSwiftAPI(_ output: BenchOutput) throws {
        let data = try Dataset.mnist().rows(lenetOrder)
        let batchRows = stride(from: 0, to: data.count, by: lenetBatch).map { Array($0..<($0 + lenetBatch)) }
        var lastLoss = Double.nan, accuracy = Double.nan
        let m = try Measurement(warmup: 1) {
            var rng = RandomGenerator(seed: 0)
            let model = try lenet(using: &rng)
            let optimizer = SGD(model.parameters, learningRate: 0.05, momentum: 0.9)
            model.train()
            for rows in batchRows {
                let batch = try data.rows(rows)
                model.zeroGrad()
                let loss = try Tensor.softmaxCrossEntropy(try model(batch.x), labels: batch.y)
                try loss.backward()
                try optimizer.step()
                lastLoss = loss.scalars[0]
            }
            accuracy = try evaluate(model, on: data, batchSize: 100).accuracy ?? .nan
        }
        output.result("W8", "swift-api", m, extra: [("acc", accuracy), ("loss", lastLoss), ("rss_mb", peakResidentMegabytes())])
    }

    /// W8 `language`: the same epoch written in Lectern's language, a loop over the batches as
    /// a student writes it. The data are loaded and ordered outside the timed region.
    static func lenetLanguage(_ output: BenchOutput) throws {
        let interpreter = Interpreter(output: { _ in })
        try interpreter.run(Source(name: "W8 setup", text: """
            d = mnist()
            r = arange(5000)
            order = 500 * (r % 10) + r // 10
            x = d.x[order]
            y = d.y[order]
            d = none
            """))
        let epoch = Source(name: "W8", text: """
            seed(0)
            m = Sequential(Conv2d(1, 6, 5, pad=2), ReLU(), MaxPool2d(2),
                           Conv2d(6, 16, 5), ReLU(), MaxPool2d(2), Flatten(),
                           Linear(400, 120), ReLU(), Linear(120, 84), ReLU(), Linear(84, 10))
            opt = SGD(parameters(m), lr=0.05, momentum=0.9)
            for b in range(100) {
              loss = cross_entropy(m(x[b * 50:(b + 1) * 50]), y[b * 50:(b + 1) * 50])
              backward(loss)
              step(opt)
            }
            eval(m)
            correct = 0
            for c in range(50) {
              correct += accuracy(m(x[c * 100:(c + 1) * 100]), y[c * 100:(c + 1) * 100]) * 100
            }
            acc = correct / 5000
            """)
        let m = try Measurement(warmup: 1) { try interpreter.run(epoch) }
        guard case let .number(accuracy)? = interpreter.globals.lookup("acc"),
              case let .tensor(loss)? = interpreter.globals.lookup("loss") else {
            throw BenchError(description: "W8 language: no accuracy or loss")
        }
        output.result("W8", "language", m,
                      extra: [("acc", accuracy), ("loss", loss.scalars[0]), ("rss_mb", peakResidentMegabytes())])
    }
}
