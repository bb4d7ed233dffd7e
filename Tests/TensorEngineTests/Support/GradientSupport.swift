import Testing
@testable import TensorEngine

/// The largest CS231n relative error a correct backward rule may show in float64.
let gradcheckTolerance = 1e-7

/// Expects `gradcheck` of `f` at `inputs` (seeded upstream gradient) below `gradcheckTolerance`
/// for every input. Keep inputs away from kinks (see `awayFrom`): central differences across
/// one measure the average of two slopes. A larger `step` than gradcheck's 1e-6 suits
/// functions whose every output sums many inputs (rounding error grows as 1/step).
func expectGradientsMatch(_ inputs: [Tensor], step: Double = 1e-6, sourceLocation: SourceLocation = #_sourceLocation,
                          _ f: ([Tensor]) throws -> Tensor) throws {
    let result = try gradcheck(inputs, step: step, f)
    #expect(result.maxRelativeError < gradcheckTolerance, "\(result)", sourceLocation: sourceLocation)
}

/// The gradients `backward(seed:)` gives each input of `f` (ones when no seed is given);
/// nil for an input that received none.
func backwardGradients(_ inputs: [Tensor], seed: Tensor? = nil,
                       _ f: ([Tensor]) throws -> Tensor) throws -> [Tensor?] {
    let variables = inputs.map { Tensor($0, requiresGrad: true) }
    let y = try f(variables)
    try y.backward(seed: seed ?? Tensor.ones(y.shape))
    return variables.map(\.grad)
}

/// The names of the operations in the graph behind `v` (leaves as "leaf"), to check what a
/// composed operation is made of.
func graphOps(_ v: Tensor) -> Set<String> {
    Set(v.node?.topologicalOrder().map(\.op) ?? [])
}

/// Whether `a` and `b` are the same tensor of the graph (one node: a parameter and its copies).
func sameNode(_ a: Tensor, _ b: Tensor) -> Bool {
    a.identity != nil && a.identity == b.identity
}

extension Tensor {
    /// Each element moved at least `margin` away from every point in `kinks` (pushed past
    /// the nearest one), so central differences never straddle a kink.
    func awayFrom(_ kinks: [Double], margin: Double = 0.05) -> Tensor {
        map { x in
            var y = x
            for k in kinks where Swift.abs(y - k) < margin { y = y >= k ? k + margin : k - margin }
            return y
        }
    }
}
