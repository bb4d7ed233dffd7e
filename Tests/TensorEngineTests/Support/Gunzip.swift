/// gzip decompression (RFC 1952 around an RFC 1951 DEFLATE stream), for the tests only: it
/// lets `EmbeddedDataTests` read `data/digits.csv.gz` without zlib, which Swift on Linux does
/// not import. A transcription of Mark Adler's `puff.c` (zlib's readable reference inflater):
/// slow, simple, and checked — the gzip trailer's CRC-32 and length must match.
enum Gunzip {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The decompressed bytes of a single-member gzip file.
    static func decompress(_ file: [UInt8]) throws -> [UInt8] {
        guard file.count >= 18, file[0] == 0x1F, file[1] == 0x8B, file[2] == 8 else {
            throw Failure(description: "not a gzip file with DEFLATE data")
        }
        var reader = BitReader(bytes: file, position: try headerEnd(file))
        let output = try inflate(&reader)
        let trailer = reader.position
        guard trailer + 8 <= file.count else { throw Failure(description: "the gzip trailer is missing") }
        let word = { (at: Int) in (0..<4).reduce(UInt32(0)) { $0 | UInt32(file[at + $1]) << (8 * UInt32($1)) } }
        guard word(trailer) == crc32(output), word(trailer + 4) == UInt32(truncatingIfNeeded: output.count) else {
            throw Failure(description: "the CRC-32 or length in the gzip trailer does not match the data")
        }
        return output
    }

    /// The offset of the DEFLATE data: after the 10-byte header and the optional fields.
    private static func headerEnd(_ file: [UInt8]) throws -> Int {
        let flags = file[3]
        var position = 10
        if flags & 4 != 0 { position += 2 + (Int(file[10]) | Int(file[11]) << 8) }  // FEXTRA
        for flag: UInt8 in [8, 16] where flags & flag != 0 {                   // FNAME, FCOMMENT
            while position < file.count, file[position] != 0 { position += 1 }
            position += 1
        }
        if flags & 2 != 0 { position += 2 }                                    // FHCRC
        guard position < file.count else { throw Failure(description: "the gzip header is truncated") }
        return position
    }

    struct BitReader {
        let bytes: [UInt8]
        var position: Int
        var buffer = 0, count = 0

        mutating func bits(_ n: Int) throws -> Int {
            while count < n {
                guard position < bytes.count else { throw Failure(description: "the DEFLATE data end early") }
                buffer |= Int(bytes[position]) << count
                position += 1
                count += 8
            }
            let value = buffer & ((1 << n) - 1)
            buffer >>= n
            count -= n
            return value
        }
    }

    /// A canonical Huffman code: how many codes of each length 0...15, and the symbols in code order.
    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []

        init(lengths: [Int]) {
            for length in lengths { counts[length] += 1 }
            var offsets = [0, 0]
            for length in 1..<15 { offsets.append(offsets[length] + counts[length]) }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, length) in lengths.enumerated() where length != 0 {
                symbols[offsets[length]] = symbol
                offsets[length] += 1
            }
        }

        func decode(_ reader: inout BitReader) throws -> Int {
            var code = 0, first = 0, index = 0
            for length in 1...15 {
                code |= try reader.bits(1)
                let count = counts[length]
                if code - count < first { return symbols[index + code - first] }
                index += count
                first = (first + count) << 1
                code <<= 1
            }
            throw Failure(description: "an invalid Huffman code")
        }
    }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
                               2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// Every block up to the last; leaves the reader on the byte after the stream.
    static func inflate(_ reader: inout BitReader) throws -> [UInt8] {
        var output: [UInt8] = []
        var last = 0
        while last == 0 {
            last = try reader.bits(1)
            switch try reader.bits(2) {
            case 0: try stored(&reader, into: &output)
            case 1:
                let lengths = [Int](repeating: 8, count: 144) + [Int](repeating: 9, count: 112)
                    + [Int](repeating: 7, count: 24) + [Int](repeating: 8, count: 8)
                try codes(&reader, Huffman(lengths: lengths), Huffman(lengths: [Int](repeating: 5, count: 30)), into: &output)
            case 2:
                let (literals, distances) = try dynamicTables(&reader)
                try codes(&reader, literals, distances, into: &output)
            default: throw Failure(description: "an invalid DEFLATE block type")
            }
        }
        reader.buffer = 0
        reader.count = 0
        return output
    }

    private static func stored(_ reader: inout BitReader, into output: inout [UInt8]) throws {
        reader.buffer = 0
        reader.count = 0
        let p = reader.position
        guard p + 4 <= reader.bytes.count else { throw Failure(description: "a stored block is truncated") }
        let length = Int(reader.bytes[p]) | Int(reader.bytes[p + 1]) << 8
        guard p + 4 + length <= reader.bytes.count else { throw Failure(description: "a stored block is truncated") }
        output += reader.bytes[(p + 4)..<(p + 4 + length)]
        reader.position = p + 4 + length
    }

    private static func dynamicTables(_ reader: inout BitReader) throws -> (Huffman, Huffman) {
        let literalCount = try reader.bits(5) + 257, distanceCount = try reader.bits(5) + 1, codeCount = try reader.bits(4) + 4
        var codeLengths = [Int](repeating: 0, count: 19)
        for i in 0..<codeCount { codeLengths[[16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15][i]] = try reader.bits(3) }
        let lengthCode = Huffman(lengths: codeLengths)
        var lengths: [Int] = []
        while lengths.count < literalCount + distanceCount {
            let symbol = try lengthCode.decode(&reader)
            switch symbol {
            case 0..<16: lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else { throw Failure(description: "a repeat with nothing to repeat") }
                lengths += [Int](repeating: previous, count: 3 + (try reader.bits(2)))
            case 17: lengths += [Int](repeating: 0, count: 3 + (try reader.bits(3)))
            default: lengths += [Int](repeating: 0, count: 11 + (try reader.bits(7)))
            }
        }
        return (Huffman(lengths: Array(lengths[..<literalCount])),
                Huffman(lengths: Array(lengths[literalCount..<(literalCount + distanceCount)])))
    }

    private static func codes(_ reader: inout BitReader, _ literals: Huffman, _ distances: Huffman,
                              into output: inout [UInt8]) throws {
        while true {
            let symbol = try literals.decode(&reader)
            if symbol < 256 { output.append(UInt8(symbol)); continue }
            if symbol == 256 { return }
            // The order matters: length symbol, its extra bits, distance symbol, its extra bits.
            let l = symbol - 257
            guard l < 29 else { throw Failure(description: "an invalid length symbol") }
            let length = lengthBase[l] + (try reader.bits(lengthExtra[l]))
            let d = try distances.decode(&reader)
            guard d < 30 else { throw Failure(description: "an invalid distance symbol") }
            let distance = distanceBase[d] + (try reader.bits(distanceExtra[d]))
            guard distance <= output.count else { throw Failure(description: "a distance too far back") }
            for _ in 0..<length { output.append(output[output.count - distance]) }
        }
    }

    /// CRC-32 (the reflected polynomial 0xEDB88320), as gzip's trailer holds it.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
