import TensorEngine

/// Runs programs: walks the syntax tree, keeps the session's variables, enforces the limits.
///
/// One interpreter is one session: variables defined by one `run` are there for the next
/// (a REPL runs each cell through the same interpreter). Errors never lose them: whatever was
/// assigned before the error stays assigned.
public final class Interpreter {
    /// The session's variables.
    public let globals = Environment()
    public var limits: Limits
    public var capabilities: Capabilities
    /// The directories the program may read and write files under (`savefig`, `load_csv`, ...).
    public var fileAccess: FileAccess
    /// What the engine watches while the program runs: the stop signal (`cancel()` from
    /// another thread, such as a REPL's Ctrl-C handler, stops the program at its next step or
    /// kernel block), the deadline and the memory budget.
    public let computeGuard: ComputeGuard
    /// Receives everything the program prints.
    public var output: (String) -> Void
    /// The generator behind `randn`, `rand` and friends; `seed(n)` resets it. Seeded with 0,
    /// so a session that never calls `seed` still draws the same numbers every time.
    public var rng = RandomGenerator(seed: 0)
    /// How `print` and a REPL show tensors; `precision(n)` sets the session's precision.
    public var printOptions = TensorPrintOptions()
    /// Told about long computations as they go (each epoch of `fit`); a REPL shows it.
    public var progress: ((String) -> Void)?
    /// The builtins this session knows: the language's own and any the host adds (plots).
    public let builtins: [Builtin]
    let builtinsByName: [String: Builtin]
    public let builtinNames: [String]

    /// How deep lists may nest in lists. Printing, comparing and freeing a list walk it
    /// recursively, so an unbounded `x = [x]` loop would end in a stack overflow.
    static let maxListNesting = 100

    /// What the running program has used so far.
    var steps = 0, outputBytes = 0, callDepth = 0
    /// Set by `cancelAfterThisCall`.
    var cancelsAfterCall = false
    /// When the session began: `clock()` counts from here.
    let sessionStart = ContinuousClock.now
    /// Where this thread's stack is nearly full (set when a run starts).
    var stackGuard = StackGuard(floor: 0)
    /// The source of the code being executed (a function runs in the source it was written in).
    var currentSource = Source(name: "<none>", text: "")

    /// The source of the code running now, for a builtin that quotes its call (an exercise's
    /// `expect_equal` shows the test line that failed).
    public var runningSource: Source { currentSource }

    /// - Parameter extraBuiltins: builtins of the host (pictures, lessons) added to the
    ///   language's own; a name already taken keeps the language's builtin.
    /// - Parameter fileAccess: the directories granted; without it, `.readFiles` and
    ///   `.writeFiles` in `capabilities` grant the working directory.
    /// - Parameter cancelledWith: another session's guard whose Ctrl-C stops this one too.
    public init(limits: Limits = .laptop, capabilities: Capabilities = [], fileAccess: FileAccess? = nil,
                extraBuiltins: [Builtin] = [], cancelledWith: ComputeGuard? = nil,
                output: @escaping (String) -> Void = { Swift.print($0, terminator: "") }) {
        computeGuard = ComputeGuard(elementLimit: limits.maxTensorElements, cancelledWith: cancelledWith)
        self.limits = limits
        self.capabilities = capabilities
        self.fileAccess = fileAccess ?? FileAccess(workingDirectoryFor: capabilities)
        self.output = output
        builtins = Builtins.all + extraBuiltins
        builtinsByName = Dictionary(builtins.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        builtinNames = builtinsByName.keys.sorted()
    }

    /// The builtin called `name` in this session.
    public func builtin(named name: String) -> Builtin? { builtinsByName[name] }

    /// Parses and runs `source`. Returns the value of the last statement when it is a bare
    /// expression (a REPL prints it), otherwise nil.
    /// - Throws: `LanguageError` (syntax, runtime, limit or cancelled), with `source` set.
    @discardableResult
    public func run(_ source: Source) throws(LanguageError) -> Value? {
        var statements: [Stmt]
        do { statements = try Parser.parse(source) } catch { throw error.located(in: source) }
        startRun(source)
        do throws(LanguageError) {
            return try computeGuard.installed { () throws(LanguageError) -> Value? in
                var last: Value? = nil
                for statement in statements {
                    last = nil
                    if case let .expression(expr) = statement.kind {
                        try step(statement.range)
                        last = try evaluate(expr)
                    } else {
                        try executeTopLevel(statement)
                    }
                }
                return last
            }
        } catch {
            throw error.located(in: currentSource)
        }
    }

    /// Parses without running: for tools that only need to know whether input is complete.
    public static func checkSyntax(_ source: Source) throws(LanguageError) {
        do { _ = try Parser.parse(source) } catch { throw error.located(in: source) }
    }

    private func startRun(_ source: Source) {
        steps = 0
        outputBytes = 0
        callDepth = 0
        currentSource = source
        stackGuard = .current()
        computeGuard.memoryBudget = limits.maxMemoryBytes
        computeGuard.elementLimit = limits.maxTensorElements
        computeGuard.begin(seconds: limits.maxSeconds)
    }

    /// The error for a program nested too deeply for the stack: deep recursion (with a high
    /// `maxCallDepth`) or an expression nested deeper than the thread can walk.
    func stackNearlyFull(_ range: SourceRange) -> LanguageError {
        let message = callDepth > 0
            ? "recursion too deep: the stack is nearly full after \(callDepth) nested calls"
            : "expression nested too deeply: the stack is nearly full"
        return LanguageError(.limit, message, range)
    }

    /// Counts one step and enforces the step, time, memory and cancellation limits.
    @inline(__always)
    func step(_ range: SourceRange) throws(LanguageError) {
        steps &+= 1
        if computeGuard.isStopped { throw .stopped(by: computeGuard, range) }
        if steps > limits.maxSteps {
            throw LanguageError(.limit, "step limit reached: more than \(limits.maxSteps) steps (an endless loop?)", range)
        }
        if steps & 0xFFF == 0, computeGuard.shouldStop() { throw .stopped(by: computeGuard, range) }
    }

    /// For a builtin that has handled Ctrl-C (`fit` returns the history so far): its value is
    /// returned, and the program stops at its next step.
    func cancelAfterThisCall() {
        computeGuard.resumeAfterCancel()
        cancelsAfterCall = true
    }

    /// Throws the error for a stop (Ctrl-C, the time or memory limit) that happened while a
    /// builtin or the engine ran.
    @inline(__always)
    func checkStop(_ range: SourceRange) throws(LanguageError) {
        if computeGuard.isStopped { throw .stopped(by: computeGuard, range) }
    }

    /// Prints through `output`, enforcing the output limit.
    func emit(_ text: String, _ range: SourceRange) throws(LanguageError) {
        outputBytes += text.utf8.count
        if outputBytes > limits.maxOutputBytes {
            throw LanguageError(.limit, "output limit reached: more than \(limits.maxOutputBytes) bytes printed", range)
        }
        output(text)
    }

    /// Refuses a string or list of `count` bytes or items when it would exceed the size limit
    /// (the same as a tensor's): `s = s + s` in a loop doubles without end.
    func checkLength(_ count: Int, _ what: String, _ unit: String, _ range: SourceRange) throws(LanguageError) {
        guard count > limits.maxTensorElements else { return }
        throw LanguageError(.limit, "\(what) \(count) \(unit) is too large: more than the limit of \(limits.maxTensorElements)", range)
    }

}

extension LanguageError {
    /// The error with its source filled in, if it had none.
    func located(in source: Source) -> LanguageError {
        var copy = self
        if copy.source == nil { copy.source = source }
        return copy
    }
}

/// Runs `body`, turning an engine error into a runtime error at `range` (its message kept).
/// A stop (Ctrl-C, the time or memory limit) that happened meanwhile is that stop's error.
@inline(__always)
func engine<T>(_ range: SourceRange, _ body: () throws -> T) throws(LanguageError) -> T {
    let result: T
    do { result = try body() } catch {
        if ComputeGuard.currentIsStopped, let stopped = ComputeGuard.current { throw .stopped(by: stopped, range) }
        throw LanguageError.wrapping(error, range)
    }
    if ComputeGuard.currentIsStopped, let stopped = ComputeGuard.current { throw .stopped(by: stopped, range) }
    return result
}

extension LanguageError {
    /// Any error as a language error: engine errors keep their explanation; language errors
    /// pass through unchanged. A tensor the engine refused for the session's element limit
    /// (set from `Limits.maxTensorElements` in `startRun`) is a `limit` error.
    static func wrapping(_ error: any Error, _ range: SourceRange) -> LanguageError {
        if let error = error as? LanguageError { return error }
        if case .overElementLimit? = error as? TensorError { return LanguageError(.limit, "\(error)", range) }
        return .runtime(String(describing: error), range)  // its `description`, when it has one
    }
}
