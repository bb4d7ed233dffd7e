#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LecternLanguage
import TensorEngine

/// Ctrl-C during a computation: the terminal sends SIGINT, and the handler asks the
/// interpreter to stop at its next step (every variable stays as it was).
///
/// While the line editor reads, Ctrl-C is not a signal but a key (`LineEditor` turns the
/// terminal's interrupt character off for that time), so this handler only ever sees the
/// computations.
enum Signals {
    /// The flag the handler sets. Kept retained for the life of the process, and set before
    /// the handler is installed, so the handler only reads it.
    nonisolated(unsafe) private static var target: Unmanaged<ComputeGuard>?

    /// Makes SIGINT cancel what `flag` belongs to.
    static func cancelOnInterrupt(_ flag: ComputeGuard) {
        target = .passRetained(flag)
        var action = sigaction()
        // NOTE: a signal handler may only do async-signal-safe work: here, one atomic store.
        // `_withUnsafeGuaranteedRef` avoids even a retain of the flag.
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in Signals.target?._withUnsafeGuaranteedRef { $0.cancel() } }
        #else
        action.__sigaction_u.__sa_handler = { _ in Signals.target?._withUnsafeGuaranteedRef { $0.cancel() } }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART
        sigaction(SIGINT, &action, nil)
    }

    /// The signal that asked `lectern run` to stop (SIGINT or SIGTERM), or 0.
    nonisolated(unsafe) private(set) static var received: Int32 = 0

    /// For `lectern run`: SIGINT and SIGTERM stop the scripts like Ctrl-C (within a fraction of
    /// a second, even inside a builtin), so that what they printed is flushed and the exit
    /// status says which signal it was. The handler is reset as it runs, so a second signal
    /// ends the process at once.
    static func stopOnTermination(_ flag: ComputeGuard) {
        target = .passRetained(flag)
        var action = sigaction()
        let handler: @convention(c) (Int32) -> Void = { signal in
            Signals.received = signal
            Signals.target?._withUnsafeGuaranteedRef { $0.cancel() }
        }
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = handler
        #else
        action.__sigaction_u.__sa_handler = handler
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_RESTART | Int32(bitPattern: UInt32(truncatingIfNeeded: SA_RESETHAND))
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
        // A parent may have started us with them blocked (a mask is inherited through exec).
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
    }
}
