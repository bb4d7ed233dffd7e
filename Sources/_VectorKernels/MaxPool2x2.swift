// Max pooling over 2x2 windows at stride 2, one plane (H, W) at a time (`MaxPool2x2` in
// TensorEngine splits the planes among threads). For AVX2 and AVX-512 (LECTERN_WIDE_VECTORS)
// the forward loop is written with selections only — no branch on the data and no gather —
// so the loop over a row of windows vectorises (pairs of columns come as interleaved loads,
// and masked selects). The default target (SSE2: no blend, no masks) ran that form 4x
// slower than scalar code, so it keeps the scalar form: a branch-free choice of an index,
// then one load. Both pick the same pixel, so they give the same bits.

/// The winner of the window (a b / c d), as `PoolWindow.argmax` defines it: the first
/// maximum row by row (top-left, top-right, bottom-left, bottom-right), or the last nan if
/// there is one. Returns its value, and whether it is in the bottom row and in the right column.
// NOTE: `b > a || b.isNaN`, not `!(b <= a)`: the two differ when a is nan and b is not,
// and then a (the only nan) must win.
@inline(__always)
func window(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> (value: Double, bottom: Bool, right: Bool) {
    let topRight = b > a || b.isNaN, bottomRight = d > c || d.isNaN
    let top = topRight ? b : a, bottom = bottomRight ? d : c
    let isBottom = bottom > top || bottom.isNaN
    return (isBottom ? bottom : top, isBottom, isBottom ? bottomRight : topRight)
}

/// The index (0...3, row by row) of the window's winner, as `window` chooses it.
@inline(__always)
func winnerIndex(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> Int {
    if a.isNaN || b.isNaN || c.isNaN || d.isNaN { return d.isNaN ? 3 : c.isNaN ? 2 : b.isNaN ? 1 : 0 }
    let (top, topIndex) = b > a ? (b, 1) : (a, 0)
    let (bottom, bottomIndex) = d > c ? (d, 3) : (c, 2)
    return bottom > top ? bottomIndex : topIndex
}

#if LECTERN_WIDE_VECTORS
/// The winners of eight windows side by side (columns 0 ..< 16 of a pair of rows), chosen lane
/// by lane as `window` chooses.
@inline(__always)
func windows8(_ top: UnsafePointer<Double>, _ bottom: UnsafePointer<Double>) -> SIMD8<Double> {
    let upperRow = UnsafeRawPointer(top).loadUnaligned(as: SIMD16<Double>.self)
    let lowerRow = UnsafeRawPointer(bottom).loadUnaligned(as: SIMD16<Double>.self)
    let (a, b, c, d) = (upperRow.evenHalf, upperRow.oddHalf, lowerRow.evenHalf, lowerRow.oddHalf)
    let upper = a.replacing(with: b, where: (b .> a) .| (b .!= b))
    let lower = c.replacing(with: d, where: (d .> c) .| (d .!= d))
    return upper.replacing(with: lower, where: (lower .> upper) .| (lower .!= lower))
}

/// Where the winners of eight windows side by side are, as offsets from each window's top-left
/// pixel: 0, 1, `width` or `width` + 1 (`window`'s choices, as `windows8` makes them).
@inline(__always)
func winners8(_ top: UnsafePointer<Double>, _ bottom: UnsafePointer<Double>, width: Int) -> SIMD8<Int64> {
    let upperRow = UnsafeRawPointer(top).loadUnaligned(as: SIMD16<Double>.self)
    let lowerRow = UnsafeRawPointer(bottom).loadUnaligned(as: SIMD16<Double>.self)
    let (a, b, c, d) = (upperRow.evenHalf, upperRow.oddHalf, lowerRow.evenHalf, lowerRow.oddHalf)
    let topRight = (b .> a) .| (b .!= b), bottomRight = (d .> c) .| (d .!= d)
    let upper = a.replacing(with: b, where: topRight), lower = c.replacing(with: d, where: bottomRight)
    let isBottom = (lower .> upper) .| (lower .!= lower)
    var offset = SIMD8<Int64>(repeating: 0)
    offset.replace(with: 1, where: (isBottom .& bottomRight) .| (.!isBottom .& topRight))
    offset.replace(with: offset &+ Int64(width), where: isBottom)
    return offset
}
#endif

/// out (outHeight, outWidth) from one plane of `pixels` (rows `width` apart): each output the
/// winner of its window. Needs 2·outHeight rows of at least 2·outWidth pixels.
public func maxPool2x2Forward(_ pixels: UnsafePointer<Double>, width: Int, outHeight: Int, outWidth: Int,
                              into out: UnsafeMutablePointer<Double>) {
    for i in 0..<outHeight {
        let top = pixels + 2 &* i &* width, bottom = top + width, row = out + i &* outWidth
        #if LECTERN_WIDE_VECTORS
        // Rows of 8 windows or more go eight at a time, the last eight ending at the row's end
        // (they may overlap the eight before: those outputs are written twice, the same values).
        if outWidth >= 8 {
            var j = 0
            while true {
                let first = Swift.min(j, outWidth &- 8)
                UnsafeMutableRawPointer(row + first).storeBytes(of: windows8(top + 2 &* first, bottom + 2 &* first),
                                                                as: SIMD8<Double>.self)
                j &+= 8
                if j >= outWidth { break }
            }
            continue
        }
        #endif
        for j in 0..<outWidth {
            let corner = 2 &* j
            #if LECTERN_WIDE_VECTORS
            row[j] = window(top[corner], top[corner &+ 1], bottom[corner], bottom[corner &+ 1]).value
            #else
            let index = winnerIndex(top[corner], top[corner &+ 1], bottom[corner], bottom[corner &+ 1])
            // Above or below, then left or right.
            row[j] = (index < 2 ? top : bottom)[corner &+ (index & 1)]
            #endif
        }
    }
}

/// dx (height, width) for one plane: each window's upstream gradient dy[i, j] added to the
/// zero at the pixel that won it, 0 elsewhere.
// NOTE: no selections writing all four pixels of a window (interleaved stores): those took 4x
// longer than the index form (0.79 ms against 0.21 for W8's 300 planes of 28 x 28). The wide
// builds find eight winners with vectors, then add each gradient with one scalar store.
public func maxPool2x2Backward(_ pixels: UnsafePointer<Double>, height: Int, width: Int, outHeight: Int, outWidth: Int,
                               _ upstream: UnsafePointer<Double>, into dx: UnsafeMutablePointer<Double>) {
    dx.update(repeating: 0, count: height &* width)
    for i in 0..<outHeight {
        let top = 2 &* i &* width, bottom = top &+ width, dy = upstream + i &* outWidth
        #if LECTERN_WIDE_VECTORS
        // Eight windows at a time as in the forward pass; the last eight end at the row's end,
        // and only their windows not yet done add their gradient.
        if outWidth >= 8 {
            var j = 0
            while j < outWidth {
                let first = Swift.min(j, outWidth &- 8)
                let offsets = winners8(pixels + (top &+ 2 &* first), pixels + (bottom &+ 2 &* first), width: width)
                for lane in (j &- first)..<8 {
                    let column = first &+ lane
                    dx[top &+ 2 &* column &+ Int(offsets[lane])] += dy[column]
                }
                j &+= 8
            }
            continue
        }
        #endif
        for j in 0..<outWidth {
            let corner = 2 &* j
            let index = winnerIndex(pixels[top &+ corner], pixels[top &+ corner &+ 1],
                                    pixels[bottom &+ corner], pixels[bottom &+ corner &+ 1])
            // Above or below, then left or right.
            dx[(index < 2 ? top : bottom) &+ corner &+ (index & 1)] += dy[j]
        }
    }
}
