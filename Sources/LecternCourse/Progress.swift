#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How far a student got in a lesson: the step last shown, and which your-turn steps were
/// passed or skipped (1-based step numbers). Kept in
/// `$XDG_STATE_HOME/lectern/progress/<course id>/<lesson stem>` (by default under
/// `~/.local/state`), one `key: numbers` line each, and read back when the lesson reopens.
public struct Progress: Sendable, Equatable {
    /// The step shown last (0: not started).
    public var step = 0
    public var passed: Set<Int> = []
    public var skipped: Set<Int> = []
    /// Whether the student went past the last step.
    public var finished = false

    public init() {}

    /// The file's text: `step: 3`, `passed: 2 5`, `skipped: 7`, `finished: yes`.
    var text: String {
        "step: \(step)\npassed: \(passed.sorted().map(String.init).joined(separator: " "))\n"
            + "skipped: \(skipped.sorted().map(String.init).joined(separator: " "))\nfinished: \(finished ? "yes" : "no")\n"
    }

    /// Reads the file's text; what it cannot read is left at its start value.
    init(text: String) {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let numbers = parts[1].split(separator: " ").compactMap { Int($0) }
            switch parts[0] {
            case "step": step = numbers.first ?? 0
            case "passed": passed = Set(numbers)
            case "skipped": skipped = Set(numbers)
            case "finished": finished = parts[1].contains("yes")
            default: continue
            }
        }
    }
}

/// Where progress is kept, for one course.
public struct ProgressStore: Sendable {
    /// `$XDG_STATE_HOME/lectern/progress/<course id>`; nil without XDG_STATE_HOME or HOME.
    public let directory: String?

    public init(course: Course, environment: (String) -> String? = { getenv($0).map { String(cString: $0) } }) {
        let state: String?
        if let xdg = environment("XDG_STATE_HOME"), xdg.hasPrefix("/") {
            state = xdg
        } else if let home = environment("HOME"), !home.isEmpty {
            state = home + "/.local/state"
        } else {
            state = nil
        }
        directory = state.map { $0 + "/lectern/progress/" + course.id }
    }

    public func load(_ stem: String) -> Progress {
        guard let directory, let text = Files.read(directory + "/" + stem) else { return Progress() }
        return Progress(text: text)
    }

    /// False when the file could not be written.
    @discardableResult
    public func save(_ progress: Progress, for stem: String) -> Bool {
        guard let directory else { return false }
        return Files.write(directory + "/" + stem, progress.text)
    }
}
