/// A mistake in a lesson file, or a lesson that cannot be found or read: the message names
/// the file and line (`lessons/02-convolution-arithmetic.md:41: ...`), as a compiler would.
public struct LessonError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    /// 1-based; nil when the mistake is not at a line (a missing file).
    public let line: Int?
    public let message: String

    public init(_ path: String, line: Int?, _ message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String {
        path + (line.map { ":\($0)" } ?? "") + ": " + message
    }
}
