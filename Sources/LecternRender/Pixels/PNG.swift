/// A minimal PNG encoder for the terminal image protocols: 8-bit RGB, no interlacing, filter 0
/// on every row, and the zlib stream made of stored (uncompressed) blocks, so that no
/// compressor is needed. Sizes are small (a 128 x 128 image is about 49 KB).
enum PNG {
    /// The PNG file of `pixels` (RGB), `width` x `height`.
    static func encode(_ pixels: [RGB], width: Int, height: Int) -> [UInt8] {
        precondition(pixels.count == width * height, "PNG needs width x height pixels")
        var raw: [UInt8] = []
        raw.reserveCapacity(height * (3 * width + 1))
        for row in 0..<height {
            raw.append(0)  // filter type 0: none
            for pixel in pixels[row * width..<(row + 1) * width] { raw += [pixel.red, pixel.green, pixel.blue] }
        }
        var file: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        // IHDR: width, height, bit depth 8, colour type 2 (RGB), compression, filter, interlace 0.
        chunk("IHDR", bigEndian(UInt32(width)) + bigEndian(UInt32(height)) + [8, 2, 0, 0, 0], into: &file)
        chunk("IDAT", zlibStored(raw), into: &file)
        chunk("IEND", [], into: &file)
        return file
    }

    /// A chunk: length, type, data, CRC-32 of type and data.
    private static func chunk(_ type: String, _ data: [UInt8], into file: inout [UInt8]) {
        let typed = Array(type.utf8) + data
        file += bigEndian(UInt32(data.count)) + typed + bigEndian(crc32(typed))
    }

    /// A zlib stream (RFC 1950) of stored deflate blocks (RFC 1951, BTYPE 00) of at most 65535
    /// bytes each, ending with the Adler-32 of the data.
    static func zlibStored(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x78, 0x01]
        var start = 0
        repeat {
            let end = min(start + 65535, data.count), length = UInt16(end - start)
            out.append(end == data.count ? 1 : 0)  // BFINAL on the last block, BTYPE 00
            out += [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8(~length >> 8)]
            out += data[start..<end]
            start = end
        } while start < data.count
        return out + bigEndian(adler32(data))
    }

    /// CRC-32 (ISO 3309, polynomial 0xEDB88320 reflected), as PNG chunks use it.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    /// Adler-32 (RFC 1950): two sums modulo 65521.
    static func adler32(_ bytes: [UInt8]) -> UInt32 {
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes {
            a = (a + UInt32(byte)) % 65521
            b = (b + a) % 65521
        }
        return b << 16 | a
    }

    private static func bigEndian(_ value: UInt32) -> [UInt8] {
        [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }
}

/// Base64 (RFC 4648, with `=` padding), as the kitty and iTerm2 protocols carry images.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var group: UInt32 = 0
            for k in 0..<3 { group = group << 8 | UInt32(k < count ? bytes[index + k] : 0) }
            for k in 0..<4 {
                out.append(k <= count ? alphabet[Int((group >> (18 - 6 * UInt32(k))) & 63)] : UInt8(ascii: "="))
            }
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
