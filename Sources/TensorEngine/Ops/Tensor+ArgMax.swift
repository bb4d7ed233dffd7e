/// Where the largest and smallest elements are, as NumPy's `argmax` and `argmin`.
///
/// With an `axis`, the result has the input's shape without that axis (or with it as size 1
/// under `keepDims`) and holds indices along it: for scores of shape (N, classes),
/// `scores.argmax(axis: 1)` is the predicted class of each of the N rows. Without one, the
/// index is into the flattened, row-major tensor: a rank-0 result, or all-1 shape with
/// `keepDims`. Indices are whole `Double`s, as every tensor holds `Double`s.
///
/// Ties pick the first; a nan counts as larger and smaller than any number, so the first nan
/// wins, as in NumPy. Cost: O(count).
extension Tensor {
    /// The index of the largest element along `axis` (`nil`: of the flattened tensor).
    /// - Throws: `.emptyReduction` when the axis (or the tensor) has size 0;
    ///   `.axisOutOfRange`.
    public func argmax(axis: Int? = nil, keepDims: Bool = false) throws -> Tensor {
        try argReduction(axis, keepDims: keepDims, op: "argmax", Beats(larger: true))
    }

    /// The index of the smallest element along `axis` (`nil`: of the flattened tensor).
    /// - Throws: `.emptyReduction` when the axis (or the tensor) has size 0;
    ///   `.axisOutOfRange`.
    public func argmin(axis: Int? = nil, keepDims: Bool = false) throws -> Tensor {
        try argReduction(axis, keepDims: keepDims, op: "argmin", Beats(larger: false))
    }

    /// `argFold` over one axis, or over every axis at once (which indexes the flattened tensor).
    @inline(__always)
    private func argReduction<P: BinaryPredicate>(_ axis: Int?, keepDims: Bool, op: String,
                                                  _ beats: P) throws -> Tensor {
        let axes = try axis.map { [try Shape.normalize(axis: $0, rank: rank)] } ?? Array(0..<rank)
        if axes.contains(where: { shape[$0] == 0 }) { throw TensorError.emptyReduction(op: op) }
        let run = (axes.first ?? 0)..<((axes.last ?? -1) + 1)
        return argFold(run: run, beats).withShape(ReductionLayout.resultShape(shape, axes: axes, keepDims: keepDims))
    }
}

/// Whether x beats the best so far: larger (argmax) or smaller (argmin); a nan beats any
/// number, and the first nan stays.
private struct Beats: BinaryPredicate {
    let larger: Bool
    @inline(__always) func callAsFunction(_ x: Double, _ best: Double) -> Bool {
        (larger ? x > best : x < best) || (x.isNaN && !best.isNaN)
    }
}
