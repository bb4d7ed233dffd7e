/// Seeded 2-D classification sets, small enough to plot and to train on in a blink.
/// Each draws every random number from `rng` in a documented order, so a seed fixes the data.
extension Dataset {
    /// K spiral arms of N points each, CS231n's "spiral" set (a linear classifier cannot
    /// separate it; a two-layer network can). For class j = 0..<K, point i = 0..<N:
    ///
    ///     r = linspace(0, 1, N)[i]
    ///     t = linspace(4j, 4(j+1), N)[i] + noise · randn
    ///     x = (r · sin t, r · cos t),  y = j
    ///
    /// in class-major order (rows j·N ..< (j+1)·N are class j), as CS231n builds it. The
    /// normals are drawn class by class, N at a time: the same numbers, in the same order,
    /// as `np.random.randn(N)` once per class.
    /// - Returns: x (K·N, 2) with values in [−1, 1], y (K·N), `classes` K.
    /// - Throws: `TensorError.argument` when N < 1, K < 1, or the noise is negative or not finite.
    public static func spiral(pointsPerClass: Int = 100, classes: Int = 3, noise: Double = 0.2,
                              using rng: inout RandomGenerator) throws -> Dataset {
        try check(pointsPerClass >= 1, "spiral", "pointsPerClass", .notAtLeast(1, got: pointsPerClass))
        try check(classes >= 1, "spiral", "classes", .notAtLeast(1, got: classes))
        try checkNoise(noise, "spiral")
        let n = pointsPerClass
        let (rows, overflow) = n.multipliedReportingOverflow(by: classes)
        _ = try Tensor.checkedCount([overflow ? .max : rows, 2])
        var x: [Double] = [], y: [Double] = []
        for j in 0..<classes {
            let r = try Tensor.linspace(0, 1, count: n)
            let t = try Tensor.linspace(Double(4 * j), Double(4 * (j + 1)), count: n)
            for i in 0..<n {
                let angle = t.scalars[i] + rng.normal() * noise
                x += [r.scalars[i] * CMath.sin(angle), r.scalars[i] * CMath.cos(angle)]
                y.append(Double(j))
            }
        }
        return Dataset(unchecked: Tensor(unchecked: [n * classes, 2], scalars: x), y: Tensor(y), classes: classes)
    }

    /// Two interleaving half circles, scikit-learn's `make_moons`. With n_out = ⌊count/2⌋
    /// points on the outer moon (class 0) and n_in = count − n_out on the inner one (class 1):
    ///
    ///     outer: (cos θ, sin θ),            θ = linspace(0, π, n_out)
    ///     inner: (1 − cos θ, 0.5 − sin θ),  θ = linspace(0, π, n_in)
    ///
    /// then, as scikit-learn does, the rows are shuffled (`rng.permutation(count)`, when
    /// `shuffle`), and noise · randn is added to every coordinate (row by row).
    /// - Returns: x (count, 2), y (count), `classes` 2.
    /// - Throws: `TensorError.argument` when count < 0, or the noise is negative or not finite.
    public static func moons(count: Int = 200, noise: Double = 0.1, shuffle: Bool = true,
                             using rng: inout RandomGenerator) throws -> Dataset {
        try check(count >= 0, "moons", "count", .negative(count))
        try checkNoise(noise, "moons")
        _ = try Tensor.checkedCount([count, 2])
        let outer = try Tensor.linspace(0, Double.pi, count: count / 2).scalars
        let inner = try Tensor.linspace(0, Double.pi, count: count - count / 2).scalars
        let x = outer.flatMap { [CMath.cos($0), CMath.sin($0)] } + inner.flatMap { [1 - CMath.cos($0), 0.5 - CMath.sin($0)] }
        let y = [Double](repeating: 0, count: outer.count) + [Double](repeating: 1, count: inner.count)
        var data = Dataset(unchecked: Tensor(unchecked: [count, 2], scalars: x), y: Tensor(y), classes: 2)
        if shuffle { data = data.shuffled(using: &rng) }
        for i in 0..<data.x.count { data.x.scalars[i] += noise * rng.normal() }
        return data
    }

    /// Gaussian clusters around given centres, scikit-learn's `make_blobs`. The K centres
    /// share the examples as evenly as possible (the first count mod K get one more); centre k's
    /// points are `centers[k] + std · randn(D)`, drawn centre by centre, row by row; then the
    /// rows are shuffled (`rng.permutation(count)`, when `shuffle`). The label is the centre's index.
    /// - Parameter centers: (K, D), one centre per row.
    /// - Returns: x (count, D), y (count), `classes` K.
    /// - Throws: `TensorError.rank` when `centers` is not (K, D) with K ≥ 1;
    ///   `.argument` when count < 0 or std is negative or not finite.
    public static func blobs(count: Int = 100, centers: Tensor, std: Double = 1, shuffle: Bool = true,
                             using rng: inout RandomGenerator) throws -> Dataset {
        guard centers.rank == 2, centers.shape[0] >= 1 else {
            throw TensorError.rank(op: "blobs", argument: "centers", expected: "shape (K, D) with K >= 1", shape: centers.shape)
        }
        try check(count >= 0, "blobs", "count", .negative(count))
        try check(std >= 0 && std.isFinite, "blobs", "std", .notFiniteNonNegative(std))
        let (k, d) = (centers.shape[0], centers.shape[1])
        _ = try Tensor.checkedCount([count, d])
        var x: [Double] = [], y: [Double] = []
        for center in 0..<k {
            for _ in 0..<(count / k + (center < count % k ? 1 : 0)) {
                for f in 0..<d { x.append(centers.scalars[center * d + f] + std * rng.normal()) }
                y.append(Double(center))
            }
        }
        let data = Dataset(unchecked: Tensor(unchecked: [count, d], scalars: x), y: Tensor(y), classes: k)
        return shuffle ? data.shuffled(using: &rng) : data
    }

    /// Gaussian clusters around `centers` random centres, drawn first, uniformly in `box` for
    /// each of the `features` coordinates (K·D uniforms, row by row); then as
    /// `blobs(count:centers:std:shuffle:using:)` with them. Find the centres again as the
    /// class means of x.
    /// - Throws: `TensorError.argument` when `centers` or `features` is below 1, or `box`
    ///   is not finite; as the other `blobs` otherwise.
    public static func blobs(count: Int = 100, centers: Int = 3, features: Int = 2, box: ClosedRange<Double> = -10...10,
                             std: Double = 1, shuffle: Bool = true, using rng: inout RandomGenerator) throws -> Dataset {
        try check(centers >= 1, "blobs", "centers", .notAtLeast(1, got: centers))
        try check(features >= 1, "blobs", "features", .notAtLeast(1, got: features))
        try check(box.lowerBound.isFinite && box.upperBound.isFinite, "blobs", "box", .notFinite)
        let chosen = try Tensor.uniform([centers, features], low: box.lowerBound, high: box.upperBound, using: &rng)
        return try blobs(count: count, centers: chosen, std: std, shuffle: shuffle, using: &rng)
    }

    /// Throws `TensorError.argument(op, name, problem)` unless `condition` holds.
    static func check(_ condition: Bool, _ op: String, _ name: String, _ problem: @autoclosure () -> TensorError.Problem) throws {
        guard condition else { throw TensorError.argument(op: op, name: name, problem: problem()) }
    }

    static func checkNoise(_ noise: Double, _ op: String) throws {
        try check(noise >= 0 && noise.isFinite, op, "noise", .notFiniteNonNegative(noise))
    }
}
