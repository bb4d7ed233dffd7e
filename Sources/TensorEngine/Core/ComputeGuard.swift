import _CSupport
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the engine watches while a session's code runs: a stop signal that long kernels poll
/// (Ctrl-C, a deadline, the memory budget overrun), the budget for tensor storage
/// (`ComputeGuard+Memory.swift`) and the most elements one new tensor may have
/// (`ComputeGuard+Elements.swift`).
///
/// A session (the language's interpreter) owns one and installs it on the thread that runs its
/// code (`installed(_:)`); the engine finds it there (`ComputeGuard.current`), so kernels need
/// no extra argument and engine code run outside a session is not watched at all.
///
/// Stopping early: a kernel that sees `shouldStop()` between two blocks of work (a GEMM panel,
/// an image of a batch, a batch of `fit`) finishes at once, with zeros where it did not
/// compute, and the session turns the stop into an error when the operation returns. When
/// nothing stops them, kernels compute exactly what they would without a guard.
public final class ComputeGuard: Sendable {
    /// Why a session's code should stop.
    public enum StopReason: Int, Sendable {
        /// Someone pressed Ctrl-C (`cancel()`).
        case cancelled = 1
        /// The deadline set by `begin(seconds:)` has passed.
        case timeLimit
        /// Tensor storage would exceed the memory budget (`overrun` says by what request).
        case memoryLimit
    }

    @usableFromInline let stopState = Atomic<Int>(0)
    /// When the running code must stop, in nanoseconds of the monotonic clock (`UInt64.max`: never).
    private let deadline = Atomic<UInt64>(.max)
    /// The seconds allowed by the last `begin` (for messages).
    private let allowedSeconds = Atomic<UInt64>(Double.infinity.bitPattern)

    // Memory (see ComputeGuard+Memory.swift).
    let memoryLimit: Atomic<Int>
    let liveBytes = Atomic<Int>(0)
    let overrunRequest = Atomic<Int>(0)
    let overrunLive = Atomic<Int>(0)
    // Elements (see ComputeGuard+Elements.swift).
    let elementLimitStorage: Atomic<Int>

    /// A guard whose Ctrl-C stops this one's code too: a REPL's session, for the interpreters
    /// that check an exercise against it (`:check`). Only a cancel passes on; the other guard's
    /// deadline and budget are its own.
    public let cancelledWith: ComputeGuard?

    /// - Parameter memoryBudget: the most bytes of tensor storage alive at once (`Int.max`: no budget).
    /// - Parameter elementLimit: the most elements one new tensor may have (`Int.max`: no limit).
    /// - Parameter cancelledWith: a guard whose `cancel()` also stops this one.
    public init(memoryBudget: Int = .max, elementLimit: Int = .max, cancelledWith: ComputeGuard? = nil) {
        memoryLimit = Atomic(memoryBudget)
        elementLimitStorage = Atomic(elementLimit)
        self.cancelledWith = cancelledWith
    }

    /// Starts a run: no stop yet, and a deadline `seconds` from now (infinity: none).
    public func begin(seconds: Double) {
        allowedSeconds.store(seconds.bitPattern, ordering: .relaxed)
        let nanoseconds = seconds * 1e9
        let end = nanoseconds.isFinite && nanoseconds >= 0 && nanoseconds < 1.8e19
            ? ComputeGuard.now() &+ UInt64(nanoseconds) : UInt64.max
        deadline.store(end, ordering: .relaxed)
        overrunRequest.store(0, ordering: .relaxed)
        overrunLive.store(0, ordering: .relaxed)
        stopState.store(0, ordering: .relaxed)
    }

    /// Asks the running code to stop (async-signal-safe: one atomic operation); the first
    /// reason given is the one kept.
    public func stop(_ reason: StopReason) {
        _ = stopState.compareExchange(expected: 0, desired: reason.rawValue, ordering: .relaxed)
    }

    /// Ctrl-C: `stop(.cancelled)`.
    public func cancel() { stop(.cancelled) }

    /// Clears a stop by Ctrl-C that the running code has handled (`fit` ends training and
    /// returns its history); any other stop stays.
    public func resumeAfterCancel() {
        _ = stopState.compareExchange(expected: StopReason.cancelled.rawValue, desired: 0, ordering: .relaxed)
    }

    /// Why the code should stop, if it should (the deadline is not looked at: see `shouldStop`).
    public var stopReason: StopReason? {
        StopReason(rawValue: stopState.load(ordering: .relaxed))
    }

    /// Whether a stop was asked for (one atomic load, two with `cancelledWith`; the deadline is
    /// not looked at).
    @inlinable
    public var isStopped: Bool { stopState.load(ordering: .relaxed) != 0 || followsCancel() }

    /// Takes over a cancel of `cancelledWith`; true when there was one.
    @usableFromInline
    func followsCancel() -> Bool {
        guard let cancelledWith, cancelledWith.stopState.load(ordering: .relaxed) == StopReason.cancelled.rawValue else {
            return false
        }
        cancel()
        return true
    }

    /// Whether the running code should stop: a stop was asked for, or the deadline has passed
    /// (which then becomes the stop reason). Reads the clock: call it once per block of work.
    public func shouldStop() -> Bool {
        if isStopped { return true }
        if ComputeGuard.now() > deadline.load(ordering: .relaxed) {
            stop(.timeLimit)
            return true
        }
        return false
    }

    /// The seconds the last `begin` allowed.
    public var seconds: Double { Double(bitPattern: allowedSeconds.load(ordering: .relaxed)) }

    /// Runs `body` with this guard installed on the calling thread, then puts back the one
    /// that was there.
    public func installed<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        let previous = lectern_current_guard()
        lectern_set_current_guard(Unmanaged.passUnretained(self).toOpaque())
        defer { lectern_set_current_guard(previous) }
        return try body()
    }

    /// Whether this guard is the one installed on the calling thread (a pointer comparison).
    public var isInstalled: Bool {
        lectern_current_guard() == Unmanaged.passUnretained(self).toOpaque()
    }

    /// The guard installed on the calling thread, if any.
    @inline(__always)
    public static var current: ComputeGuard? {
        guard let pointer = lectern_current_guard() else { return nil }
        return Unmanaged<ComputeGuard>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// Whether the guard installed on the calling thread, if any, has stopped (no retain, one
    /// atomic load).
    @inlinable
    public static var currentIsStopped: Bool {
        guard let pointer = lectern_current_guard() else { return false }
        return Unmanaged<ComputeGuard>.fromOpaque(pointer)._withUnsafeGuaranteedRef { $0.isStopped }
    }

    /// `current?.shouldStop()`: for kernels, once per block of work.
    @inline(__always)
    static func shouldStopNow() -> Bool { current?.shouldStop() ?? false }

    /// Nanoseconds of the monotonic clock.
    static func now() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }
}
