@preconcurrency import CEditLine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lines from standard input without editing: a pipe or a file (`lectern < script.lec`),
/// read as they arrive, so that each entry runs as soon as it is complete.
final class PlainLines: LineReader {
    /// Whether to write the prompt (only when the line editor could not start on a terminal).
    let showsPrompt: Bool
    /// Bytes read; those from `start` on are not yet returned as lines.
    private var buffer: [UInt8] = []
    private var start = 0
    private var ended = false

    init(showsPrompt: Bool) {
        self.showsPrompt = showsPrompt
    }

    func read(prompt: Prompt, taken: () -> Void) -> LineInput {
        if showsPrompt {
            fputs(prompt.text.filter { $0 != Character(UnicodeScalar(UInt8(Prompt.escape))) }, lectern_stdout())
        }
        fflush(lectern_stdout())
        while !ended, !buffer[start...].contains(UInt8(ascii: "\n")) { fill() }
        guard start < buffer.count else { return .end }
        let end = buffer[start...].firstIndex(of: UInt8(ascii: "\n")) ?? buffer.count
        var line = buffer[start..<end]
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        let text = String(decoding: line, as: UTF8.self)
        // Moving on, not removing the line: removing would move the rest of the buffer each time.
        start = min(end + 1, buffer.count)
        taken()
        return .line(text)
    }

    /// Reads what is there (waiting for at least a byte); notes the end of the input.
    private func fill() {
        buffer.removeFirst(start)
        start = 0
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { Glibc.read(0, $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR { return }
        guard count > 0 else { ended = true; return }
        buffer.append(contentsOf: chunk[..<count])
    }

    func remember(_ entry: String) {}
}
