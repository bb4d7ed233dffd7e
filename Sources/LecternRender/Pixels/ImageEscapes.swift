/// An image as real pixels for a terminal image protocol: each pixel an entry of a small
/// palette (the colour map at evenly spaced positions), so that Sixel needs no quantizer.
struct PixelImage: Equatable {
    var width: Int, height: Int
    /// Row by row, an index into `palette`.
    var indices: [Int]
    var palette: [RGB]

    var pixels: [RGB] { indices.map { palette[$0] } }
}

/// The escape sequences that draw a `PixelImage` over `columns` x `rows` cells at the cursor.
enum ImageEscapes {
    static let escape = "\u{1B}"

    static func encode(_ image: PixelImage, _ graphics: ImageProtocol, columns: Int, rows: Int) -> String {
        switch graphics {
        case .none: ""
        case .kitty: kitty(image, columns: columns, rows: rows)
        case .iterm2: iterm2(image, columns: columns, rows: rows)
        case .sixel: sixel(image)
        }
    }

    /// kitty: the PNG (f=100) transmitted and shown at once (a=T), scaled to `columns` x `rows`
    /// cells, with no reply from the terminal (q=2, so nothing lands on standard input); the
    /// base64 text in chunks of 4096 bytes, each but the last with m=1.
    static func kitty(_ image: PixelImage, columns: Int, rows: Int) -> String {
        let data = Array(Base64.encode(PNG.encode(image.pixels, width: image.width, height: image.height)).utf8)
        var out = "", start = 0
        repeat {
            let end = min(start + 4096, data.count)
            let more = end < data.count ? 1 : 0
            let keys = start == 0 ? "a=T,f=100,q=2,c=\(columns),r=\(rows),m=\(more)" : "m=\(more)"
            out += escape + "_G" + keys + ";" + String(decoding: data[start..<end], as: UTF8.self) + escape + "\\"
            start = end
        } while start < data.count
        return out
    }

    /// iTerm2 (and WezTerm): OSC 1337 with the PNG file inline, `columns` x `rows` cells.
    static func iterm2(_ image: PixelImage, columns: Int, rows: Int) -> String {
        let png = PNG.encode(image.pixels, width: image.width, height: image.height)
        return escape + "]1337;File=inline=1;size=\(png.count);width=\(columns);height=\(rows);preserveAspectRatio=0:"
            + Base64.encode(png) + "\u{07}"
    }

    /// Sixel: DCS q, raster attributes (1:1 pixels, width x height), the palette as registers
    /// in RGB percent, then bands of six rows; in each band, per colour used, the columns as
    /// sixel characters (63 + bits, top row = bit 0) run-length coded (`!n`), `$` back to the
    /// band's start, `-` to the next band; ST at the end.
    static func sixel(_ image: PixelImage) -> String {
        var out = escape + "P0;1;0q\"1;1;\(image.width);\(image.height)"
        for (index, colour) in image.palette.enumerated() {
            func percent(_ c: UInt8) -> Int { (Int(c) * 100 + 127) / 255 }
            out += "#\(index);2;\(percent(colour.red));\(percent(colour.green));\(percent(colour.blue))"
        }
        for top in stride(from: 0, to: image.height, by: 6) {
            let bandRows = top..<min(top + 6, image.height)
            let used = Set(bandRows.flatMap { row in image.indices[row * image.width..<(row + 1) * image.width] }).sorted()
            for (k, colour) in used.enumerated() {
                out += "#\(colour)"
                var run: (Character, Int)? = nil
                func flush() {
                    guard let (character, count) = run else { return }
                    out += count >= 4 ? "!\(count)\(character)" : String(repeating: character, count: count)
                }
                for column in 0..<image.width {
                    var bits = 0
                    for row in bandRows where image.indices[row * image.width + column] == colour { bits |= 1 << (row - top) }
                    let character = Character(Unicode.Scalar(UInt8(63 + bits)))
                    if let (previous, count) = run, previous == character { run = (previous, count + 1) } else { flush(); run = (character, 1) }
                }
                flush()
                if k < used.count - 1 { out += "$" }
            }
            out += "-"
        }
        return out + escape + "\\"
    }
}
