import _MNISTData

/// Reading PNG images (8 bits per sample; not interlaced): grey, grey + alpha, RGB, RGBA and
/// palette colour. The chunks IHDR, PLTE, IDAT and IEND are read, others skipped; the image
/// data are inflated with libz and unfiltered (None, Sub, Up, Average, Paeth); alpha is dropped.
extension Tensor {
    /// - Returns: (H, W) for a grey image, (3, H, W) for a colour one, pixels 0...255.
    /// - Throws: `TensorError.argument` saying what is wrong or unsupported.
    public init(png bytes: [UInt8]) throws {
        func fail(_ defect: TensorError.PNGDefect) -> TensorError { .argument(op: "png", name: "image", problem: .png(defect)) }
        let signature: [UInt8] = [137, 80, 78, 71, 13, 10, 26, 10]
        guard bytes.count >= 8, Array(bytes[0..<8]) == signature else { throw fail(.signature) }
        func word(_ at: Int) -> Int { (0..<4).reduce(0) { $0 << 8 | Int(bytes[at + $1]) } }
        var (width, height, colourType, palette, data, offset) = (0, 0, -1, [UInt8](), [UInt8](), 8)
        while offset + 12 <= bytes.count {
            let length = word(offset), type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            guard offset + 12 + length <= bytes.count else { throw fail(.chunkCutShort(type: type)) }
            let body = bytes[offset + 8..<offset + 8 + length]
            switch type {
            case "IHDR":
                guard length == 13 else { throw fail(.badHeader) }
                (width, height) = (word(offset + 8), word(offset + 12))
                let (depth, interlace) = (body[body.startIndex + 8], body[body.startIndex + 12])
                colourType = Int(body[body.startIndex + 9])
                guard depth == 8 else { throw fail(.bitDepth(Int(depth))) }
                guard interlace == 0 else { throw fail(.interlaced) }
            case "PLTE": palette = Array(body)
            case "IDAT": data += body
            default: break
            }
            offset += 12 + length
            if type == "IEND" { break }
        }
        let channels: Int
        switch colourType {
        case 0: channels = 1
        case 2: channels = 3
        case 3: channels = 1
        case 4: channels = 2
        case 6: channels = 4
        default: throw fail(colourType < 0 ? .missingHeader : .colourType(colourType))
        }
        guard width > 0, height > 0 else { throw fail(.noPixels) }
        let shape = colourType == 0 || colourType == 4 ? [height, width] : [3, height, width]
        _ = try Tensor.checkedCount(shape)
        let stride = width * channels
        var raw = [UInt8](repeating: 0, count: height * (stride + 1))
        var size = UInt(raw.count)
        let status = data.withUnsafeBufferPointer { source in
            raw.withUnsafeMutableBufferPointer { lectern_zlib_inflate(source.baseAddress, UInt(source.count), $0.baseAddress, &size) }
        }
        guard status == 0, Int(size) == raw.count else { throw fail(.inflate(rows: height)) }
        let pixels = try Self.unfilter(raw, rows: height, stride: stride, bytesPerPixel: channels, fail)
        let plane = width * height
        self.init(unchecked: shape) { out in
            for p in 0..<plane {
                switch colourType {
                case 0, 4: out[p] = Double(pixels[p * channels])
                case 3:
                    let index = Int(pixels[p]) * 3
                    for c in 0..<3 { out[c * plane + p] = index + 2 < palette.count ? Double(palette[index + c]) : 0 }
                default: for c in 0..<3 { out[c * plane + p] = Double(pixels[p * channels + c]) }
                }
            }
        }
        if colourType == 3, let bad = pixels.first(where: { Int($0) * 3 + 2 >= palette.count }) {
            throw fail(.paletteEntry(Int(bad), paletteSize: palette.count / 3))
        }
    }

    /// Undoes PNG's per-row filters: each row is a filter byte then `stride` bytes.
    static func unfilter(_ raw: [UInt8], rows: Int, stride: Int, bytesPerPixel bpp: Int,
                         _ fail: (TensorError.PNGDefect) -> TensorError) throws -> [UInt8] {
        var out = [UInt8](repeating: 0, count: rows * stride)
        for row in 0..<rows {
            let filter = raw[row * (stride + 1)], base = row * stride
            for i in 0..<stride {
                let x = Int(raw[row * (stride + 1) + 1 + i])
                let a = i >= bpp ? Int(out[base + i - bpp]) : 0
                let b = row > 0 ? Int(out[base - stride + i]) : 0
                let c = row > 0 && i >= bpp ? Int(out[base - stride + i - bpp]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let (pa, pb, pc) = (Swift.abs(b - c), Swift.abs(a - c), Swift.abs(a + b - 2 * c))
                    predictor = pa <= pb && pa <= pc ? a : (pb <= pc ? b : c)
                default: throw fail(.filterType(Int(filter), row: row))
                }
                out[base + i] = UInt8((x + predictor) & 0xFF)
            }
        }
        return out
    }
}
