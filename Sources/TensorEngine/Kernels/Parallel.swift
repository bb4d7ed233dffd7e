import _CSupport
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How many threads the kernels use. Read from `LECTERN_THREADS` when first needed
/// (default: every core the machine reports); changeable at run time, e.g. by tests.
///
/// Kernels split work only over independent outputs (rows of C, images of a batch), never
/// inside a sum, so a result does not depend on the thread count — bit for bit.
public enum KernelThreads {
    private static let value = Atomic<Int>(fromEnvironment())

    /// The number of threads a kernel may use, at least 1.
    public static var count: Int {
        get { value.load(ordering: .relaxed) }
        set { value.store(Swift.max(1, newValue), ordering: .relaxed) }
    }

    /// `LECTERN_THREADS` if it is a positive integer, else the number of active cores.
    private static func fromEnvironment() -> Int {
        if let text = getenv("LECTERN_THREADS"), let n = Int(String(cString: text)), n > 0 {
            return n
        }
        return Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}

/// Runs `body(part)` for `part` in `0..<parts`, spread over at most `KernelThreads.count`
/// threads (the calling one and the helpers of `WorkerPool`). The parts go in runs of
/// consecutive parts, about eight runs per worker, and each worker takes the next run not yet
/// taken when it is free: a worker on a core that another program slows down takes fewer.
/// Which thread runs a part changes nothing in it, so the results do not depend on the split.
/// `body` must only write to memory that no other part writes to.
func parallelFor(parts: Int, threads: Int = KernelThreads.count, _ body: (Int) -> Void) {
    let workers = Swift.min(threads, parts)
    if workers <= 1 {
        for part in 0..<parts { body(part) }
        return
    }
    // The parts write disjoint memory (the caller's promise), so sharing `body` is safe.
    // The workers run under the caller's `ComputeGuard`: their tensors are charged to its
    // session, and the kernels they run see its stop signal.
    let run = Swift.max(1, parts / (8 * workers)), next = Atomic<Int>(0)
    let ran = WorkerPool.shared.tryRun(workers: workers) { _ in
        while true {
            let first = next.wrappingAdd(run, ordering: .relaxed).oldValue
            guard first < parts else { return }
            for part in first..<Swift.min(parts, first + run) { body(part) }
        }
    }
    if ran { return }
    // The pool is busy (another session's kernel, or a parallelFor inside a part): the same
    // shares on Dispatch's threads.
    let session = UncheckedSendable(lectern_current_guard())
    withoutActuallyEscaping(body) { body in
        let shared = UncheckedSendable(body)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let previous = lectern_current_guard()
            lectern_set_current_guard(session.value)
            defer { lectern_set_current_guard(previous) }
            for part in (worker * parts / workers)..<((worker + 1) * parts / workers) { shared.value(part) }
        }
    }
}

/// A value handed to other threads under the caller's guarantee that they do not race.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
