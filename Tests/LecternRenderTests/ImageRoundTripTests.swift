import Testing
import TensorEngine
@testable import LecternRender

/// `imshow` of a known digit shows its stroke where the ink is, and nothing where it is not.
@Suite("imshow of a digit shows its stroke")
struct ImageRoundTripTests {
    /// digits().x[0]: a 0, pixels 0 (paper) to 16 (ink), row by row.
    static let pixels = Array(Dataset.digits().x.scalars[0..<64])

    @Test("shading characters: ink cells dense, paper cells blank")
    func shading() throws {
        let text = try Support.figure("imshow(digits().x[0, 0])").render(Support.plain(.blocks))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0) }
        let top = Self.pixels.max()!
        // At 60 columns an 8x8 image is drawn 2x larger: a pixel is 2 rows by 4 columns.
        for row in 0..<8 {
            for column in 0..<8 {
                let value = Self.pixels[row * 8 + column]
                for (r, c) in [(2 * row, 4 * column), (2 * row + 1, 4 * column + 3)] {
                    let character = c < lines[r].count ? lines[r][c] : " "
                    if value >= 0.75 * top { #expect("▓█".contains(character), "pixel (\(row), \(column)) = \(value)") }
                    if value == 0 { #expect(character == " ", "pixel (\(row), \(column)) = 0") }
                }
            }
        }
        // A 0 is a ring: in row 4, ink at columns 2 and 5, paper inside.
        #expect(Self.pixels[4 * 8 + 2] >= 8 && Self.pixels[4 * 8 + 3] == 0 && Self.pixels[4 * 8 + 5] >= 8)
    }

    @Test("half blocks in colour: ink light, paper black")
    func halfBlocks() throws {
        guard case let .image(plot) = try Support.figure("imshow(digits().x[0, 0])").content else {
            throw TestFailure("imshow did not make an image")
        }
        let canvas = Canvas(kind: .blocks, colour: .trueColour)
        // Half blocks: a square pixel is one column by half a row; 16 rows hold 32 pixels, 4 per digit pixel.
        let image = ImagePlot.fitted(plot.images[0], maxWidth: 60, maxHeight: 32, canvas: canvas)
        #expect(image.width == 32 && image.height == 32)
        let grid = plot.cells(image, plot.scales[0], canvas: canvas)
        for row in 0..<8 {
            for column in 0..<8 {
                let value = Self.pixels[row * 8 + column]
                let cell = grid[2 * row, 4 * column + 1]
                #expect(cell.character == "▀")
                if value >= 0.75 * Self.pixels.max()! { #expect(cell.foreground!.red > 180, "ink at (\(row), \(column))") }
                if value == 0 { #expect(cell.foreground == RGB(0, 0, 0), "paper at (\(row), \(column))") }
            }
        }
    }
}
