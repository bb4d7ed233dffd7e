/// The status line of a long computation: when a cell has run for more than a second, each
/// message the interpreter reports (an epoch of `fit`) replaces the last one on a single
/// line, which is cleared before anything else is written and when the cell ends.
/// Only on a terminal.
final class ProgressLine {
    let enabled: Bool
    private let console: Console
    private var start = ContinuousClock.now
    private var lastDrawn: ContinuousClock.Instant?
    private var shown = false

    static let delay = Duration.seconds(1)
    /// How often the line is redrawn at most: fast epochs need not flood the terminal.
    static let interval = Duration.milliseconds(100)

    init(enabled: Bool, console: Console) {
        self.enabled = enabled
        self.console = console
    }

    /// A cell starts.
    func begin() {
        start = .now
        lastDrawn = nil
    }

    /// The interpreter reports `message`.
    func update(_ message: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        guard start.duration(to: now) >= Self.delay else { return }
        if let lastDrawn, lastDrawn.duration(to: now) < Self.interval { return }
        lastDrawn = now
        let seconds = Double(start.duration(to: now).components.seconds)
        let line = "[\(Int(seconds)) s] " + message
        console.write("\r\u{1B}[K" + console.dim(String(line.prefix(TerminalSize.columns - 1))))
        console.flush()
        shown = true
    }

    /// Removes the status line, if it is showing (before output, and when the cell ends).
    func clear() {
        guard shown else { return }
        console.write("\r\u{1B}[K")
        shown = false
    }
}
