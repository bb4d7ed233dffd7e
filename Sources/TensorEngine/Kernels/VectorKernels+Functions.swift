/// The function types (`Fn.Add`, `Fn.Relu`, ...) that have a loop in `VectorKernels`: `map`,
/// `zip` and the broadcast rows of `zip` hand a whole buffer to `apply` instead of running
/// their own loop. In a specialised loop the test `f as? any VectorizedBinary` is decided at
/// compile time.
protocol VectorizedUnary: UnaryFunction {
    /// out[i] = self(x[i]) for i in 0..<n, n ≥ 1.
    func apply(_ n: Int, _ out: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Double>)
}

/// See `VectorizedUnary`.
protocol VectorizedBinary: BinaryFunction {
    /// out[i] = self(x[i·sx], y[i·sy]) for i in 0..<n, n ≥ 1.
    func apply(_ n: Int, _ out: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Double>, _ sx: Int,
               _ y: UnsafePointer<Double>, _ sy: Int)
}

extension Fn.Add: VectorizedBinary {
    func apply(_ n: Int, _ out: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Double>, _ sx: Int,
               _ y: UnsafePointer<Double>, _ sy: Int) { VectorKernels.chosen.add(n, out, x, sx, y, sy) }
}

extension Fn.Subtract: VectorizedBinary {
    func apply(_ n: Int, _ out: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Double>, _ sx: Int,
               _ y: UnsafePointer<Double>, _ sy: Int) { VectorKernels.chosen.subtract(n, out, x, sx, y, sy) }
}

extension Fn.Multiply: VectorizedBinary {
    func apply(_ n: Int, _ out: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Double>, _ sx: Int,
               _ y: UnsafePointer<Double>, _ sy: Int) { VectorKernels.chosen.multiply(n, out, x, sx, y, sy) }
}

extension Fn.Divide: VectorizedBinary {
    func apply(_ n: Int, _ out: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Double>, _ sx: Int,
               _ y: UnsafePointer<Double>, _ sy: Int) { VectorKernels.chosen.divide(n, out, x, sx, y, sy) }
}

// NOTE: relu's backward rule is declared in Ops/Tensor+Elementwise.swift; if it moves
// or is renamed, move this conformance with it.
extension PassWherePositive: VectorizedBinary {
    func apply(_ n: Int, _ out: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Double>, _ sx: Int,
               _ y: UnsafePointer<Double>, _ sy: Int) { VectorKernels.chosen.passWherePositive(n, out, x, sx, y, sy) }
}

extension Fn.Relu: VectorizedUnary {
    func apply(_ n: Int, _ out: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Double>) { VectorKernels.chosen.relu(n, out, x) }
}

extension Fn.Exp: VectorizedUnary {
    func apply(_ n: Int, _ out: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Double>) { VectorKernels.chosen.exp(n, out, x) }
}

extension Fn.Negate: VectorizedUnary {
    func apply(_ n: Int, _ out: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Double>) { VectorKernels.chosen.negate(n, out, x) }
}

/// x ∘ c for a number c: the binary loop with a stride of 0 for c.
extension BindSecond: VectorizedUnary where F: VectorizedBinary {
    func apply(_ n: Int, _ out: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Double>) {
        withUnsafePointer(to: y) { f.apply(n, out, x, 1, $0, 0) }
    }
}

/// c ∘ y for a number c.
extension BindFirst: VectorizedUnary where F: VectorizedBinary {
    func apply(_ n: Int, _ out: UnsafeMutablePointer<Double>, _ y: UnsafePointer<Double>) {
        withUnsafePointer(to: x) { f.apply(n, out, $0, 0, y, 1) }
    }
}
