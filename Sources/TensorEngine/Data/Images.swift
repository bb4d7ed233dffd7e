/// The two grayscale photographs shipped with Lectern, for showing what filters do to a real
/// image. Both are 128x128 with values 0...255 (`data/README.md` has sources and licences):
///
/// - "camera": a photographer with a tripod (Lav Varshney, CC0; from scikit-image);
/// - "brick": a brick-wall texture, a regular pattern with strong horizontal and vertical
///   edges (CC0Textures "Bricks25", CC0; from scikit-image).
///
/// They are compiled into the library as the PGM files' bytes in base64
/// (`Embedded/EmbeddedImages.swift`), so no file is read.
extension Tensor {
    /// The names `image(named:)` knows, in a fixed order.
    public static let imageNames = ["camera", "brick"]

    /// A shipped grayscale image as a (128, 128) tensor of values 0...255 (row 0 is the top).
    /// Add two axes for `conv2d`: `try image.reshape([1, 1, 128, 128])`.
    /// - Throws: `TensorError.unknownImage` for a name not in `imageNames` (suggesting the
    ///   nearest one).
    /// - Complexity: O(128²): the embedded text is decoded on every call.
    public static func image(named name: String) throws -> Tensor {
        guard let bytes = embeddedPGM(named: name) else {
            throw TensorError.unknownImage(name: name, known: imageNames)
        }
        return try Tensor(pgm: bytes)
    }

    /// The bytes of the PGM file embedded under `name`, or nil.
    static func embeddedPGM(named name: String) -> [UInt8]? {
        switch name {
        case "camera": return Base64.decode(EmbeddedImages.camera)
        case "brick": return Base64.decode(EmbeddedImages.brick)
        default: return nil
        }
    }
}

/// Base64 (RFC 4648, the standard alphabet `A-Z a-z 0-9 + /`, `=` padding) for embedded data.
enum Base64 {
    /// The bytes that `text` encodes; newlines are skipped. Traps on any other character
    /// outside the alphabet: the text is compiled in, and a test decodes all of it.
    static func decode(_ text: StaticString) -> [UInt8] {
        text.withUTF8Buffer { decode($0) }
    }

    /// Decodes 4 characters (24 bits) into 3 bytes at a time; `=` ends the data.
    static func decode(_ characters: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(characters.count / 4 * 3)
        var bits: UInt32 = 0, held = 0
        for character in characters where character != UInt8(ascii: "\n") {
            if character == UInt8(ascii: "=") { break }
            bits = bits << 6 | UInt32(sextet(character))
            held += 6
            if held >= 8 {
                held -= 8
                bytes.append(UInt8(truncatingIfNeeded: bits >> UInt32(held)))
            }
        }
        return bytes
    }

    /// The 6-bit value of one base64 character.
    private static func sextet(_ character: UInt8) -> UInt8 {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): return character - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return character - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0") + 52
        case UInt8(ascii: "+"): return 62
        case UInt8(ascii: "/"): return 63
        default: preconditionFailure("byte \(character) in embedded base64 is not in the alphabet")
        }
    }
}
