/// A piece of program text with a name for messages: a file ("train.lec"), a REPL cell
/// ("cell 3") or a lesson step. Positions in it are UTF-8 byte offsets; line and column are
/// computed only when a message is printed (Crafting Interpreters keeps tokens this way too).
public struct Source: Sendable {
    /// How messages name this source: a file path, or "cell 3".
    public let name: String
    /// Whether `name` is a file (messages then say FILE:LINE:COL).
    public let isFile: Bool
    public let text: String
    /// The text as UTF-8 bytes, which the lexer reads.
    let bytes: [UInt8]
    /// The offset at which each line starts.
    private let lineStarts: [Int]
    /// The number messages give the text's first line: 1, or the line of a longer input
    /// (standard input fed to the REPL) where this piece of it starts.
    public let firstLine: Int

    public init(name: String, text: String, isFile: Bool = false, firstLine: Int = 1) {
        self.name = name
        self.text = text
        self.isFile = isFile
        self.firstLine = firstLine
        self.bytes = Array(text.utf8)
        var starts = [0]
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(i + 1) }
        self.lineStarts = starts
    }

    /// The line (counted from `firstLine`) and 1-based column of an offset; columns count
    /// characters, not bytes.
    public func location(of offset: Int) -> (line: Int, column: Int) {
        let line = lineIndex(of: offset)
        let prefix = bytes[lineStarts[line]..<min(max(offset, lineStarts[line]), bytes.count)]
        return (line + firstLine, String(decoding: prefix, as: UTF8.self).count + 1)
    }

    /// The text of line `number` (counted from `firstLine`), without its newline.
    public func line(_ number: Int) -> String {
        let index = number - firstLine
        let start = lineStarts[index]
        var end = index + 1 < lineStarts.count ? lineStarts[index + 1] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }

    /// The text of a range.
    public func text(of range: SourceRange) -> String {
        String(decoding: bytes[max(0, range.start)..<min(range.end, bytes.count)], as: UTF8.self)
    }

    private func lineIndex(of offset: Int) -> Int {
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }
}

/// A span of a source: UTF-8 byte offsets `start..<end`.
public struct SourceRange: Equatable, Hashable, Sendable {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// The smallest range covering both.
    public func to(_ other: SourceRange) -> SourceRange { SourceRange(min(start, other.start), max(end, other.end)) }

    /// An empty range, for values that come from nowhere in the text.
    public static let none = SourceRange(0, 0)
}
