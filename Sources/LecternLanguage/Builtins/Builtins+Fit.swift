import TensorEngine

extension Builtins {
    /// `fit(model, data, ...)`: the engine's training loop with the language's conveniences.
    static let fitBuiltin = Builtin(
        "fit", [.init("model"), .init("data"), .init("epochs", .number(10)), .init("batch_size", .null),
                .init("optimizer", .null), .init("lr", .number(0.1)), .init("loss", .string("auto")), .init("val", .null),
                .init("patience", .null), .init("seed", .number(0)), .init("shuffle", .bool(true)), .init("on_epoch", .null)],
        category: .training,
        summary: "Trains a model on a data set; returns its history (train_loss, val_loss, ... per epoch)."
            + " loss=\"auto\" is cross-entropy when data.y holds class labels (N whole numbers 0, 1, ...),"
            + " mean squared error otherwise; \"cross_entropy\" or \"mse\" chooses.",
        example: "h = fit(Sequential(Linear(2, 3)), spiral(), epochs=2)",
        shapes: "data.x (N, ...), data.y (N) labels or (N, k) targets"
    ) { args, interpreter in
        let model = try model(args)
        let loss = try fitLoss(args)
        let train = try fitDataset(args.value("data"), args, "data", loss: loss)
        let validation = args.isNone("val") ? nil : try fitDataset(args.value("val"), args, "val", loss: loss)
        let (epochs, batchSize) = (try args.integer("epochs", atLeast: 0), try args.optionalInteger("batch_size", atLeast: 1))
        let patience = try fitPatience(args, hasValidation: validation != nil), seed = try args.integer("seed", atLeast: 0)
        let optimizer = try fitOptimizer(args, model)
        let callback = args.isNone("on_epoch") ? nil : try callable(args, "on_epoch")
        var interrupted = false
        let history = try fit(model, train, validation: validation, epochs: epochs, batchSize: batchSize, optimizer: optimizer,
                              loss: loss, patience: patience, shuffle: try args.bool("shuffle"),
                              seed: UInt64(seed)) { record in
            // Ctrl-C (the host's cancellation) ends training after this epoch; the history says so.
            do throws(LanguageError) { try interpreter.step(args.callRange) } catch {
                guard error.kind == .cancelled else { throw error }
                interrupted = true
                return .stop
            }
            // "epoch 7/30: loss 0.0034, accuracy 1.0000" (the record counts epochs from 0).
            interpreter.progress?("epoch \(record.epoch + 1)/\(epochs): \(record.figures)")
            guard let callback else { return .proceed }
            let answer = try interpreter.call(callback, [(epochRecord(record), args.callRange)], [], args.callRange)
            if case .bool(false) = answer { return .stop }
            if case .string("stop") = answer { return .stop }
            return .proceed
        }
        // Ctrl-C in the middle of an epoch ends training there, fit returns its history and the
        // rest of the entry is interrupted; a time or memory limit is an error.
        if interpreter.computeGuard.stopReason == .cancelled {
            interrupted = true
            interpreter.cancelAfterThisCall()
        }
        try interpreter.checkStop(args.callRange)
        let stopped = interrupted ? "interrupted" : history.stopped
        if history.stopReason == .nonFiniteLoss {
            let last = history.records.last!, loss = last.trainLoss.isFinite ? last.validationLoss ?? 0 : last.trainLoss
            // Printed, not a passing progress line: the REPL, `lectern run` and a lesson all keep it.
            try interpreter.emit("fit: \(stopped)/\(epochs), the loss is \(formatNumber(loss)); stopped (try a smaller lr)\n",
                                 args.callRange)
        } else if interrupted {
            interpreter.progress?("fit: interrupted after epoch \(history.epochCount)/\(epochs); the model keeps its weights")
        }
        return historyRecord(history, stopped: stopped)
    }

    /// The optimizer given, or SGD with `lr` on the model's parameters.
    static func fitOptimizer(_ args: Arguments, _ model: any Layer) throws -> any Optimizer {
        if case let .object(object as OptimizerObject) = args.value("optimizer") { return object.optimizer }
        guard args.isNone("optimizer") else { throw args.wrongType("optimizer", expected: "an optimizer (SGD or Adam) or none") }
        return SGD(model.parameters, learningRate: try args.positiveNumber("lr"))
    }

    /// The patience of early stopping, which watches the validation loss: none, or at least 0 with `val`.
    static func fitPatience(_ args: Arguments, hasValidation: Bool) throws -> Int? {
        guard let patience = try args.optionalInteger("patience", atLeast: 0) else { return nil }
        guard hasValidation else {
            throw LanguageError.runtime("fit: 'patience' needs a validation set, 'val': early stopping watches the validation loss",
                                        args.range("patience"))
        }
        return patience
    }

    /// A data set for `fit`: a record with x and y. It is a classification set with C classes
    /// (accuracy is reported) when the loss is cross-entropy: asked for, which needs y to hold
    /// labels 0..<C, or chosen by "auto" (nil) because y holds such labels. With "mse" it is a
    /// regression set, whatever y holds.
    static func fitDataset(_ value: Value, _ args: Arguments, _ name: String, loss: Loss?) throws -> Dataset {
        guard case let .record(record) = value, let x = record["x"]?.tensorValue, let y = record["y"]?.tensorValue else {
            throw args.wrongType(name, expected: "a data set (a record with x and y)")
        }
        if loss == .mse { return try Dataset(x: x, y: y, classes: nil) }
        let isLabels = y.rank == 1 && y.count > 0 && y.scalars.allSatisfy { $0 >= 0 && $0 == $0.rounded() }
        if loss == .crossEntropy, !isLabels {
            throw LanguageError.runtime("fit: loss=\"cross_entropy\" needs class labels in \(name).y (N whole numbers 0, 1, ...),"
                                        + " got \(y.rank == 1 ? "other numbers" : "shape \(y.shape)")", args.range(name))
        }
        return try Dataset(x: x, y: y, classes: isLabels ? Int(y.scalars.max()!) + 1 : nil)
    }

    /// The loss asked for: nil for "auto" (the engine's default for the data set: cross-entropy
    /// with labels, MSE otherwise), or "cross_entropy" or "mse".
    static func fitLoss(_ args: Arguments) throws -> Loss? {
        let name = try args.string("loss")
        if name == "auto" { return nil }
        guard let loss = Loss(rawValue: name) else {
            throw LanguageError.runtime("fit: loss must be \"auto\", \"cross_entropy\" or \"mse\", got \"\(name)\"", args.range("loss"))
        }
        return loss
    }

    /// One epoch as a record: epoch (counted from 1), train_loss, train_acc, val_loss, val_acc.
    static func epochRecord(_ record: EpochRecord) -> Value {
        func number(_ x: Double?) -> Value { x.map(Value.number) ?? .none }
        return .record(Record("epoch", [("epoch", .number(Double(record.epoch + 1))), ("train_loss", .number(record.trainLoss)),
                                        ("train_acc", number(record.trainAccuracy)), ("val_loss", number(record.validationLoss)),
                                        ("val_acc", number(record.validationAccuracy))]))
    }

    /// The history as a record of per-epoch lists and a summary; epochs count from 1, so
    /// `h.val_loss[h.best_epoch - 1]` is the best validation loss. `stopped` is "completed",
    /// "early stopping at epoch N", "diverged at epoch N", "stopped by the callback at epoch N"
    /// or "interrupted".
    static func historyRecord(_ history: History, stopped: String) -> Value {
        func numbers(_ xs: [Double?]) -> Value { .list(xs.map { $0.map(Value.number) ?? .none }) }
        return .record(Record("history", [
            ("epochs", .number(Double(history.epochCount))),
            ("train_loss", numbers(history.trainLoss)), ("train_acc", numbers(history.trainAccuracy)),
            ("val_loss", numbers(history.validationLoss)), ("val_acc", numbers(history.validationAccuracy)),
            ("best_epoch", history.bestEpoch.map { .number(Double($0 + 1)) } ?? .none),
            ("stopped_early", .bool(history.stoppedEarly)), ("stopped", .string(stopped)),
        ]))
    }
}
