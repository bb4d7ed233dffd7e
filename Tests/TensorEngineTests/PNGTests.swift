import Foundation
import Testing
@testable import TensorEngine

/// Small PNGs written by Python's zlib and struct (Tests/TensorEngineTests/Fixtures/make_png_fixtures.py
/// prints this enum): 4 x 6 pixels of seeded random values, row r filtered
/// with filter type r % 5 (None, Sub, Up, Average, Paeth), the image data split over two IDAT
/// chunks, a tEXt chunk to skip. The expected pixels are the values Python wrote.
private enum Fixtures {
    static let grey = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAGCAAAAADBUmCpAAAAGHRFWHRDb21tZW50AG1hZGUgYnkgdGhlIHRlc3SQKF1BAAAAE0lEQVR42mNwUWiyYfz7kvsiU54Xhw/zy84DdQAAABRJREFUpCSxuywH3xrvY+Dn5mUBAJ0cCayZ7lx0AAAAAElFTkSuQmCC"
    static let greyPixels: [Double] = [68.0, 32.0, 130.0, 60.0, 253.0, 230.0, 241.0, 194.0, 107.0, 48.0, 249.0, 14.0, 199.0, 221.0, 1.0, 228.0, 136.0, 117.0, 52.0, 162.0, 15.0, 11.0, 13.0, 4.0]
    static let greyAlpha = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAGCAQAAABOMPf+AAAAGHRFWHRDb21tZW50AG1hZGUgYnkgdGhlIHRlc3SQKF1BAAAAIElEQVR42gE2AMn/AAlQZqdFrdttAYgxOn82yCmcAqMTlKV1EStwhmEAAAAhSURBVIluA6eLJbkIF1vIBHn335YR8rbIAK46wSdyKYi6QzAWsf7MzxwAAAAASUVORK5CYII="
    static let greyAlphaPixels: [Double] = [9.0, 102.0, 69.0, 219.0, 136.0, 194.0, 248.0, 33.0, 43.0, 86.0, 109.0, 170.0, 188.0, 174.0, 149.0, 250.0, 53.0, 20.0, 37.0, 75.0, 174.0, 193.0, 114.0, 136.0]
    static let rgb = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAGCAIAAABrW6giAAAAGHRFWHRDb21tZW50AG1hZGUgYnkgdGhlIHRlc3SQKF1BAAAALElEQVR42gFOALH/AMNu2A5x4P13sHZw6wGUC9WfVMIKS0Ek8bkCa748wh03l67jXrt1L0wAAAAtSURBVJFPA7jvwSeTRChtOPI2mAQ9s5251aH31dlO2ewAadoc9rpm0/i21LEA9O4ouK5XDyIAAAAASUVORK5CYII="
    static let rgbPixels: [Double] = [195.0, 14.0, 253.0, 118.0, 148.0, 51.0, 61.0, 97.0, 255.0, 245.0, 212.0, 191.0, 55.0, 189.0, 240.0, 201.0, 116.0, 118.0, 180.0, 2.0, 105.0, 246.0, 211.0, 212.0, 110.0, 113.0, 119.0, 112.0, 11.0, 95.0, 170.0, 155.0, 201.0, 124.0, 88.0, 44.0, 83.0, 250.0, 22.0, 87.0, 6.0, 207.0, 235.0, 196.0, 218.0, 186.0, 248.0, 177.0, 216.0, 224.0, 176.0, 235.0, 213.0, 151.0, 216.0, 145.0, 17.0, 206.0, 187.0, 224.0, 201.0, 15.0, 157.0, 86.0, 102.0, 176.0, 137.0, 66.0, 28.0, 102.0, 182.0, 0.0]
    static let rgba = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAGCAYAAADkOT91AAAAGHRFWHRDb21tZW50AG1hZGUgYnkgdGhlIHRlc3SQKF1BAAAAOElEQVR42gFmAJn/AKnqDnVaXC6CECQqCOcHj38BiThesAvr96HuMzZFZk5zXAKx1EEVG7QLM7Ur4Eciz+WeNJEAAAA5SURBVAvZAy0MA4Je/I2+h1L8MxL66poEzorSQ8T8a65yeLM57qlTAADBZrEyad1j/DXHl/8Ips2QgBoudrieVdQAAAAASUVORK5CYII="
    static let rgbaPixels: [Double] = [169.0, 90.0, 16.0, 231.0, 137.0, 148.0, 130.0, 232.0, 58.0, 175.0, 55.0, 10.0, 74.0, 218.0, 15.0, 30.0, 24.0, 158.0, 129.0, 111.0, 193.0, 105.0, 53.0, 8.0, 234.0, 92.0, 36.0, 7.0, 56.0, 35.0, 86.0, 164.0, 12.0, 215.0, 129.0, 115.0, 18.0, 112.0, 202.0, 152.0, 156.0, 152.0, 66.0, 235.0, 102.0, 221.0, 199.0, 166.0, 14.0, 46.0, 42.0, 143.0, 94.0, 85.0, 139.0, 254.0, 159.0, 96.0, 107.0, 9.0, 82.0, 230.0, 164.0, 64.0, 36.0, 81.0, 4.0, 87.0, 177.0, 99.0, 151.0, 205.0]
    static let palette = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAGCAMAAADT589HAAAACVBMVEWXOuqNNxeXBgfSyeA9AAAAGHRFWHRDb21tZW50AG1hZGUgYnkgdGhlIHRlc3SQKF1BAAAAEUlEQVR42hXIQQ4AIAzDsDTj/0+mMGq2nJgAAAARSURBVMknQ1hWaMfiuT+I8QFM7wUThKYQXQAAAABJRU5ErkJggg=="
    static let palettePixels: [Double] = [151.0, 141.0, 151.0, 151.0, 151.0, 151.0, 151.0, 141.0, 151.0, 151.0, 141.0, 151.0, 151.0, 151.0, 151.0, 151.0, 151.0, 141.0, 141.0, 151.0, 141.0, 151.0, 141.0, 151.0, 58.0, 55.0, 58.0, 58.0, 58.0, 58.0, 6.0, 55.0, 58.0, 58.0, 55.0, 58.0, 6.0, 58.0, 58.0, 6.0, 58.0, 55.0, 55.0, 6.0, 55.0, 6.0, 55.0, 6.0, 234.0, 23.0, 234.0, 234.0, 234.0, 234.0, 7.0, 23.0, 234.0, 234.0, 23.0, 234.0, 7.0, 234.0, 234.0, 7.0, 234.0, 23.0, 23.0, 7.0, 23.0, 7.0, 23.0, 7.0]
    static let interlaced = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAGCAAAAAG2VVA/AAAAGHRFWHRDb21tZW50AG1hZGUgYnkgdGhlIHRlc3SQKF1BAAAAE0lEQVR42mNwUWiyYfz7kvsiU54Xhw/zy84DdQAAABRJREFUpCSxuywH3xrvY+Dn5mUBAJ0cCayZ7lx0AAAAAElFTkSuQmCC"
    static let sixteenBit = "iVBORw0KGgoAAAANSUhEUgAAAAQAAAAGEAAAAACRwrzqAAAAGHRFWHRDb21tZW50AG1hZGUgYnkgdGhlIHRlc3SQKF1BAAAAE0lEQVR42mNwUWiyYfz7kvsiU54Xhw/zy84DdQAAABRJREFUpCSxuywH3xrvY+Dn5mUBAJ0cCayZ7lx0AAAAAElFTkSuQmCC"
}

private func bytes(_ base64: String) -> [UInt8] { [UInt8](Data(base64Encoded: base64)!) }

@Suite("data: PNG decoding")
struct PNGTests {
    @Test("grey (H, W); grey + alpha drops the alpha")
    func grey() throws {
        expectClose(try Tensor(png: bytes(Fixtures.grey)), shape: [6, 4], Fixtures.greyPixels)
        expectClose(try Tensor(png: bytes(Fixtures.greyAlpha)), shape: [6, 4], Fixtures.greyAlphaPixels)
    }

    @Test("RGB, RGBA (alpha dropped) and palette colour give (3, H, W)")
    func colour() throws {
        expectClose(try Tensor(png: bytes(Fixtures.rgb)), shape: [3, 6, 4], Fixtures.rgbPixels)
        expectClose(try Tensor(png: bytes(Fixtures.rgba)), shape: [3, 6, 4], Fixtures.rgbaPixels)
        expectClose(try Tensor(png: bytes(Fixtures.palette)), shape: [3, 6, 4], Fixtures.palettePixels)
    }

    @Test("interlaced, 16-bit, not a PNG, truncated: errors that say so")
    func errors() {
        let cases: [([UInt8], String)] = [
            (bytes(Fixtures.interlaced), "is interlaced"), (bytes(Fixtures.sixteenBit), "16 bits per sample"),
            (Array("P5\n1 1\n255\n".utf8), "signature"), (Array(bytes(Fixtures.grey).prefix(40)), "do not inflate"),
        ]
        for (file, message) in cases {
            #expect(throws: TensorError.self) { try Tensor(png: file) }
            do { _ = try Tensor(png: file) } catch { #expect("\(error)".contains(message), "\(error)") }
        }
    }
}
