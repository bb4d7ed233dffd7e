/// The loops behind every reduction (sum, mean, max, argmax, ...).
///
/// A reduction over one axis, or over a run of adjacent axes, views the tensor as
/// (outer, reduced, inner): `outer` is the product of the sizes before the run, `reduced` the
/// product of the run's sizes and `inner` the product of the sizes after it. Output element
/// (o, i) combines x[o, 0, i], x[o, 1, i], ..., x[o, reduced − 1, i] in that order. The loop
/// over `i` reads and writes contiguous memory, so it vectorises; the loop over the reduced
/// index stays sequential.
///
/// Priorities, in order: 1. the result depends only on the input — never on threads (there
/// are none here) or the machine —, so a lesson prints the same digits on every run;
/// 2. simple loops; 3. speed. Summing in index order costs accuracy on very long sums
/// (error grows like n·ε rather than NumPy's pairwise log(n)·ε); the tests allow for it.
struct ReductionLayout {
    let outer: Int, reduced: Int, inner: Int
    /// The input's shape with the run's dimensions set to 1.
    let keptShape: [Int]

    /// The layout that reduces the adjacent axes `run` of `shape`.
    init(_ shape: [Int], run: Range<Int>) {
        outer = shape[..<run.lowerBound].reduce(1, *)
        reduced = shape[run].reduce(1, *)
        inner = shape[run.upperBound...].reduce(1, *)
        var kept = shape
        for d in run { kept[d] = 1 }
        keptShape = kept
    }

    /// Splits sorted, distinct axes into runs of adjacent axes: `[0, 1, 3]` gives
    /// `[0..<2, 3..<4]`. A run is reduced in one pass, as if its axes were one.
    static func runs(_ axes: [Int]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        for axis in axes {
            if let last = runs.last, last.upperBound == axis {
                runs[runs.count - 1] = last.lowerBound..<(axis + 1)
            } else {
                runs.append(axis..<(axis + 1))
            }
        }
        return runs
    }

    /// The shape after reducing the sorted `axes` of `shape`: those dimensions become 1
    /// with `keepDims`, and disappear without it.
    static func resultShape(_ shape: [Int], axes: [Int], keepDims: Bool) -> [Int] {
        if keepDims { return shape.indices.map { axes.contains($0) ? 1 : shape[$0] } }
        return shape.indices.filter { !axes.contains($0) }.map { shape[$0] }
    }
}

extension Tensor {
    /// Folds the run of axes `run` with `combine`, keeping them as size-1 dimensions:
    /// out[o, i] = combine(…combine(combine(start, x[o, 0, i]), x[o, 1, i])…, x[o, n − 1, i]).
    /// Without `start` the fold begins at x[o, 0, i] (max and min have no identity).
    /// - Precondition: the run is not empty when `start` is `nil`.
    /// - Complexity: O(count).
    @inline(__always)
    func fold<F: BinaryFunction>(run: Range<Int>, start: Double?, _ combine: F) -> Tensor {
        let layout = ReductionLayout(shape, run: run)
        let (outer, n, inner) = (layout.outer, layout.reduced, layout.inner)
        precondition(start != nil || n > 0, "a fold without a start needs elements")
        return Tensor(unchecked: layout.keptShape) { out in
            guard out.count > 0 else { return }
            scalars.withUnsafeBufferPointer { x in
                for o in 0..<outer {
                    let dst = out.baseAddress! + o * inner
                    var k = 0
                    if let start {
                        dst.initialize(repeating: start, count: inner)
                    } else {
                        dst.initialize(from: x.baseAddress! + o * n * inner, count: inner)
                        k = 1
                    }
                    if inner == 1 {
                        // One accumulator in a register rather than a load and store per step.
                        var acc = dst[0]
                        for j in k..<n { acc = combine(acc, x[o * n + j]) }
                        dst[0] = acc
                        continue
                    }
                    if combine is Fn.Add, n > k {
                        // Column sums (a bias gradient): the vector kernel, in the same order.
                        VectorKernels.chosen.addRows(n - k, inner, x.baseAddress! + (o * n + k) * inner, dst)
                        continue
                    }
                    for j in k..<n {
                        let src = x.baseAddress! + (o * n + j) * inner
                        for i in 0..<inner { dst[i] = combine(dst[i], src[i]) }
                    }
                }
            }
        }
    }

    /// The position along the run of axes `run` (counted row-major within the run) of the
    /// first element that no later one beats: index k replaces the best so far only when
    /// `beats(x[o, k, i], best)`, so ties keep the first. Indices are stored as `Double`s,
    /// and the run's dimensions are kept as size 1.
    /// - Precondition: the run is not empty.
    /// - Complexity: O(count), plus one buffer of `inner` doubles.
    @inline(__always)
    func argFold<P: BinaryPredicate>(run: Range<Int>, _ beats: P) -> Tensor {
        let layout = ReductionLayout(shape, run: run)
        let (outer, n, inner) = (layout.outer, layout.reduced, layout.inner)
        precondition(n > 0, "argmax and argmin need elements")
        var best = [Double](repeating: 0, count: inner)
        return Tensor(unchecked: layout.keptShape) { out in
            guard out.count > 0 else { return }
            scalars.withUnsafeBufferPointer { x in
                best.withUnsafeMutableBufferPointer { best in
                    for o in 0..<outer {
                        let index = out.baseAddress! + o * inner, first = x.baseAddress! + o * n * inner
                        for i in 0..<inner { best[i] = first[i]; index[i] = 0 }
                        for k in 1..<n {
                            let src = first + k * inner
                            for i in 0..<inner where beats(src[i], best[i]) {
                                best[i] = src[i]
                                index[i] = Double(k)
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A test of two numbers as a type (see `UnaryFunction`): argmax asks "does x beat the best?".
protocol BinaryPredicate {
    func callAsFunction(_ x: Double, _ best: Double) -> Bool
}
