import Foundation
import Testing
@testable import LecternRender

/// The terminal image protocols: detection from the environment, the PNG encoder (checksums,
/// golden bytes, decoded back by Python's zlib), and each protocol's escape sequence for a
/// tiny image, byte for byte.
@Suite("terminal image protocols")
struct ImageProtocolTests {
    /// 2 x 2: black, white / red, blue.
    static let tiny = PixelImage(width: 2, height: 2, indices: [0, 1, 2, 3],
                                 palette: [RGB(0, 0, 0), RGB(255, 255, 255), RGB(255, 0, 0), RGB(0, 0, 255)])

    func detect(_ environment: [String: String], tty: Bool = true) -> ImageProtocol {
        TerminalSettings.from(environment: environment, isTerminal: tty, columns: 100).imageProtocol
    }

    @Test("kitty and iTerm2 from the environment; none in tmux, pipes, NO_COLOR, dumb terminals; LECTERN_IMAGES decides")
    func detection() {
        #expect(detect(["TERM": "xterm-kitty"]) == .kitty)
        #expect(detect(["TERM": "xterm-256color", "KITTY_WINDOW_ID": "1"]) == .kitty)
        #expect(detect(["TERM_PROGRAM": "iTerm.app"]) == .iterm2 && detect(["TERM_PROGRAM": "WezTerm"]) == .iterm2)
        #expect(detect(["TERM": "xterm-256color"]) == .none)
        #expect(detect(["TERM": "xterm-kitty", "TMUX": "/tmp/tmux"]) == .none)
        #expect(detect(["TERM": "xterm-kitty"], tty: false) == .none)
        #expect(detect(["TERM": "xterm-kitty", "NO_COLOR": ""]) == .none)
        #expect(detect(["TERM": "dumb", "KITTY_WINDOW_ID": "1"]) == .none)
        #expect(detect(["TERM": "xterm", "LECTERN_IMAGES": "sixel"]) == .sixel)
        #expect(detect(["TERM": "xterm-kitty", "LECTERN_IMAGES": "none"]) == .none)
        #expect(detect(["LECTERN_IMAGES": "bogus", "TERM": "xterm-kitty"]) == .none)
    }

    @Test("the terminal's size, else COLUMNS and LINES, else 80 columns and no height limit")
    func size() {
        let pipe = TerminalSettings.from(environment: [:], isTerminal: false, columns: nil)
        #expect(pipe.width == 80 && pipe.height == nil)
        let tty = TerminalSettings.from(environment: [:], isTerminal: true, columns: 132, rows: 50)
        #expect(tty.width == 132 && tty.height == 50)
        let told = TerminalSettings.from(environment: ["COLUMNS": "200", "LINES": "60"], isTerminal: false, columns: nil)
        #expect(told.width == 200 && told.height == 60)
        #expect(TerminalSettings.from(environment: ["COLUMNS": "x"], isTerminal: false, columns: nil).width == 80)
        let both = TerminalSettings.from(environment: ["COLUMNS": "200", "LINES": "60"], isTerminal: true, columns: 90, rows: 30)
        #expect(both.width == 90 && both.height == 30)
    }

    @Test("CRC-32 and Adler-32 give the published check values")
    func checksums() {
        #expect(PNG.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(PNG.adler32(Array("Wikipedia".utf8)) == 0x11E6_0398)
        #expect(Base64.encode(Array("any carnal pleas".utf8)) == "YW55IGNhcm5hbCBwbGVhcw==")
        #expect(Base64.encode(Array("any carnal pleasu".utf8)) == "YW55IGNhcm5hbCBwbGVhc3U=")
    }

    @Test("the PNG of a 2x2 image, byte for byte; stored blocks split at 65535 bytes")
    func pngBytes() {
        let png = PNG.encode(Self.tiny.pixels, width: 2, height: 2)
        let hex = png.map { String(format: "%02x", $0) }.joined()
        #expect(hex == "89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a73"
            + "00000019494441547801" + "01" + "0e00f1ff" + "00000000ffffff00ff00000000ff" + "21ec04fc" + "ea078c41"
            + "0000000049454e44ae426082")
        let long = PNG.zlibStored([UInt8](repeating: 7, count: 70000))
        #expect(long.count == 2 + 5 + 65535 + 5 + 4465 + 4 && long[2] == 0 && long[2 + 5 + 65535] == 1)
    }

    @Test("Python's zlib and the PNG chunk layout read our PNG back", .enabled(if: FileManager.default.fileExists(atPath: "/usr/bin/python3")))
    func pngDecodes() throws {
        let png = PNG.encode(Self.tiny.pixels, width: 2, height: 2)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-\(getpid()).png")
        try Data(png).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let script = """
            import struct, sys, zlib
            d = open(sys.argv[1], 'rb').read(); i = 8; chunks = {}
            while i < len(d):
                n, = struct.unpack('>I', d[i:i+4]); t = d[i+4:i+8]; body = d[i+8:i+8+n]
                assert zlib.crc32(t + body) == struct.unpack('>I', d[i+8+n:i+12+n])[0], t
                chunks[t] = body; i += 12 + n
            print(struct.unpack('>II', chunks[b'IHDR'][:8]), zlib.decompress(chunks[b'IDAT']).hex())
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", script, url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(output == "(2, 2) 00000000ffffff00ff00000000ff\n")
    }

    @Test("kitty: a=T, f=100 PNG, no reply, cell size, base64 in chunks of 4096 with m=1 until the last")
    func kitty() {
        let base64 = Base64.encode(PNG.encode(Self.tiny.pixels, width: 2, height: 2))
        #expect(ImageEscapes.kitty(Self.tiny, columns: 4, rows: 2) == "\u{1B}_Ga=T,f=100,q=2,c=4,r=2,m=0;" + base64 + "\u{1B}\\")
        let big = PixelImage(width: 64, height: 64, indices: (0..<4096).map { $0 % 7 }, palette: (0..<7).map { RGB(UInt8($0 * 30), 0, 0) })
        let chunks = ImageEscapes.kitty(big, columns: 10, rows: 5).components(separatedBy: "\u{1B}\\").dropLast()
        #expect(chunks.count > 1 && chunks.first!.hasPrefix("\u{1B}_Ga=T,f=100,q=2,c=10,r=5,m=1;"))
        #expect(chunks.dropFirst().dropLast().allSatisfy { $0.hasPrefix("\u{1B}_Gm=1;") } && chunks.last!.hasPrefix("\u{1B}_Gm=0;"))
        #expect(chunks.allSatisfy { $0.split(separator: ";", maxSplits: 1)[1].count <= 4096 })
    }

    @Test("iTerm2: OSC 1337 File with size, width and height in cells, then the base64 PNG and BEL")
    func iterm2() {
        let png = PNG.encode(Self.tiny.pixels, width: 2, height: 2)
        #expect(ImageEscapes.iterm2(Self.tiny, columns: 4, rows: 2)
            == "\u{1B}]1337;File=inline=1;size=\(png.count);width=4;height=2;preserveAspectRatio=0:" + Base64.encode(png) + "\u{07}")
    }

    @Test("Sixel: raster attributes, palette in percent, one band, run-length coding, bands of six rows")
    func sixel() {
        // Colour 0 at (0,0): bit 0 in column 0 -> '@'; colour 1 at (0,1) -> column 1 '@', etc.
        #expect(ImageEscapes.sixel(Self.tiny) == "\u{1B}P0;1;0q\"1;1;2;2#0;2;0;0;0#1;2;100;100;100#2;2;100;0;0#3;2;0;0;100"
            + "#0@?$#1?@$#2A?$#3?A-\u{1B}\\")
        let tall = PixelImage(width: 5, height: 7, indices: [Int](repeating: 0, count: 35), palette: [RGB(0, 0, 0)])
        #expect(ImageEscapes.sixel(tall).hasSuffix("#0!5~-#0!5@-\u{1B}\\"))
    }

    @Test("a figure with an image protocol draws pixels between its title and scale; grids and protocol=\"none\" stay blocks")
    func figure() throws {
        let settings = TerminalSettings(width: 80, height: 24, colour: .trueColour, imageProtocol: .kitty)
        let single = try Support.figure("imshow(image(\"camera\"), title=\"camera\")").render(settings)
        let lines = single.components(separatedBy: "\n")
        #expect(lines[0].hasSuffix("camera") && lines[1].hasPrefix("\u{1B}_Ga=T,f=100,q=2,c=38,r=19,m=1;"))
        #expect(lines.last!.hasPrefix("0") && lines.last!.hasSuffix("255") && !single.contains("▀"))
        let none = try Support.figure("imshow(image(\"camera\"), protocol=\"none\")").render(settings)
        #expect(none.contains("▀") && !none.contains("\u{1B}_G"))
        #expect(try Support.figure("imshow(randn(2, 4, 4))").render(settings).contains("▀"))
        let sixel = try Support.figure("imshow(image(\"camera\"), protocol=\"sixel\")").render(TerminalSettings(width: 80))
        #expect(sixel.hasPrefix("\u{1B}P0;1;0q\"1;1;384;384"))
        #expect(Support.errorMessage("imshow(image(\"camera\"), protocol=\"png\")")?.contains("protocol must be \"auto\"") == true)
    }
}
