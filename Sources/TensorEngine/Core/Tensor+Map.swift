/// The two loops every elementwise operation is built on: `map` (one tensor) and
/// `zip` (two tensors, NumPy broadcasting). They are generic over the function applied
/// (`UnaryFunction`, `BinaryFunction`), so each operation gets its own vectorisable loop;
/// the closure-taking forms are for one-off uses.
extension Tensor {
    /// A tensor of the same shape with `f` applied to every element.
    @inline(__always)
    public func map<F: UnaryFunction>(_ f: F) -> Tensor {
        Tensor(unchecked: shape) { out in
            scalars.withUnsafeBufferPointer { x in
                if let v = f as? any VectorizedUnary, x.count > 0 { return v.apply(x.count, out.baseAddress!, x.baseAddress!) }
                for i in 0..<x.count { out[i] = f(x[i]) }
            }
        }
    }

    /// `f(a, b)` elementwise after broadcasting `a` and `b` to a common shape.
    /// `op` names the operation in the error message (`+`, `maximum`, ...).
    /// - Throws: `TensorError.broadcast` when the shapes are incompatible.
    /// - Complexity: O(result count).
    @inline(__always)
    public static func zip<F: BinaryFunction>(_ a: Tensor, _ b: Tensor, op: String, _ f: F) throws -> Tensor {
        if a.shape == b.shape {
            return Tensor(unchecked: a.shape) { out in
                a.scalars.withUnsafeBufferPointer { x in
                    b.scalars.withUnsafeBufferPointer { y in
                        if let v = f as? any VectorizedBinary, out.count > 0 {
                            return v.apply(out.count, out.baseAddress!, x.baseAddress!, 1, y.baseAddress!, 1)
                        }
                        for i in 0..<out.count { out[i] = f(x[i], y[i]) }
                    }
                }
            }
        }
        let shape = try Shape.broadcast(a.shape, b.shape, op: op)
        if b.count == 1 { return a.map(BindSecond(f: f, y: b.scalars[0])).withShape(shape) }
        if a.count == 1 { return b.map(BindFirst(f: f, x: a.scalars[0])).withShape(shape) }
        return try broadcastZip(a, b, shape: shape, f)
    }

    /// The general case of `zip`: walks the result in row-major order with an odometer over
    /// all but the last dimension, reading each operand through strides that are 0 along the
    /// dimensions it is broadcast over. The result may be larger than both operands
    /// (`[N, 1]` with `[1, N]`), so it goes through the allocation funnel.
    @inline(__always)
    private static func broadcastZip<F: BinaryFunction>(_ a: Tensor, _ b: Tensor, shape: [Int], _ f: F) throws(TensorError) -> Tensor {
        let sa = Shape.broadcastStrides(a.shape, to: shape)
        let sb = Shape.broadcastStrides(b.shape, to: shape)
        let inner = shape.last ?? 1, ia = sa.last ?? 0, ib = sb.last ?? 0
        return try Tensor(allocating: shape) { out in
            guard out.count > 0 else { return }
            a.scalars.withUnsafeBufferPointer { x in
                b.scalars.withUnsafeBufferPointer { y in
                    var index = [Int](repeating: 0, count: Swift.max(shape.count - 1, 0))
                    var offA = 0, offB = 0, o = 0
                    while o < out.count {
                        zipRow(f, inner, out.baseAddress! + o, x.baseAddress! + offA, ia, y.baseAddress! + offB, ib)
                        o += inner
                        // Advance the odometer over the outer dimensions.
                        var d = index.count - 1
                        while d >= 0 {
                            index[d] += 1
                            offA += sa[d]
                            offB += sb[d]
                            if index[d] < shape[d] { break }
                            offA -= sa[d] * shape[d]
                            offB -= sb[d] * shape[d]
                            index[d] = 0
                            d -= 1
                        }
                    }
                }
            }
        }
    }

    /// `map` with a closure: `x.map { $0 * $0 + 1 }`. Slower than a function type.
    public func map(_ f: (Double) -> Double) -> Tensor {
        withoutActuallyEscaping(f) { map(UnaryClosure($0)) }
    }

    /// `zip` with a closure. Slower than a function type.
    public static func zip(_ a: Tensor, _ b: Tensor, op: String, _ f: (Double, Double) -> Double) throws -> Tensor {
        try withoutActuallyEscaping(f) { try zip(a, b, op: op, BinaryClosure($0)) }
    }
}

/// out[i] = f(x[i·sx], y[i·sy]) for i in 0..<n. The usual strides (1, or 0 for a broadcast
/// operand) get loops of their own, which the compiler vectorises; the functions of
/// `VectorKernels` run the chosen variant's loop for rows of `VectorKernels.shortestRow` or
/// more (a call per row of 3 — a bias of 3 classes added to each row — costs more than the
/// adds). Every path computes the same `f(x, y)`, so the result does not depend on the row length.
@inline(__always)
private func zipRow<F: BinaryFunction>(_ f: F, _ n: Int, _ out: UnsafeMutablePointer<Double>,
                                       _ x: UnsafePointer<Double>, _ sx: Int, _ y: UnsafePointer<Double>, _ sy: Int) {
    if n >= VectorKernels.shortestRow, let v = f as? any VectorizedBinary { return v.apply(n, out, x, sx, y, sy) }
    switch (sx, sy) {
    case (1, 1):
        for i in 0..<n { out[i] = f(x[i], y[i]) }
    case (1, 0):
        let v = y[0]
        for i in 0..<n { out[i] = f(x[i], v) }
    case (0, 1):
        let v = x[0]
        for i in 0..<n { out[i] = f(v, y[i]) }
    default:
        for i in 0..<n { out[i] = f(x[i &* sx], y[i &* sy]) }
    }
}
