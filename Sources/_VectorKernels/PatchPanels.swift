// One panel of a convolution's patch matrix, packed for the GEMM micro-kernel straight from a
// zero-bordered copy of the image (`PatchPanels` in TensorEngine says how the offsets come
// about). A copy: every variant writes the same numbers; the wide ones move a panel's row of
// 8 in one or two vector loads and one store.

/// For each p in 0..<kc: out[8p ..< 8p+8] = the 8 numbers at `padded + taps[p]`: lanes
/// 0..<split from offset `first`, the rest from offset `second` (split = 8: all from `first`).
public func packPatchPanel(_ padded: UnsafePointer<Double>, taps: UnsafePointer<Int>, count kc: Int, first: Int,
                           second: Int, split: Int, into out: UnsafeMutablePointer<Double>) {
    var target = UnsafeMutableRawPointer(out)
    let stride = 8 &* MemoryLayout<Double>.stride
    if split >= 8 {
        for p in 0..<kc {
            let source = UnsafeRawPointer(padded + (taps[p] &+ first))
            target.storeBytes(of: source.loadUnaligned(as: SIMD8<Double>.self), as: SIMD8<Double>.self)
            target += stride
        }
        return
    }
    let fromFirst = SIMD8<Int64>(0, 1, 2, 3, 4, 5, 6, 7) .< SIMD8(repeating: Int64(split))
    for p in 0..<kc {
        let source = padded + taps[p]
        let a = UnsafeRawPointer(source + first).loadUnaligned(as: SIMD8<Double>.self)
        let b = UnsafeRawPointer(source + second).loadUnaligned(as: SIMD8<Double>.self)
        target.storeBytes(of: b.replacing(with: a, where: fromFirst), as: SIMD8<Double>.self)
        target += stride
    }
}
