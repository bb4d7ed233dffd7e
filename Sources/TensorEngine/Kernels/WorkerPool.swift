import _CSupport
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Helper threads that live as long as the process and run the shares of `parallelFor`.
///
/// A training step of LeNet-5 (W8) has some twenty parallel regions of a few hundred
/// microseconds each, with serial work between them. Waking a sleeping thread for each costs
/// tens of microseconds on these machines, and the other thread's share waits for it. So a
/// helper that has finished a share keeps watching for the next one for a while (`spinTime`)
/// before it goes to sleep, as OpenMP's threads do: back-to-back regions then start at once.
///
/// The protocol, with one owner at a time (whoever holds `owned`):
/// 1. the owner stores the job (`job`, `jobGuard`), sets `pending` to the number of helpers
///    it needs (workers − 1), and publishes a new `ticket`: a count and the number of workers;
/// 2. each helper sees the new ticket; helper `h` is worker `h` (the owner is worker 0), and
///    one that has a share runs it and counts itself off `pending`;
/// 3. the owner runs worker 0's share, then waits for `pending` to reach 0.
/// The worker count travels in the ticket itself: a helper left out of one job that looks
/// late must not read the next job's count against this job's ticket.
/// Waiting is spinning for `spinTime`, then sleeping on `condition` (see `wait(until:)`).
///
/// Only one `parallelFor` owns the pool at a time. Another one meanwhile (a second session's
/// thread, or a `parallelFor` inside a share) does not wait for it: `tryRun` returns false and
/// the caller runs its shares another way.
final class WorkerPool: @unchecked Sendable {
    static let shared = WorkerPool()

    /// How long a waiting thread spins before it sleeps, in nanoseconds.
    static let spinTime: UInt64 = 1_000_000

    private let owned = Atomic<Bool>(false)
    /// (jobs published << 8) | workers of the last job.
    private let ticket = Atomic<UInt64>(0)
    private let pending = Atomic<Int>(0)
    private let sleepers = Atomic<Int>(0)
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    // Written by the owner only, before it publishes `ticket`; read by helpers after they
    // see it (the atomic's release and acquire order them).
    private var helpers = 0
    private let job = UnsafeMutablePointer<(Int) -> Void>.allocate(capacity: 1)
    private var jobGuard: UnsafeMutableRawPointer?

    private init() {
        mutex = .allocate(capacity: 1)
        condition = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    /// Runs `share(w)` for `w` in `0..<workers`, worker 0 on the calling thread, and returns
    /// when all have finished; false, having run nothing, when the pool is in use (or for more
    /// than 255 workers).
    func tryRun(workers: Int, _ share: (Int) -> Void) -> Bool {
        guard workers <= 0xFF, owned.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return false }
        defer { owned.store(false, ordering: .releasing) }
        while helpers < workers - 1 { startHelper() }
        withoutActuallyEscaping(share) { share in
            job.initialize(to: share)
            jobGuard = lectern_current_guard()
            pending.store(workers - 1, ordering: .relaxed)
            let count = (ticket.load(ordering: .relaxed) >> 8) &+ 1
            ticket.store(count << 8 | UInt64(workers), ordering: .sequentiallyConsistent)
            wakeSleepers()
            share(0)
            wait { pending.load(ordering: .sequentiallyConsistent) == 0 }
            job.deinitialize(count: 1)
        }
        return true
    }

    /// One more helper thread, waiting for the ticket after the current one.
    private func startHelper() {
        helpers += 1
        let context = HelperContext(pool: self, index: helpers, seen: ticket.load(ordering: .acquiring))
        #if canImport(Darwin)
        var thread: pthread_t?
        #else
        var thread = pthread_t()
        #endif
        let status = pthread_create(&thread, nil, { raw in
            let pointer: UnsafeMutableRawPointer? = raw  // optional on Linux, not on Darwin
            let context = Unmanaged<HelperContext>.fromOpaque(pointer!).takeRetainedValue()
            context.pool.helperLoop(index: context.index, seen: context.seen)
        }, Unmanaged.passRetained(context).toOpaque())
        precondition(status == 0, "cannot start a kernel thread (pthread_create: \(status))")
        #if canImport(Darwin)
        pthread_detach(thread!)
        #else
        pthread_detach(thread)
        #endif
    }

    private final class HelperContext {
        let pool: WorkerPool, index: Int, seen: UInt64
        init(pool: WorkerPool, index: Int, seen: UInt64) { (self.pool, self.index, self.seen) = (pool, index, seen) }
    }

    private func helperLoop(index: Int, seen start: UInt64) -> Never {
        var seen = start
        while true {
            wait { ticket.load(ordering: .sequentiallyConsistent) != seen }
            seen = ticket.load(ordering: .acquiring)
            guard index < Int(seen & 0xFF) else { continue }
            runShare(index)
            if pending.wrappingSubtract(1, ordering: .sequentiallyConsistent).newValue == 0 { wakeSleepers() }
        }
    }

    /// A helper's share, under the owner's compute guard. Not inlined, so that every copy of
    /// the job closure is released before the helper counts itself off `pending`.
    @inline(never)
    private func runShare(_ index: Int) {
        let previous = lectern_current_guard()
        lectern_set_current_guard(jobGuard)
        job.pointee(index)
        lectern_set_current_guard(previous)
    }

    /// Spins until `ready()` or `spinTime` has passed, then sleeps until `ready()`. After the
    /// first few microseconds the spinning yields the core at each turn, so that on a machine
    /// with more busy threads than cores, the thread being waited for gets to run.
    ///
    /// No wake-up is lost: a sleeper counts itself in `sleepers` and checks `ready()` under the
    /// mutex; a waker makes a thread ready (a sequentially consistent operation) before it
    /// reads `sleepers`, and broadcasts under the mutex. Either the sleeper sees the change, or
    /// the waker sees the sleeper and its broadcast comes once the sleeper waits.
    private func wait(until ready: () -> Bool) {
        if ready() { return }
        let start = ComputeGuard.now()
        var spins = 0
        while !ready() {
            spins += 1
            if spins < 256 {
                lectern_spin_pause()
            } else {
                sched_yield()
                if ComputeGuard.now() &- start > Self.spinTime { break }
            }
        }
        if ready() { return }
        pthread_mutex_lock(mutex)
        sleepers.wrappingAdd(1, ordering: .sequentiallyConsistent)
        while !ready() { pthread_cond_wait(condition, mutex) }
        sleepers.wrappingSubtract(1, ordering: .sequentiallyConsistent)
        pthread_mutex_unlock(mutex)
    }

    private func wakeSleepers() {
        guard sleepers.load(ordering: .sequentiallyConsistent) > 0 else { return }
        pthread_mutex_lock(mutex)
        pthread_cond_broadcast(condition)
        pthread_mutex_unlock(mutex)
    }
}
