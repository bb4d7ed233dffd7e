import Foundation
import Testing
@testable import TensorEngine

/// The repository's `data/` folder, found from this file's path (Tests/TensorEngineTests/...).
private let dataFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("data")

private func dataFile(_ name: String) throws -> [UInt8] {
    let path = dataFolder.appendingPathComponent(name).path
    guard let contents = FileManager.default.contents(atPath: path) else {
        throw Gunzip.Failure(description: "cannot read \(path)")
    }
    return [UInt8](contents)
}

/// data/digits.csv.gz as rows of 65 whole numbers: 64 pixels, then the label.
private func digitRows() throws -> [[Int]] {
    let text = String(decoding: try Gunzip.decompress(try dataFile("digits.csv.gz")), as: UTF8.self)
    return text.split(separator: "\n").map { line in line.split(separator: ",").map { Int($0)! } }
}

/// The library's embedded copies must equal the files in data/ exactly, so they cannot drift:
/// after changing a file, run `python3 scripts/embed_data.py`.
@Suite("data: embedded digits and images equal the files in data/")
struct EmbeddedDataTests {
    @Test("digits() equals data/digits.csv.gz, value for value")
    func digitsEqualTheFile() throws {
        let rows = try digitRows()
        #expect(rows.count == 1797 && rows.allSatisfy { $0.count == 65 })
        let digits = Dataset.digits()
        #expect(digits.x.shape == [1797, 1, 8, 8] && digits.y.shape == [1797] && digits.classes == 10)
        #expect(digits.x.scalars == rows.flatMap { $0.prefix(64).map(Double.init) })
        #expect(digits.y.scalars == rows.map { Double($0[64]) })
    }

    @Test("the digits' label histogram, counted from the file")
    func labelHistogram() throws {
        var fromFile = [Int](repeating: 0, count: 10)
        for row in try digitRows() { fromFile[row[64]] += 1 }
        #expect(fromFile == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180])
        #expect(Dataset.digits().classCounts == fromFile)
    }

    @Test("a known digit, pixel for pixel; the flat form; the value range")
    func knownDigit() throws {
        let digits = Dataset.digits()
        let zero: [Double] = [0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0, 0, 3, 15, 2, 0, 11, 8, 0,
                              0, 4, 12, 0, 0, 8, 8, 0, 0, 5, 8, 0, 0, 9, 8, 0, 0, 4, 11, 0, 1, 12, 7, 0,
                              0, 2, 14, 5, 10, 12, 0, 0, 0, 0, 6, 13, 10, 0, 0, 0]
        expectClose(try digits.x.slice([.at(0)]), shape: [1, 8, 8], zero)
        #expect(digits.y[0] == 0 && digits.y[1] == 1 && digits.y[1796] == 8)
        let flat = Dataset.digits(flattened: true)
        #expect(flat.x.shape == [1797, 64] && flat.x.scalars == digits.x.scalars && flat.y == digits.y)
        #expect(try digits.x.min().scalar == 0 && digits.x.max().scalar == 16)
        #expect(digits.x.scalars.allSatisfy { $0 == $0.rounded() })
    }

    @Test("embedded images equal data/*.pgm byte for byte", arguments: ["camera", "brick"])
    func imagesEqualTheFiles(name: String) throws {
        let file = try dataFile("\(name)-128.pgm")
        #expect(Tensor.embeddedPGM(named: name) == file)
        let image = try Tensor.image(named: name)
        #expect(image.shape == [128, 128])
        #expect(image == (try Tensor(pgm: file)))
        #expect(image.scalars == file.suffix(128 * 128).map(Double.init))
        #expect(try image.min().scalar! >= 0 && image.max().scalar! <= 255)
    }

    @Test("known pixels of the images; unknown names")
    func knownPixels() throws {
        expectClose(try Tensor.image(named: "camera").slice([.at(0), .range(stop: 5)]), shape: [5], [199, 199, 199, 199, 198])
        expectClose(try Tensor.image(named: "brick").slice([.at(0), .range(stop: 5)]), shape: [5], [98, 101, 164, 113, 90])
        #expect(Tensor.imageNames == ["camera", "brick"])
        let typo = expectError(.unknownImage(name: "camra", known: ["camera", "brick"])) { try Tensor.image(named: "camra") }
        #expect(typo == "there is no image named \"camra\"; did you mean \"camera\"? (the images are \"camera\", \"brick\")")
        let other = expectError(.unknownImage(name: "lena", known: ["camera", "brick"])) { try Tensor.image(named: "lena") }
        #expect(other == "there is no image named \"lena\" (the images are \"camera\", \"brick\")")
    }

    @Test("the test's gunzip checks the CRC, and base64 decodes RFC 4648's examples")
    func decoders() throws {
        var corrupt = try dataFile("digits.csv.gz")
        corrupt[corrupt.count - 6] ^= 1  // a bit of the CRC-32
        #expect { try Gunzip.decompress(corrupt) } throws: { "\($0)".contains("CRC-32") }
        for (text, bytes) in [("", ""), ("Zg==", "f"), ("Zm8=", "fo"), ("Zm9v", "foo"), ("Zm9vYg==", "foob"),
                              ("Zm9vYmE=", "fooba"), ("Zm9v\nYmFy", "foobar"), ("+/8=", "\u{FB}\u{FF}")] {
            let decoded = Array(text.utf8).withUnsafeBufferPointer { Base64.decode($0) }
            #expect(decoded == (bytes.unicodeScalars.map { UInt8($0.value) }), "\(text)")
        }
    }
}
