import Testing
@testable import TensorEngine

/// The bytes of an ASCII header followed by raw pixel bytes.
private func pgm(_ header: String, _ pixels: [UInt8]) -> [UInt8] {
    Array(header.utf8) + pixels
}

@Suite("data: reading binary PGM")
struct DataPGMTests {
    @Test("a small image, row-major, top row first; comments and any whitespace in the header")
    func smallImages() throws {
        expectClose(try Tensor(pgm: pgm("P5\n3 2\n255\n", [0, 1, 2, 253, 254, 255])), shape: [2, 3], [0, 1, 2, 253, 254, 255])
        let commented = pgm("P5 # made by hand\n# another comment\n\t2\r\n1 #x\n 15 ", [7, 15])
        expectClose(try Tensor(pgm: commented), shape: [1, 2], [7, 15])
        // maxval 256 and above: two bytes per pixel, most significant first
        expectClose(try Tensor(pgm: pgm("P5 2 1 65535\n", [0x01, 0x02, 0xFF, 0xFF])), shape: [1, 2], [258, 65535])
        // the single whitespace byte after the maximum may itself be a pixel-like byte: only one is skipped
        expectClose(try Tensor(pgm: pgm("P5 1 1 255\n", [0x0A])), shape: [1, 1], [10])
    }

    @Test("the magic number")
    func magic() throws {
        let plain = expectError(.pgmMagic(found: "\"P2\"")) { try Tensor(pgm: pgm("P2\n1 1\n255\n0", [])) }
        #expect(plain == "not a binary PGM image: it must start with \"P5\", but starts with \"P2\""
                + " (a plain-text PGM; save it as binary PGM)")
        let png = expectError(.pgmMagic(found: "\"\\x89PNG\"")) { try Tensor(pgm: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]) }
        #expect(png == "not a binary PGM image: it must start with \"P5\", but starts with \"\\x89PNG\"")
        expectError(.pgmMagic(found: "\"P\\x00\\x01\"")) { try Tensor(pgm: [0x50, 0x00, 0x01]) }
        let empty = expectError(.pgmMagic(found: "nothing (the data are empty)")) { try Tensor(pgm: []) }
        #expect(empty == "not a binary PGM image: it must start with \"P5\", but starts with nothing (the data are empty)")
        expectError(.pgmMagic(found: "\"P51\"")) { try Tensor(pgm: pgm("P51 1 255\n", [0])) }
        expectError(.pgmField(field: "width", offset: 2, found: "the end of the data")) { try Tensor(pgm: pgm("P5", [])) }
    }

    @Test("header fields")
    func fields() throws {
        let width = expectError(.pgmField(field: "width", offset: 3, found: "\"0\"")) { try Tensor(pgm: pgm("P5\n0 1\n255\n", [])) }
        #expect(width == "PGM header: expected the width (a positive whole number) at byte 3, found \"0\"")
        expectError(.pgmField(field: "width", offset: 3, found: "\"-4\"")) { try Tensor(pgm: pgm("P5 -4 1 255\n", [])) }
        expectError(.pgmField(field: "height", offset: 5, found: "\"1.5\"")) { try Tensor(pgm: pgm("P5 2 1.5 255\n", [])) }
        let missing = expectError(.pgmField(field: "height", offset: 6, found: "the end of the data")) {
            try Tensor(pgm: pgm("P5 12 ", []))
        }
        #expect(missing == "PGM header: expected the height (a positive whole number) at byte 6, found the end of the data")
        expectError(.pgmField(field: "height", offset: 5, found: "the end of the data")) { try Tensor(pgm: pgm("P5 12", [])) }
        expectError(.pgmField(field: "maximum value", offset: 7, found: "\"255#\"")) { try Tensor(pgm: pgm("P5 1 1 255#\n", [0])) }
        let zero = expectError(.pgmMaxValue(0)) { try Tensor(pgm: pgm("P5 1 1 0\n", [0])) }
        #expect(zero == "PGM header: the maximum value must be from 1 to 65535, got 0")
        expectError(.pgmMaxValue(65536)) { try Tensor(pgm: pgm("P5 1 1 65536\n", [0, 0])) }
        expectError(.tooLarge(shape: [2_000_000, 2_000_000])) { try Tensor(pgm: pgm("P5 2000000 2000000 255\n", [])) }
    }

    @Test("the pixel data must be exactly width x height values")
    func dataSize() throws {
        let short = expectError(.pgmDataSize(width: 3, height: 2, maxValue: 255, expected: 6, found: 5)) {
            try Tensor(pgm: pgm("P5\n3 2\n255\n", [1, 2, 3, 4, 5]))
        }
        #expect(short == "PGM data: a 3x2 image with maximum value 255 needs 6 bytes after the header (1 per pixel), found 5")
        let wide = expectError(.pgmDataSize(width: 2, height: 1, maxValue: 1000, expected: 4, found: 2)) {
            try Tensor(pgm: pgm("P5 2 1 1000\n", [0, 1]))
        }
        #expect(wide.hasSuffix("needs 4 bytes after the header (2 per pixel), found 2"))
        expectError(.pgmDataSize(width: 1, height: 1, maxValue: 255, expected: 1, found: 2)) { try Tensor(pgm: pgm("P5 1 1 255\n", [0, 0])) }
        expectError(.pgmDataSize(width: 1, height: 1, maxValue: 255, expected: 1, found: 0)) { try Tensor(pgm: pgm("P5 1 1 255", [])) }
    }
}
