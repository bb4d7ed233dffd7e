import LecternLanguage
import TensorEngine

extension Pictures {
    /// The most images a grid shows (the first ones; the title says so).
    static let maxTiles = 64

    static let imshow = Builtin(
        "imshow", [.init("t"), .init("title", .null), .init("canvas", .string("auto")), .init("scale", .string("each")),
                   .init("size", .null), .init("protocol", .string("auto"))],
        category: .pictures,
        summary: "A tensor as an image (gray, or blue-white-red for signed values, with its scale); stacks and filter banks as a grid, each tile on its own scale unless scale=\"shared\".",
        example: "imshow(digits().x[0, 0])",
        shapes: "t (H, W) one image; (C, H, W) a stack; (K, C, H, W) filters, K x C tiles"
    ) { args, _ in
        let a = PictureArguments(args, "imshow")
        let (t, values) = try a.values("t")
        guard (2...4).contains(t.rank) else {
            throw a.error("t must be an image (H, W), a stack (C, H, W) or a filter bank (K, C, H, W); got shape \(t.shape)", at: "t")
        }
        let scale = try a.text("scale") ?? "each"
        guard scale == "each" || scale == "shared" else {
            throw a.error("scale must be \"each\" (every tile on its own range) or \"shared\" (one range), got \"\(scale)\"", at: "scale")
        }
        let size = try args.optionalInteger("size", atLeast: 4)
        let height = t.shape[t.rank - 2], width = t.shape[t.rank - 1]
        let count = t.count / (height * width)
        let shown = min(count, maxTiles)
        let images = (0..<shown).map { index in
            Image(height: height, width: width, values: Array(values[index * height * width..<(index + 1) * height * width]))
        }
        var title = try a.text("title")
        if shown < count { title = (title.map { $0 + " " } ?? "") + "(the first \(shown) of \(count))" }
        let plot = ImagePlot(images: images, labels: t.rank == 2 ? [] : tileLabels(t.shape, shown), title: title,
                             shared: scale == "shared", size: size)
        return .object(Figure(.image(plot), canvas: try a.canvas(), imageProtocol: try a.imageProtocol()))
    }

    /// "0", "1", ... for a stack or a one-channel filter bank; "k,c" for filter k, channel c.
    static func tileLabels(_ shape: [Int], _ count: Int) -> [String] {
        guard shape.count == 4, shape[1] > 1 else { return (0..<count).map(String.init) }
        return (0..<count).map { "\($0 / shape[1]),\($0 % shape[1])" }
    }
}

extension PictureArguments {
    /// `protocol="auto"|"none"|"kitty"|"iterm2"|"sixel"`: nil for auto (the terminal's).
    func imageProtocol() throws -> ImageProtocol? {
        let choice = try text("protocol") ?? "auto"
        if choice == "auto" { return nil }
        guard let graphics = ImageProtocol(rawValue: choice) else {
            throw error("protocol must be \"auto\", \"none\", \"kitty\", \"iterm2\" or \"sixel\", got \"\(choice)\"", at: "protocol")
        }
        return graphics
    }
}
