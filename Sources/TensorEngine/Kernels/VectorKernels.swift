import _VectorKernels
import _VectorKernelsAVX2
import _VectorKernelsAVX512

/// The elementwise, broadcast, column-sum, optimiser, max-pooling, patch-packing and batch-norm loops
/// (Sources/_VectorKernels), in the build the CPU runs best: the one for AVX-512, for AVX2,
/// or for the default target — the same variant `GEMMKernel.chosen` picks, so
/// `LECTERN_KERNEL=generic|avx2|avx512` forces both. Every variant gives the same bits (the
/// kernels' header says why); only the speed differs.
///
/// `VectorKernels.chosen` is a table of the variant's functions, looked up once; the call
/// sites pass pointers and lengths (`VectorKernels.chosen.add(n, out, x, 1, y, 1)`).
struct VectorKernels: Sendable {
    typealias Binary = @Sendable (Int, UnsafeMutablePointer<Double>, UnsafePointer<Double>, Int, UnsafePointer<Double>, Int) -> Void
    typealias Unary = @Sendable (Int, UnsafeMutablePointer<Double>, UnsafePointer<Double>) -> Void
    typealias Pointer = UnsafePointer<Double>
    typealias Mutable = UnsafeMutablePointer<Double>

    let add, subtract, multiply, divide, passWherePositive: Binary
    let relu, negate, exp: Unary
    /// (rows, width, src, dst): dst[i] += Σ_r src[r, i], r in order.
    let addRows: @Sendable (Int, Int, Pointer, Mutable) -> Void
    let sgd: @Sendable (Int, Mutable, Pointer, Pointer, Double, Double) -> Void
    let momentum: @Sendable (Int, Mutable, Pointer, Pointer, Mutable, Double, Double, Double) -> Void
    let adam: @Sendable (Int, Mutable, Pointer, Pointer, Mutable, Mutable, Pointer) -> Void
    /// (pixels, width, outHeight, outWidth, out).
    let maxPoolForward: @Sendable (Pointer, Int, Int, Int, Mutable) -> Void
    /// (pixels, height, width, outHeight, outWidth, dy, dx).
    let maxPoolBackward: @Sendable (Pointer, Int, Int, Int, Int, Pointer, Mutable) -> Void
    /// (padded, taps, kc, first, second, split, out): one panel of `PatchPanels`.
    let packPatchPanel: @Sendable (Pointer, UnsafePointer<Int>, Int, Int, Int, Int, Mutable) -> Void
    let batchNormAddValues: @Sendable (Pointer, Int, Int, Int, Mutable) -> Void
    let batchNormAddSquares: @Sendable (Pointer, Int, Int, Int, Pointer, Mutable) -> Void
    let batchNormNormalize: @Sendable (Pointer, Int, Int, Int, Pointer, Pointer, Pointer, Pointer, Mutable) -> Void
    let batchNormAddGradients: @Sendable (Pointer, Pointer, Int, Int, Int, Pointer, Pointer, Mutable, Mutable) -> Void
    let batchNormInputGradient: @Sendable (Pointer, Pointer, Int, Int, Int, Pointer, Pointer, Pointer, Pointer, Pointer, Mutable) -> Void

    /// The chosen variant's functions.
    static let chosen = VectorKernels(GEMMKernel.chosen)

    /// Rows shorter than this (a broadcast's rows) take the inline loop rather than a call.
    static let shortestRow = 16

    /// The variants this CPU can run (`generic` always): the tests compare each with `generic`.
    static var available: [GEMMKernel.Variant] { (0...GEMMKernel.best.rawValue).map { GEMMKernel.Variant(rawValue: $0)! } }

    /// The functions of `variant`. Only call those of a variant the CPU has (see `available`).
    init(_ variant: GEMMKernel.Variant) {
        switch variant {
        case .generic:
            (add, subtract, multiply, divide) = (_VectorKernels.add, _VectorKernels.subtract, _VectorKernels.multiply, _VectorKernels.divide)
            (passWherePositive, relu, negate, addRows) = (_VectorKernels.passWherePositive, _VectorKernels.relu, _VectorKernels.negate, _VectorKernels.addRows)
            (sgd, momentum, adam) = (_VectorKernels.sgd, _VectorKernels.momentum, _VectorKernels.adam)
            (maxPoolForward, maxPoolBackward) = (_VectorKernels.maxPool2x2Forward, _VectorKernels.maxPool2x2Backward)
            (packPatchPanel, exp) = (_VectorKernels.packPatchPanel, _VectorKernels.exp)
            (batchNormAddValues, batchNormAddSquares, batchNormNormalize) =
                (_VectorKernels.batchNormAddValues, _VectorKernels.batchNormAddSquares, _VectorKernels.batchNormNormalize)
            (batchNormAddGradients, batchNormInputGradient) = (_VectorKernels.batchNormAddGradients, _VectorKernels.batchNormInputGradient)
        case .avx2:
            (add, subtract, multiply, divide) = (_VectorKernelsAVX2.add, _VectorKernelsAVX2.subtract, _VectorKernelsAVX2.multiply, _VectorKernelsAVX2.divide)
            (passWherePositive, relu, negate, addRows) = (_VectorKernelsAVX2.passWherePositive, _VectorKernelsAVX2.relu, _VectorKernelsAVX2.negate, _VectorKernelsAVX2.addRows)
            (sgd, momentum, adam) = (_VectorKernelsAVX2.sgd, _VectorKernelsAVX2.momentum, _VectorKernelsAVX2.adam)
            (maxPoolForward, maxPoolBackward) = (_VectorKernelsAVX2.maxPool2x2Forward, _VectorKernelsAVX2.maxPool2x2Backward)
            (packPatchPanel, exp) = (_VectorKernelsAVX2.packPatchPanel, _VectorKernelsAVX2.exp)
            (batchNormAddValues, batchNormAddSquares, batchNormNormalize) =
                (_VectorKernelsAVX2.batchNormAddValues, _VectorKernelsAVX2.batchNormAddSquares, _VectorKernelsAVX2.batchNormNormalize)
            (batchNormAddGradients, batchNormInputGradient) = (_VectorKernelsAVX2.batchNormAddGradients, _VectorKernelsAVX2.batchNormInputGradient)
        case .avx512:
            (add, subtract, multiply, divide) = (_VectorKernelsAVX512.add, _VectorKernelsAVX512.subtract, _VectorKernelsAVX512.multiply, _VectorKernelsAVX512.divide)
            (passWherePositive, relu, negate, addRows) = (_VectorKernelsAVX512.passWherePositive, _VectorKernelsAVX512.relu, _VectorKernelsAVX512.negate, _VectorKernelsAVX512.addRows)
            (sgd, momentum, adam) = (_VectorKernelsAVX512.sgd, _VectorKernelsAVX512.momentum, _VectorKernelsAVX512.adam)
            (maxPoolForward, maxPoolBackward) = (_VectorKernelsAVX512.maxPool2x2Forward, _VectorKernelsAVX512.maxPool2x2Backward)
            (packPatchPanel, exp) = (_VectorKernelsAVX512.packPatchPanel, _VectorKernelsAVX512.exp)
            (batchNormAddValues, batchNormAddSquares, batchNormNormalize) =
                (_VectorKernelsAVX512.batchNormAddValues, _VectorKernelsAVX512.batchNormAddSquares, _VectorKernelsAVX512.batchNormNormalize)
            (batchNormAddGradients, batchNormInputGradient) = (_VectorKernelsAVX512.batchNormAddGradients, _VectorKernelsAVX512.batchNormInputGradient)
        }
    }
}
