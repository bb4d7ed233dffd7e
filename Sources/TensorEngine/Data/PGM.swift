/// Reading binary PGM ("portable graymap", Netpbm's P5 format) images.
///
/// The format: the magic number `P5`, whitespace, the width, whitespace, the height,
/// whitespace, the maximum gray value (1...65535), exactly one whitespace byte, then the
/// pixels, height rows of width values each, top row first: one byte per pixel when the
/// maximum is below 256, else two bytes, most significant first. In the header, `#` starts a
/// comment that runs to the end of the line. `P5\n128 128\n255\n` then 16384 bytes is a
/// 128x128 image with values 0...255.
extension Tensor {
    /// The image in the bytes of a binary PGM file, as a (height, width) tensor of its raw
    /// values 0...maxval (not scaled to [0, 1]). Values above maxval are kept as they are.
    /// - Throws: `TensorError.pgmMagic` when the bytes do not start with `P5` and whitespace;
    ///   `.pgmField` for a width, height or maximum that is missing or not a positive whole
    ///   number; `.pgmMaxValue` for a maximum above 65535; `.pgmDataSize` when the bytes after
    ///   the header are not exactly the pixels; `.tooLarge` for an image beyond the tensor limit.
    /// - Complexity: O(width · height).
    public init(pgm bytes: [UInt8]) throws {
        var reader = PGMHeaderReader(bytes: bytes)
        try reader.readMagic()
        let width = try reader.readField("width")
        let height = try reader.readField("height")
        let maxValue = try reader.readField("maximum value", isLast: true)
        guard maxValue >= 1, maxValue <= 65535 else { throw TensorError.pgmMaxValue(maxValue) }
        _ = try Tensor.checkedCount([height, width])
        let start = reader.offset + 1  // the single whitespace byte after the maximum
        let bytesPerPixel = maxValue < 256 ? 1 : 2
        let found = Swift.max(bytes.count - start, 0)
        guard found == width * height * bytesPerPixel else {
            throw TensorError.pgmDataSize(width: width, height: height, maxValue: maxValue,
                                          expected: width * height * bytesPerPixel, found: found)
        }
        self.init(unchecked: [height, width]) { out in
            for i in 0..<(width * height) {
                let at = start + i * bytesPerPixel
                out[i] = bytesPerPixel == 1 ? Double(bytes[at]) : Double(Int(bytes[at]) << 8 | Int(bytes[at + 1]))
            }
        }
    }
}

/// Walks a PGM header field by field; `offset` is the next byte to read.
struct PGMHeaderReader {
    let bytes: [UInt8]
    private(set) var offset = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// `P5` followed by whitespace, a comment, or nothing (then the width is missing).
    mutating func readMagic() throws {
        let isP5 = bytes.count >= 2 && bytes[0] == UInt8(ascii: "P") && bytes[1] == UInt8(ascii: "5")
        guard isP5, bytes.count == 2 || Self.isSpace(bytes[2]) || bytes[2] == UInt8(ascii: "#") else {
            throw TensorError.pgmMagic(found: bytes.isEmpty ? "nothing (the data are empty)" : describeToken(at: 0))
        }
        offset = 2
    }

    /// Skips whitespace and comments, then reads a whole number. A width or height must be at
    /// least 1 and be followed by whitespace or a comment; the maximum (`isLast`), checked by
    /// the caller, by exactly one whitespace byte. Any of them may end the data (the next
    /// field or the pixels are then reported missing). Leaves `offset` on the byte after the number.
    mutating func readField(_ field: String, isLast: Bool = false) throws -> Int {
        skipSpaceAndComments()
        let start = offset
        var value = 0
        while offset < bytes.count, let digit = Self.digit(bytes[offset]) {
            value = Swift.min(value * 10 + digit, Int(Int32.max))  // huge is huge: no overflow
            offset += 1
        }
        let next = offset < bytes.count ? bytes[offset] : nil
        let followed = next.map { Self.isSpace($0) || (!isLast && $0 == UInt8(ascii: "#")) } ?? true
        guard offset > start, followed, value >= 1 || isLast else {
            throw TensorError.pgmField(field: field, offset: start, found: describeToken(at: start))
        }
        return value
    }

    private mutating func skipSpaceAndComments() {
        while offset < bytes.count {
            if Self.isSpace(bytes[offset]) {
                offset += 1
            } else if bytes[offset] == UInt8(ascii: "#") {
                while offset < bytes.count, bytes[offset] != UInt8(ascii: "\n"), bytes[offset] != UInt8(ascii: "\r") {
                    offset += 1
                }
            } else {
                return
            }
        }
    }

    /// The token at `start` for an error message: up to 12 printable characters in quotes,
    /// with other bytes as \xNN; "the end of the data" past the last byte.
    func describeToken(at start: Int) -> String {
        guard start < bytes.count else { return "the end of the data" }
        var text = ""
        for byte in bytes[start...].prefix(12) {
            if Self.isSpace(byte) { break }
            let printable = byte >= 0x21 && byte < 0x7F && byte != UInt8(ascii: "\"")
            text += printable ? String(UnicodeScalar(byte)) : "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
        }
        return "\"\(text)\""
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)  // space, \t \n \v \f \r
    }

    static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }
}
