import _GEMMKernel

/// The B operand of one image's convolution product, Y_n = W·X̂_n, packed straight from the
/// image into the panels `gemm` multiplies (the layout of `packBlockB`), without writing the
/// patch matrix X̂_n = im2col(x_n) (C·KH·KW, OH·OW) first and then copying it again.
///
/// The image is first copied into a buffer with its zero border, (C, Hp, Wp) with
/// Hp = H + 2p and Wp = W + 2p. Then every entry of X̂_n is one load, with no test for the padding:
///
///     X̂_n[(c, u, v), (i, j)] = padded[tap(c, u, v) + position(i, j)]
///     tap(c, u, v) = c·Hp·Wp + u·d·Wp + v·d,    position(i, j) = i·s·Wp + j·s
///
/// A panel covers 8 consecutive output positions. At stride 1 the positions of one output row
/// are consecutive in memory, so a panel's row for one tap is one 8-wide load; where the panel
/// runs on into the next output row, it is two loads (the second one `Wp − OW` further on) and a
/// blend. The other panels (a stride above 1, outputs narrower than a panel, the last, partial
/// panel) are loaded number by number. A copy is a copy: the panels hold exactly the numbers
/// `packBlockB` makes of X̂_n, so the product is the same bit for bit.
struct PatchPanels {
    /// How one panel's 8 numbers are read for a tap at `source = padded + tap`: lanes
    /// 0..<split from `source + first + lane`, the rest from `source + second + lane`
    /// (split = 8: one load). split = 0: lane by lane through `positions`.
    struct Panel {
        var first: Int, second: Int, split: Int
    }

    let paddedHeight: Int, paddedWidth: Int
    /// Doubles in the padded image: C·Hp·Wp.
    let paddedCount: Int
    /// tap(c, u, v) for each row (c, u, v) of X̂, in row order.
    let taps: [Int]
    /// position(i, j) for each column (i, j) of X̂, in column order.
    let positions: [Int]
    let panels: [Panel]
    let g: ConvGeometry

    /// nil when the padded image would be much larger than the image (a padding far wider than
    /// the filter): the caller then builds X̂ with `im2colImage`.
    init?(_ g: ConvGeometry) {
        let (hp, hOverflow) = g.height.addingReportingOverflow(2 * Swift.min(g.padding, Shape.maxElements))
        let (wp, wOverflow) = g.width.addingReportingOverflow(2 * Swift.min(g.padding, Shape.maxElements))
        guard !hOverflow, !wOverflow, g.outPositions > 0, g.patchSize > 0 else { return nil }
        let (plane, planeOverflow) = hp.multipliedReportingOverflow(by: wp)
        let (count, countOverflow) = plane.multipliedReportingOverflow(by: g.channels)
        guard !planeOverflow, !countOverflow, count <= 4 * g.channels * g.height * g.width + 4096 else { return nil }
        (self.g, paddedHeight, paddedWidth, paddedCount) = (g, hp, wp, count)
        var taps: [Int] = []
        taps.reserveCapacity(g.patchSize)
        for c in 0..<g.channels {
            for u in 0..<g.kernelHeight {
                for v in 0..<g.kernelWidth { taps.append(c * plane + u * g.dilation * wp + v * g.dilation) }
            }
        }
        var positions: [Int] = []
        positions.reserveCapacity(g.outPositions)
        for i in 0..<g.outHeight {
            for j in 0..<g.outWidth { positions.append(i * g.stride * wp + j * g.stride) }
        }
        let width = MicroTile.columns
        self.panels = stride(from: 0, to: positions.count, by: width).map { start in
            Self.panel(Array(positions[start..<Swift.min(positions.count, start + width)]))
        }
        (self.taps, self.positions) = (taps, positions)
    }

    /// The way to read a panel whose lanes are at `offsets` (fewer than 8 for the last panel).
    private static func panel(_ offsets: [Int]) -> Panel {
        let width = MicroTile.columns, scalar = Panel(first: 0, second: 0, split: 0)
        guard offsets.count == width else { return scalar }
        var split = 1
        while split < width && offsets[split] == offsets[0] + split { split += 1 }
        if split == width { return Panel(first: offsets[0], second: offsets[0], split: width) }
        // The second run must be contiguous too, and lie beyond the first, so that both loads
        // stay between the panel's first and last offsets (inside the padded image).
        let second = offsets[split] - split
        guard second > offsets[0], (split..<width).allSatisfy({ offsets[$0] == second + $0 }) else { return scalar }
        return Panel(first: offsets[0], second: second, split: split)
    }

    /// Copies the image (C, H, W) into `padded` (`paddedCount` doubles) with its zero border.
    func fillPadded(_ image: UnsafePointer<Double>, into padded: UnsafeMutablePointer<Double>) {
        padded.update(repeating: 0, count: paddedCount)
        let plane = paddedHeight * paddedWidth
        for c in 0..<g.channels {
            for y in 0..<g.height {
                ShortRows.copy(image + (c * g.height + y) * g.width,
                               to: padded + c * plane + (y + g.padding) * paddedWidth + g.padding, count: g.width)
            }
        }
    }

    /// A `BlockPackerB` for `gemmPacked`: the panels `range` of the block of X̂ at rows
    /// `pc..<pc+kc`, columns `jc..<jc+nc`, read from `padded` (filled by `fillPadded`).
    func pack(_ padded: UnsafePointer<Double>, pc: Int, kc: Int, jc: Int, nc: Int, panels range: Range<Int>,
              into packed: UnsafeMutablePointer<Double>) {
        let width = MicroTile.columns
        taps.withUnsafeBufferPointer { taps in
            positions.withUnsafeBufferPointer { positions in
                for q in range {
                    let start = jc + q * width, panel = panels[start / width]
                    let columns = Swift.min(width, jc + nc - start)
                    if panel.split > 0 && columns == width {
                        VectorKernels.chosen.packPatchPanel(padded, taps.baseAddress! + pc, kc, panel.first, panel.second,
                                                            panel.split, packed + q * kc * width)
                    } else {
                        let lane = packed + q * kc * width
                        for p in 0..<kc {
                            let source = padded + taps[pc + p]
                            for l in 0..<width { lane[p * width + l] = l < columns ? source[positions[start + l]] : 0 }
                        }
                    }
                }
            }
        }
    }

    /// The same numbers for the weight gradient's product dW = dY_n·X̂_nᵀ, whose B is X̂_nᵀ
    /// (OH·OW, C·KH·KW): a `BlockPackerB` for the panels `range` of its block at rows (output
    /// positions) `pc..<pc+kc`, columns (taps) `jc..<jc+nc`. A panel is 8 taps; row p of it
    /// holds their 8 numbers at position pc + p, each one load (the taps are not evenly spaced).
    func packTransposed(_ padded: UnsafePointer<Double>, pc: Int, kc: Int, jc: Int, nc: Int, panels range: Range<Int>,
                        into packed: UnsafeMutablePointer<Double>) {
        let width = MicroTile.columns
        positions.withUnsafeBufferPointer { positions in
            for q in range {
                let start = jc + q * width, columns = Swift.min(width, jc + nc - start)
                let out = packed + q * kc * width
                guard columns == width else {
                    for p in 0..<kc {
                        let source = padded + positions[pc + p]
                        for l in 0..<width { out[p * width + l] = l < columns ? source[taps[start + l]] : 0 }
                    }
                    continue
                }
                let (t0, t1, t2, t3) = (padded + taps[start], padded + taps[start + 1], padded + taps[start + 2],
                                        padded + taps[start + 3])
                let (t4, t5, t6, t7) = (padded + taps[start + 4], padded + taps[start + 5], padded + taps[start + 6],
                                        padded + taps[start + 7])
                var row = out
                for p in pc..<(pc + kc) {
                    let at = positions[p]
                    row[0] = t0[at]; row[1] = t1[at]; row[2] = t2[at]; row[3] = t3[at]
                    row[4] = t4[at]; row[5] = t5[at]; row[6] = t6[at]; row[7] = t7[at]
                    row += width
                }
            }
        }
    }

    /// X̂_n itself, row (c, u, v) at `cols + ((c·KH + u)·KW + v)·ld`, as `im2colImage` writes it,
    /// from `padded`: each output row of a tap is one copy of OW numbers (at stride 1), with no
    /// test for the padding.
    func writeMatrix(_ padded: UnsafePointer<Double>, into cols: UnsafeMutablePointer<Double>, ld: Int) {
        let (outHeight, outWidth) = (g.outHeight, g.outWidth)
        taps.withUnsafeBufferPointer { taps in
            positions.withUnsafeBufferPointer { positions in
                for (p, tap) in taps.enumerated() {
                    let source = padded + tap, row = cols + p * ld
                    guard g.stride == 1 else {
                        for j in 0..<positions.count { row[j] = source[positions[j]] }
                        continue
                    }
                    for i in 0..<outHeight {
                        ShortRows.copy(source + i * paddedWidth, to: row + i * outWidth, count: outWidth)
                    }
                }
            }
        }
    }
}
