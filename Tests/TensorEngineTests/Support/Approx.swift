import Testing
@testable import TensorEngine

/// Tolerances for comparing doubles: |actual − expected| <= atol + rtol·|expected|, elementwise.
/// Approximate equality is not transitive (swift-numerics warns of this), so each test compares
/// against its own reference rather than chaining comparisons.
struct Tolerance {
    var rtol: Double
    var atol: Double

    /// Results that went through a different but exact-in-principle computation path.
    static let tight = Tolerance(rtol: 1e-12, atol: 1e-12)
    /// Results of long sums (GEMM, convolution) compared with a naive loop.
    static let sums = Tolerance(rtol: 1e-10, atol: 1e-10)
}

/// Expects equal shapes and elementwise-close values; `nan` matches `nan`, `inf` matches `inf`.
func expectClose(_ actual: Tensor, _ expected: Tensor, _ tolerance: Tolerance = .tight,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(actual.shape == expected.shape, "shape", sourceLocation: sourceLocation)
    guard actual.shape == expected.shape else { return }
    for (i, (a, e)) in zip(actual.scalars, expected.scalars).enumerated() where !close(a, e, tolerance) {
        Issue.record("element \(i): \(a) is not close to \(e) (shape \(actual.shape))", sourceLocation: sourceLocation)
        return
    }
}

/// Expects `actual` close to a shape and a row-major list of values.
func expectClose(_ actual: Tensor, shape: [Int], _ expected: [Double], _ tolerance: Tolerance = .tight,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    expectClose(actual, try! Tensor(shape: shape, scalars: expected), tolerance, sourceLocation: sourceLocation)
}

func close(_ a: Double, _ e: Double, _ tolerance: Tolerance) -> Bool {
    if a.isNaN || e.isNaN { return a.isNaN && e.isNaN }
    if a.isInfinite || e.isInfinite { return a == e }
    return abs(a - e) <= tolerance.atol + tolerance.rtol * abs(e)
}

/// Expects `body` to throw exactly `expected`, and returns the error's message for further checks.
@discardableResult
func expectError(_ expected: TensorError, sourceLocation: SourceLocation = #_sourceLocation,
                 _ body: () throws -> Any) -> String {
    do {
        _ = try body()
        Issue.record("expected \(expected) but nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as TensorError {
        #expect(error == expected, sourceLocation: sourceLocation)
        return error.description
    } catch {
        Issue.record("expected \(expected), got \(error)", sourceLocation: sourceLocation)
    }
    return ""
}

/// Expects `body` to throw exactly `expected`, with a message that reads `message`.
func expectError(_ expected: TensorError, reads message: String, sourceLocation: SourceLocation = #_sourceLocation,
                 _ body: () throws -> Any) {
    let actual = expectError(expected, sourceLocation: sourceLocation, body)
    #expect(actual == message, sourceLocation: sourceLocation)
}

/// A tensor of `shape` with standard normal values from a fixed seed.
func randomTensor(_ shape: [Int], seed: UInt64 = 1) -> Tensor {
    var rng = RandomGenerator(seed: seed)
    return try! Tensor.randn(shape, using: &rng)
}
