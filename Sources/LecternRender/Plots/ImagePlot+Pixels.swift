/// A single image drawn with real pixels by a terminal image protocol: the title and the
/// scale stay text, the image is one escape sequence over the cells the half-block picture
/// would take. Grids stay characters (their labels must line up with the tiles).
extension ImagePlot {
    /// Colour levels of the palette: 256 for PNG (kitty, iTerm2); 16 for Sixel, the colour
    /// registers of a VT340 (`xterm -ti vt340`).
    static func levels(_ graphics: ImageProtocol) -> Int { graphics == .sixel ? 16 : 256 }

    /// Screen pixels per cell column assumed for Sixel, which draws pixels, not cells: xterm's
    /// default font is 6 x 13. Sixel images are at most 1000 pixels across (xterm's default
    /// `maxGraphicSize`; it drops larger ones).
    static let sixelCellWidth = 6, sixelMaxWidth = 1000

    /// The figure as text with the image as `graphics` escapes, or nil when it is a grid.
    func renderPixels(width: Int, height: Int?, graphics: ImageProtocol, colour: ColourMode) -> String? {
        guard images.count == 1, labels.isEmpty, graphics != .none else { return nil }
        let blocks = Canvas(kind: .blocks, colour: .trueColour)  // square pixels, one column wide
        let box = singleBox(width: width, height: height, canvas: blocks)
        let cellImage = Self.fitted(images[0], maxWidth: box.width, maxHeight: box.height, canvas: blocks)
        let columns = cellImage.width, rows = (cellImage.height + 1) / 2
        var lines: [String] = []
        if let title { lines.append(String(repeating: " ", count: max((max(columns, title.count) - title.count) / 2, 0)) + title) }
        lines.append(ImageEscapes.encode(pixelImage(columns: columns, graphics), graphics, columns: columns, rows: rows))
        lines.append("")
        lines.append(scaleBar(width: min(max(columns, 24), width), canvas: Canvas(kind: .blocks, colour: colour)).render(colour))
        return lines.joined(separator: "\n")
    }

    /// The image at a size for `graphics`: for Sixel about `sixelCellWidth` pixels per column (at most `sixelMaxWidth`);
    /// for PNG the image itself, grown by a whole factor to at least 256 pixels across (so the
    /// terminal's scaling keeps pixels sharp). Each pixel its level on the scale.
    func pixelImage(columns: Int, _ graphics: ImageProtocol) -> PixelImage {
        let image = images[0], scale = scales[0]
        let target = graphics == .sixel ? min(columns * Self.sixelCellWidth, Self.sixelMaxWidth) : max(256, image.width)
        let sized: Image
        if target >= image.width {
            let factor = max(target / image.width, 1)
            sized = image.resampled(height: image.height * factor, width: image.width * factor)
        } else {
            sized = image.resampled(height: max(image.height * target / image.width, 1), width: target,
                                    pooling: poolings[0])
        }
        let levels = Self.levels(graphics)
        let palette = (0..<levels).map { scale.map.colour(Double($0) / Double(levels - 1)) }
        let indices = sized.values.map { min(Int(scale.position($0) * Double(levels)), levels - 1) }
        return PixelImage(width: sized.width, height: sized.height, indices: indices, palette: palette)
    }
}
