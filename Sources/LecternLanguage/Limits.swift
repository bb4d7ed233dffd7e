import Synchronization

/// What a program may use. The interpreter enforces each and stops the program with a
/// `limit` error that names the limit; every variable set so far is kept.
public struct Limits: Sendable, Equatable {
    /// Statements, loop iterations and calls executed (an infinite loop ends here).
    public var maxSteps: Int
    /// Elements in one tensor (a 10^6 x 10^6 request is refused before anything is allocated):
    /// the session's `ComputeGuard.elementLimit`, which the engine checks where it allocates.
    /// Also the most bytes in one string and items in one list, which the interpreter checks.
    public var maxTensorElements: Int
    /// Nested calls of user functions (unbounded recursion ends here).
    public var maxCallDepth: Int
    /// Wall-clock seconds for one run.
    public var maxSeconds: Double
    /// Bytes a program may print in one run.
    public var maxOutputBytes: Int
    /// Bytes of tensor storage the session may hold at once: every live tensor, in variables,
    /// lists, models and the autograd graph (see `ComputeGuard+Memory.swift`).
    public var maxMemoryBytes: Int

    public init(maxSteps: Int = 1_000_000_000, maxTensorElements: Int = 100_000_000, maxCallDepth: Int = 200,
                maxSeconds: Double = 600, maxOutputBytes: Int = 4_000_000, maxMemoryBytes: Int = 2_000_000_000) {
        self.maxSteps = maxSteps
        self.maxTensorElements = maxTensorElements
        self.maxCallDepth = maxCallDepth
        self.maxSeconds = maxSeconds
        self.maxOutputBytes = maxOutputBytes
        self.maxMemoryBytes = maxMemoryBytes
    }

    /// Defaults that suit a laptop: a billion steps, 10^8 elements (800 MB) per tensor,
    /// 200 nested calls, ten minutes, 4 MB of output, 2 GB of tensors.
    public static let laptop = Limits()
}

/// What the host lets a program do beyond computing. The language itself has no file,
/// network, process or environment access; a host grants these one by one (the REPL may let a
/// script save a figure or load a file; a grader grants nothing).
public struct Capabilities: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Write files the program names (figures, saved sessions).
    public static let writeFiles = Capabilities(rawValue: 1 << 0)
    /// Read files the program names.
    public static let readFiles = Capabilities(rawValue: 1 << 1)
    /// Read a monotonic clock (`clock()`): for timing in the REPL and `lectern run`; not in
    /// graded code, whose output must not depend on how fast the machine is.
    public static let clock = Capabilities(rawValue: 1 << 2)
}
