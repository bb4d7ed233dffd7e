import TensorEngine

extension Builtins {
    static let training: [Builtin] = [
        Builtin("cross_entropy", [.init("scores"), .init("labels")], category: .training,
                summary: "The mean softmax cross-entropy of class scores against integer labels.",
                example: "cross_entropy([[2, 1, 0]], [0])", shapes: "scores (N, C), labels (N) -> a number") { args, _ in
            let labels = try args.tensor("labels")
            return plain(try Tensor.softmaxCrossEntropy(try args.tensor("scores"), labels: labels))
        },
        Builtin("mse", [.init("prediction"), .init("target")], category: .training,
                summary: "The mean squared error; prediction and target must have the same shape.",
                example: "mse([1, 2], [1, 4])", shapes: "prediction, target (same shape) -> a number") { args, _ in
            let target = try args.tensor("target")
            return plain(try Tensor.mse(try args.tensor("prediction"), target))
        },
        Builtin("l2", [.init("params"), .init("lam")], category: .training,
                summary: "The L2 penalty lam/2 * (sum of squared weights) of a model or a list of params.",
                example: "l2(parameters(Linear(2, 3)), 0.001)") { args, _ in
            .tensor(try Tensor.l2Penalty(try parameters(args, "params"), lambda: try args.nonNegativeNumber("lam")))
        },
        Builtin("accuracy", [.init("scores"), .init("labels")], category: .training,
                summary: "The fraction of rows whose highest score is at the label.", example: "accuracy([[2, 1], [0, 3]], [0, 0])",
                shapes: "scores (N, C), labels (N) -> a number") { args, _ in
            .number(try accuracy(scores: try args.tensor("scores"), labels: try args.tensor("labels")))
        },
        Builtin("softmax", [.init("x"), .init("axis", .number(-1))], category: .training,
                summary: "exp(x) / sum(exp(x)) along axis (probabilities that sum to 1).", example: "softmax([1, 2, 3])",
                shapes: "x (any) -> same shape") { args, _ in
            let axis = try args.integer("axis")
            let x = try args.tensor("x")
            // The shift by the maximum only keeps exp from overflowing; it cancels in the
            // quotient, so no gradient needs to flow through it.
            let e = try (x - x.max(axes: [axis], keepDims: true).detached()).exp()
            return plain(try e / e.sum(axes: [axis], keepDims: true))
        },
        Builtin("SGD", [.init("params"), .init("lr"), .init("momentum", .number(0)), .init("weight_decay", .number(0))],
                category: .training, summary: "Stochastic gradient descent: w -= lr * grad (with momentum: a velocity).",
                example: "SGD(parameters(Linear(2, 3)), lr=0.1)") { args, _ in
            .object(OptimizerObject(SGD(try parameters(args, "params"), learningRate: try args.positiveNumber("lr"),
                                        momentum: try args.fraction("momentum"), weightDecay: try args.nonNegativeNumber("weight_decay")),
                                    name: "SGD"))
        },
        Builtin("Adam", [.init("params"), .init("lr", .number(0.001)), .init("beta1", .number(0.9)), .init("beta2", .number(0.999)),
                         .init("weight_decay", .number(0))], category: .training,
                summary: "Adam: steps scaled by running averages of the gradient and its square.",
                example: "Adam(parameters(Linear(2, 3)), lr=0.01)") { args, _ in
            .object(OptimizerObject(Adam(try parameters(args, "params"), learningRate: try args.positiveNumber("lr"),
                                         beta1: try args.fraction("beta1"), beta2: try args.fraction("beta2"),
                                         weightDecay: try args.nonNegativeNumber("weight_decay")), name: "Adam"))
        },
        Builtin("step", [.init("optimizer")], category: .training,
                summary: "One update of the optimizer's parameters from their gradients.",
                example: "step(SGD(parameters(Linear(2, 3)), lr=0.1))") { args, _ in
            guard case let .object(object as OptimizerObject) = args.value("optimizer") else {
                throw args.wrongType("optimizer", expected: "an optimizer (SGD or Adam)")
            }
            try object.optimizer.step()
            return .none
        },
        fitBuiltin,
    ]
}
