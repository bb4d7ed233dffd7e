/// Training, validation and test sets: three disjoint parts of one data set that together
/// hold every example once.
public struct DatasetSplit: Sendable, Equatable {
    /// What the model learns from.
    public var train: Dataset
    /// What chooses hyper-parameters and the epoch to stop at (early stopping).
    public var validation: Dataset
    /// What is looked at once, at the end, to report the final accuracy.
    public var test: Dataset

    public init(train: Dataset, validation: Dataset, test: Dataset) {
        self.train = train
        self.validation = validation
        self.test = test
    }
}

extension Dataset {
    /// Splits the examples at random into training, validation and test sets.
    ///
    /// One permutation of `0..<N` is drawn (`rng.permutation(N)`); its first
    /// `round(validation · N)` entries pick the validation set, the next `round(test · N)`
    /// the test set, and the rest the training set, each in permutation order. Classes are
    /// not stratified: with few examples of a class, a part may get none.
    ///
    ///     let parts = try data.split(validation: 0.2, test: 0.1, using: &rng)
    ///     // N = 300: 60 validation, 30 test, 210 training examples
    ///
    /// - Parameters:
    ///   - validation: the fraction of examples for validation, in [0, 1].
    ///   - test: the fraction for testing, in [0, 1]; `validation + test` at most 1.
    /// - Throws: `TensorError.argument` for a fraction outside [0, 1] or fractions summing
    ///   to more than 1.
    /// - Complexity: O(N · example size).
    public func split(validation: Double = 0.2, test: Double = 0, using rng: inout RandomGenerator) throws -> DatasetSplit {
        try Self.checkFractions(validation: validation, test: test)
        let validationCount = Int((validation * Double(count)).rounded())
        let testCount = Swift.min(Int((test * Double(count)).rounded()), count - validationCount)
        let order = rng.permutation(count)
        return DatasetSplit(
            train: rows(validated: order[(validationCount + testCount)...]),
            validation: rows(validated: order[..<validationCount]),
            test: rows(validated: order[validationCount..<(validationCount + testCount)]))
    }

    private static func checkFractions(validation: Double, test: Double) throws {
        for (name, value) in [("validation", validation), ("test", test)] where !(0...1).contains(value) {
            throw TensorError.argument(op: "split", name: "the \(name) fraction",
                                       problem: .notFromZeroToOne(value))
        }
        // A last-bit rounding error in fractions the caller computed (1 - a - b) must not fail.
        guard validation + test <= 1 + 1e-12 else {
            throw TensorError.argument(op: "split", name: "the validation and test fractions",
                                       problem: .sumAboveOne(validation + test))
        }
    }
}
