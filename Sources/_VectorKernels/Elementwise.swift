// The engine's elementwise loops, as plain functions over pointers. One source, built three
// times (the targets _VectorKernels, _VectorKernelsAVX2 and _VectorKernelsAVX512 share these
// files by symlinks): for the default target (SSE2 on x86-64: 2 doubles a vector), for
// Haswell (AVX2: 4) and for Skylake-SP (AVX-512); `VectorKernels` in TensorEngine picks one
// at start-up, as it does the GEMM micro-kernel.
//
// Implementation goals, in order: 1. every variant gives the same bits as the others and
// as the plain loops they replace: each element is computed by the same expression, in the
// same order — no fused multiply-add (these targets do not define LECTERN_FMA, and Swift
// never contracts `a * b + c` by itself), no reassociated sum; 2. speed, from the wider
// vectors the compiler's loop vectoriser uses for each target.
//
// Broadcasting strides: an operand's stride is 1 (one value per element) or 0 (one value
// for all); any other stride takes a plain strided loop.
// NOTE: index with `&+` and `&*` where a product could (in principle) overflow: with the
// checked operators the traps stay inside the loop and keep it from vectorising.

/// out[i] = f(x[i·sx], y[i·sy]) for i in 0..<n, one loop per usual pair of strides.
@inline(__always)
func zipLoop(_ n: Int, _ out: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Double>, _ sx: Int,
             _ y: UnsafePointer<Double>, _ sy: Int, _ f: (Double, Double) -> Double) {
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

/// out[i] = x[i·sx] + y[i·sy], i in 0..<n (strides 1 or 0; see the file's header).
public func add(_ n: Int, _ out: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Double>, _ sx: Int,
                _ y: UnsafePointer<Double>, _ sy: Int) {
    zipLoop(n, out, x, sx, y, sy) { $0 + $1 }
}

/// out[i] = x[i·sx] − y[i·sy].
public func subtract(_ n: Int, _ out: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Double>, _ sx: Int,
                     _ y: UnsafePointer<Double>, _ sy: Int) {
    zipLoop(n, out, x, sx, y, sy) { $0 - $1 }
}

/// out[i] = x[i·sx] · y[i·sy].
public func multiply(_ n: Int, _ out: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Double>, _ sx: Int,
                     _ y: UnsafePointer<Double>, _ sy: Int) {
    zipLoop(n, out, x, sx, y, sy) { $0 * $1 }
}

/// out[i] = x[i·sx] / y[i·sy] (IEEE division: x / 0 is ±inf, 0 / 0 nan).
public func divide(_ n: Int, _ out: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Double>, _ sx: Int,
                   _ y: UnsafePointer<Double>, _ sy: Int) {
    zipLoop(n, out, x, sx, y, sy) { $0 / $1 }
}

/// out[i] = g[i·sg] where x[i·sx] > 0, else 0: relu's backward pass (the mask is x > 0, so
/// x = 0 and nan pass nothing).
public func passWherePositive(_ n: Int, _ out: UnsafeMutablePointer<Double>, _ g: UnsafePointer<Double>, _ sg: Int,
                              _ x: UnsafePointer<Double>, _ sx: Int) {
    zipLoop(n, out, g, sg, x, sx) { $1 > 0 ? $0 : 0 }
}

/// out[i] = max(x[i], 0), nan staying nan: `x <= 0 ? 0 : x` (false for nan), a select.
public func relu(_ n: Int, _ out: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Double>) {
    for i in 0..<n { out[i] = x[i] <= 0 ? 0 : x[i] }
}

/// out[i] = −x[i].
public func negate(_ n: Int, _ out: UnsafeMutablePointer<Double>, _ x: UnsafePointer<Double>) {
    for i in 0..<n { out[i] = -x[i] }
}

/// dst[i] = (…((dst[i] + src[i]) + src[width + i]) + …) + src[(rows − 1)·width + i] for i in
/// 0..<width: the column sums of a row-major (rows, width) block added to `dst`, each column
/// in row order (the sum over axis 0 of (N, F): a bias gradient). Columns go side by side in
/// the vector lanes; no column's sum is reordered.
public func addRows(_ rows: Int, _ width: Int, _ src: UnsafePointer<Double>, into dst: UnsafeMutablePointer<Double>) {
    var r = 0
    // Four rows at a time into one register per column (still r, r + 1, r + 2, r + 3 in order):
    // a quarter of the loads and stores of `dst`.
    while r + 4 <= rows {
        let row = src + r &* width
        for i in 0..<width {
            var total = dst[i]
            total = total + row[i]
            total = total + row[width &+ i]
            total = total + row[2 &* width &+ i]
            total = total + row[3 &* width &+ i]
            dst[i] = total
        }
        r += 4
    }
    while r < rows {
        let row = src + r &* width
        for i in 0..<width { dst[i] = dst[i] + row[i] }
        r += 1
    }
}
