import TensorEngine

extension Builtins {
    static let data: [Builtin] = [
        Builtin("spiral", [.init("points", .number(100)), .init("classes", .number(3)), .init("noise", .number(0.2))],
                category: .data, summary: "The CS231n spiral: points per class along each of classes arms, with noise.",
                example: "spiral().x.shape", shapes: "-> x (points*classes, 2), y (points*classes)") { args, interpreter in
            let (points, classes) = (try args.integer("points", atLeast: 1), try args.integer("classes", atLeast: 1))
            let noise = try args.nonNegativeNumber("noise")
            return dataset(try Dataset.spiral(pointsPerClass: points, classes: classes, noise: noise, using: &interpreter.rng))
        },
        Builtin("moons", [.init("n", .number(200)), .init("noise", .number(0.1))], category: .data,
                summary: "Two interleaving half circles (two classes).", example: "moons(100).y.shape",
                shapes: "-> x (n, 2), y (n)") { args, interpreter in
            let (n, noise) = (try args.integer("n", atLeast: 0), try args.nonNegativeNumber("noise"))
            return dataset(try Dataset.moons(count: n, noise: noise, using: &interpreter.rng))
        },
        Builtin("blobs", [.init("n", .number(100)), .init("centers", .number(3)), .init("std", .number(1))], category: .data,
                summary: "Gaussian clusters around random centres, one class each.", example: "blobs(60, centers=2).x.shape",
                shapes: "-> x (n, 2), y (n)") { args, interpreter in
            let (n, centers) = (try args.integer("n", atLeast: 0), try args.integer("centers", atLeast: 1))
            let std = try args.nonNegativeNumber("std")
            return dataset(try Dataset.blobs(count: n, centers: centers, std: std, using: &interpreter.rng))
        },
        Builtin("regression", [.init("n", .number(100)), .init("noise", .number(0.1))], category: .data,
                summary: "Noisy samples of y = sin(x) on [-3, 3], for regression.", example: "regression(50).y.shape",
                shapes: "-> x (n, 1), y (n, 1)") { args, interpreter in
            let (n, noise) = (try args.integer("n", atLeast: 0), try args.nonNegativeNumber("noise"))
            return dataset(try Dataset.regression1D(count: n, noise: noise, using: &interpreter.rng))
        },
        Builtin("shapes", [.init("n", .number(400)), .init("size", .number(16)), .init("noise", .number(0))], category: .data,
                summary: "Small images of squares, circles, crosses and lines (labels 0 to 3).", example: "shapes(8).x.shape",
                shapes: "-> x (n, 1, size, size), y (n)") { args, interpreter in
            let (n, size) = (try args.integer("n", atLeast: 0), try args.integer("size"))
            guard size >= 8 else {
                throw LanguageError.runtime("shapes: 'size' must be at least 8 (smaller shapes cannot be told apart), got \(size)",
                                            args.range("size"))
            }
            let noise = try args.nonNegativeNumber("noise")
            return dataset(try Dataset.shapes(count: n, size: size, noise: noise, using: &interpreter.rng))
        },
        Builtin("digits", [.init("flatten", .bool(false))], category: .data,
                summary: "The 1797 handwritten 8x8 digits (UCI, CC BY 4.0), pixels 0 to 16, labels 0 to 9.",
                example: "digits().x.shape", shapes: "-> x (1797, 1, 8, 8) or (1797, 64) with flatten=true, y (1797)") { args, _ in
            dataset(Dataset.digits(flattened: try args.bool("flatten")))
        },
        Builtin("mnist", [.init("flatten", .bool(false))], category: .data,
                summary: "5000 MNIST handwritten digits (28x28, 500 per class; CC BY-SA 3.0), pixels 0 to 1, labels 0 to 9.",
                example: "mnist().x.shape", shapes: "-> x (5000, 1, 28, 28) or (5000, 784) with flatten=true, y (5000)") { args, _ in
            dataset(Dataset.mnist(flattened: try args.bool("flatten")))
        },
        Builtin("dataset", [.init("x"), .init("y")], category: .data,
                summary: "A data set from tensors: examples x and labels y (whole numbers 0, 1, ...) or regression targets y (N, k).",
                example: "dataset(rand(4, 2), tensor([0, 1, 1, 0])).y.shape",
                shapes: "x (N, ...), y (N) labels or (N, k) targets -> x, y") { args, _ in
            let (x, y) = (try args.tensor("x"), try args.tensor("y"))
            try checkDatasetParts(x, y, args)
            return .record(Record("dataset", [("x", .tensor(x)), ("y", .tensor(y))]))
        },
        Builtin("image", [.init("name")], category: .data,
                summary: "A 128x128 grayscale photograph, pixels 0 to 255: \"camera\" or \"brick\".",
                example: "image(\"camera\").shape", shapes: "-> (128, 128)") { args, _ in
            .tensor(try Tensor.image(named: try args.string("name")))
        },
        Builtin("split", [.init("data"), .init("val", .number(0.2)), .init("test", .number(0))], category: .data,
                summary: "A data set shuffled and split into train, val and test parts by fractions.",
                example: "split(spiral(), val=0.2).train.x.shape") { args, interpreter in
            let data = try datasetArgument(args)
            let (val, test) = (try splitFraction(args, "val"), try splitFraction(args, "test"))
            guard val + test <= 1 + 1e-12 else {
                throw LanguageError.runtime("split: 'val' and 'test' add up to \(formatNumber(val + test)); they must add up to at most 1",
                                            args.callRange)
            }
            let parts = try data.split(validation: val, test: test, using: &interpreter.rng)
            return .record(Record("split", [("train", dataset(parts.train)), ("val", dataset(parts.validation)),
                                            ("test", dataset(parts.test))]))
        },
        Builtin("standardize", [.init("x"), .init("like", .null)], category: .data,
                summary: "x with each feature shifted to mean 0 and scaled to std 1 (using the statistics of like, if given).",
                example: "standardize(spiral().x)", shapes: "x (N, ...) -> same shape") { args, _ in
            let x = try args.tensor("x")
            let statistics = try Standardization(fitting: args.isNone("like") ? x : try args.tensor("like"))
            return .tensor(try statistics.apply(to: x))
        },
    ]

    /// A fraction of a data set for `split`, from 0 to 1.
    static func splitFraction(_ args: Arguments, _ name: String) throws -> Double {
        try args.number(name, Wording.fromZeroToOne) { (0...1).contains($0) }
    }

    /// Checks the parts of `dataset(x, y)`: one row of y per example of x; y of rank 1 holds class
    /// labels (whole numbers from 0), y of rank 2, (N, k), regression targets (any numbers).
    /// `fit` tells the two apart the same way (rank-1 whole numbers: cross-entropy; else MSE).
    static func checkDatasetParts(_ x: Tensor, _ y: Tensor, _ args: Arguments) throws(LanguageError) {
        guard x.rank >= 1 else {
            throw LanguageError.runtime("dataset: x must have one row per example, shape (N, ...), got a scalar", args.range("x"))
        }
        guard y.rank == 1 || y.rank == 2 else {
            throw LanguageError.runtime("dataset: y must be labels (N) or regression targets (N, k), got shape \(y.shape)",
                                        args.range("y"))
        }
        guard x.shape[0] == y.shape[0] else {
            throw LanguageError.runtime("dataset: x has shape \(x.shape) and y has shape \(y.shape): "
                                        + "they need the same first dimension (one label per example)", args.callRange)
        }
        if y.rank == 1, let bad = y.scalars.firstIndex(where: { !($0 >= 0 && $0 == $0.rounded()) }) {
            throw LanguageError.runtime("dataset: labels y must be whole numbers 0, 1, ..., but y[\(bad)] is "
                                        + "\(formatNumber(y.scalars[bad])); give regression targets the shape (N, k), "
                                        + "e.g. reshape(y, -1, 1)", args.range("y"))
        }
    }

    /// A data set as a record with fields x and y.
    static func dataset(_ data: Dataset) -> Value {
        .record(Record("dataset", [("x", .tensor(data.x)), ("y", .tensor(data.y))]))
    }

    /// The data set in the argument `data`: a record with x and y.
    static func datasetArgument(_ args: Arguments) throws -> Dataset {
        guard case let .record(record) = args.value("data"), let x = record["x"]?.tensorValue, let y = record["y"]?.tensorValue else {
            throw args.wrongType("data", expected: "a data set (a record with x and y)")
        }
        return try Dataset(x: x, y: y)
    }
}
