/// Checking an analytic gradient against numbers: the test every backward rule must pass.
///
/// For a function f of some tensors, with output y, take a fixed random upstream gradient g
/// (seeded) and the scalar L = Σ y·g. The analytic gradient comes from `backward(seed: g)`;
/// the numerical one from central differences, element by element:
///
///     dL/dx_i ≈ (L(x_i + h) − L(x_i − h)) / 2h,    h = 1e-6 by default
///
/// whose error is O(h²) plus rounding of order ε·|y|/h, about 1e-10 in float64. The two are
/// compared by the relative error of CS231n, |a − n| / max(|a|, |n|), with the denominator
/// floored at 1e-8 so that two gradients that are both essentially zero count as equal.
/// Below 1e-7 the gradient is right; around 1e-2 or above, the rule is wrong.
public struct GradCheckResult: Sendable, CustomStringConvertible {
    /// The largest relative error over all elements of each input.
    public var relativeErrors: [Double]
    /// The largest relative error overall.
    public var maxRelativeError: Double { relativeErrors.max() ?? 0 }

    public var description: String {
        "gradcheck: max relative error \(maxRelativeError) (per input: \(relativeErrors))"
    }
}

/// Compares `f`'s backward pass with central differences at `inputs` (see `GradCheckResult`).
/// `f` must be deterministic: it is called 2·(number of elements) + 1 times.
/// - Complexity: O(total input count) calls of `f`.
public func gradcheck(_ inputs: [Tensor], step h: Double = 1e-6, seed: UInt64 = 0,
                      _ f: ([Tensor]) throws -> Tensor) throws -> GradCheckResult {
    let leaves = inputs.map { Tensor($0, requiresGrad: true) }
    let output = try f(leaves)
    var rng = RandomGenerator(seed: seed)
    let upstream = try Tensor.randn(output.shape, using: &rng)
    try output.backward(seed: upstream)
    var errors: [Double] = []
    for (index, input) in inputs.enumerated() {
        let analytic = leaves[index].grad ?? Tensor.zeros(like: input)
        var worst = 0.0
        for i in 0..<input.count {
            let numeric = try centralDifference(inputs, index, i, h, upstream, f)
            worst = Swift.max(worst, relativeError(analytic.scalars[i], numeric))
        }
        errors.append(worst)
    }
    return GradCheckResult(relativeErrors: errors)
}

/// (L(x + h·e_i) − L(x − h·e_i)) / 2h for element `i` of input `index`, L = Σ f(x)·g,
/// computed as Σ (f(x + h·e_i) − f(x − h·e_i))·g / 2h.
// NOTE: differencing the outputs before weighting and summing them is the same number in
// exact arithmetic, but outputs that do not depend on x_i then cancel exactly instead of
// leaving the rounding error of the whole sum, ε·|L|/h, which is above 1e-7 relative for
// gradients of size 1e-3 even in 20-element tensors.
private func centralDifference(_ inputs: [Tensor], _ index: Int, _ i: Int, _ h: Double, _ upstream: Tensor,
                               _ f: ([Tensor]) throws -> Tensor) throws -> Double {
    func output(_ delta: Double) throws -> Tensor {
        var moved = inputs
        moved[index].scalars[i] += delta
        return try f(moved).detached()
    }
    let (plus, minus) = (try output(h), try output(-h))
    var total = 0.0
    for j in 0..<upstream.count { total += (plus.scalars[j] - minus.scalars[j]) * upstream.scalars[j] }
    return total / (2 * h)
}

/// CS231n's relative error, |a − n| / max(|a|, |n|), the denominator floored at 1e-8.
public func relativeError(_ a: Double, _ n: Double) -> Double {
    Swift.abs(a - n) / Swift.max(Swift.abs(a), Swift.abs(n), 1e-8)
}
