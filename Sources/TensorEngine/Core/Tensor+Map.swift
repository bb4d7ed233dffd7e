/// The two loops every elementwise operation is built on: `map` (one tensor) and
/// `zip` (two tensors, NumPy broadcasting). Both are `@inline(__always)` so that each
/// operation gets its own specialised, vectorisable loop rather than a closure call per element.
extension Tensor {
    /// A tensor of the same shape with `f` applied to every element.
    @inline(__always)
    public func map(_ f: (Double) -> Double) -> Tensor {
        Tensor(unchecked: shape) { out in
            scalars.withUnsafeBufferPointer { x in
                for i in 0..<x.count { out[i] = f(x[i]) }
            }
        }
    }

    /// `f(a, b)` elementwise after broadcasting `a` and `b` to a common shape.
    /// `op` names the operation in the error message (`+`, `maximum`, ...).
    /// - Throws: `TensorError.broadcast` when the shapes are incompatible.
    /// - Complexity: O(result count).
    @inline(__always)
    public static func zip(_ a: Tensor, _ b: Tensor, op: String, _ f: (Double, Double) -> Double) throws -> Tensor {
        if a.shape == b.shape {
            return Tensor(unchecked: a.shape) { out in
                a.scalars.withUnsafeBufferPointer { x in
                    b.scalars.withUnsafeBufferPointer { y in
                        for i in 0..<out.count { out[i] = f(x[i], y[i]) }
                    }
                }
            }
        }
        let shape = try Shape.broadcast(a.shape, b.shape, op: op)
        if b.count == 1 { let y = b.scalars[0]; return a.map { f($0, y) }.withShape(shape) }
        if a.count == 1 { let x = a.scalars[0]; return b.map { f(x, $0) }.withShape(shape) }
        return broadcastZip(a, b, shape: shape, f)
    }

    /// The general case of `zip`: walks the result in row-major order with an odometer over
    /// all but the last dimension, reading each operand through strides that are 0 along the
    /// dimensions it is broadcast over.
    @inline(__always)
    private static func broadcastZip(_ a: Tensor, _ b: Tensor, shape: [Int],
                                     _ f: (Double, Double) -> Double) -> Tensor {
        let sa = Shape.broadcastStrides(a.shape, to: shape)
        let sb = Shape.broadcastStrides(b.shape, to: shape)
        let inner = shape.last ?? 1, ia = sa.last ?? 0, ib = sb.last ?? 0
        return Tensor(unchecked: shape) { out in
            guard out.count > 0 else { return }
            a.scalars.withUnsafeBufferPointer { x in
                b.scalars.withUnsafeBufferPointer { y in
                    var index = [Int](repeating: 0, count: Swift.max(shape.count - 1, 0))
                    var offA = 0, offB = 0, o = 0
                    while o < out.count {
                        switch (ia, ib) {
                        case (1, 0):
                            let v = y[offB]
                            for i in 0..<inner { out[o + i] = f(x[offA + i], v) }
                        case (0, 1):
                            let v = x[offA]
                            for i in 0..<inner { out[o + i] = f(v, y[offB + i]) }
                        default:
                            for i in 0..<inner { out[o + i] = f(x[offA + i * ia], y[offB + i * ib]) }
                        }
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
}
