extension Dataset {
    /// The number of images in `digits()`.
    public static let digitCount = 1797

    /// The 8x8 handwritten digits: 1797 grayscale images with pixel values 0...16 (whole
    /// numbers; 16 is full ink), labels 0...9. They are the test set of the UCI "Optical
    /// Recognition of Handwritten Digits" data (E. Alpaydin, C. Kaynak, 1998; CC BY 4.0) as
    /// scikit-learn's `load_digits()` ships it, in the same order; `data/README.md` has the
    /// details. The data are compiled into the library (`Embedded/EmbeddedDigits.swift`), so
    /// no file is read.
    ///
    /// Pixel values are not scaled: divide by 16 for [0, 1], or standardise with the
    /// training set's statistics (`Standardization`). The classes have 174 to 183 images each.
    ///
    /// - Parameter flattened: `false` for images (N, 1, 8, 8), ready for `conv2d`; `true` for
    ///   rows (N, 64) of the pixels in row-major order, ready for a `Linear` layer.
    /// - Returns: x (1797, 1, 8, 8) or (1797, 64), y (1797), `classes` 10.
    /// - Complexity: O(1797 · 64): about a hundred thousand characters are decoded per call.
    public static func digits(flattened: Bool = false) -> Dataset {
        let (pixels, labels) = decodeDigits(embeddedDigits)
        let shape = flattened ? [labels.count, 64] : [labels.count, 1, 8, 8]
        return Dataset(unchecked: Tensor(unchecked: shape, scalars: pixels), y: Tensor(labels), classes: 10)
    }

    /// Decodes the embedded text: per image, 64 pixels as base-17 digits ("0"..."9" for 0...9,
    /// "a"..."g" for 10...16), then the label "0"..."9"; newlines are skipped.
    /// - Returns: the pixels of all images in order, and the labels.
    static func decodeDigits(_ text: StaticString) -> (pixels: [Double], labels: [Double]) {
        var pixels: [Double] = [], labels: [Double] = []
        pixels.reserveCapacity(digitCount * 64)
        labels.reserveCapacity(digitCount)
        text.withUTF8Buffer { bytes in
            var column = 0
            for byte in bytes where byte != UInt8(ascii: "\n") {
                if column == 64 {
                    labels.append(Double(digitValue(byte)))
                    column = 0
                } else {
                    pixels.append(Double(digitValue(byte)))
                    column += 1
                }
            }
            precondition(column == 0, "the embedded digits end in the middle of an image")
        }
        return (pixels, labels)
    }

    /// The value of one base-17 digit.
    private static func digitValue(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "g"): return Int(byte - UInt8(ascii: "a")) + 10
        default: preconditionFailure("byte \(byte) in the embedded digits is not a base-17 digit")
        }
    }
}
