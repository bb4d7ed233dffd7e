import Dispatch
import Synchronization
import Testing
@testable import TensorEngine

/// `parallelFor` on the worker pool: every part runs exactly once, whatever the number of
/// threads; a `parallelFor` inside a part, or several at once from different threads, still
/// run every part (on Dispatch's threads while the pool is taken); the parts run under the
/// caller's compute guard.
@Suite("parallelFor and the worker pool")
struct ParallelForTests {
    /// How many times each part ran.
    static func counts(parts: Int, threads: Int) -> [Int] {
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: parts)
        defer { counts.deallocate() }
        counts.initialize(repeating: 0)
        parallelFor(parts: parts, threads: threads) { part in counts[part] += 1 }
        return Array(counts)
    }

    @Test("every part runs once, for any number of parts and threads", arguments: [1, 2, 3, 4, 7])
    func everyPartOnce(threads: Int) {
        for parts in [0, 1, 2, 3, 5, 16, 101] {
            #expect(Self.counts(parts: parts, threads: threads) == Array(repeating: 1, count: parts), "parts \(parts)")
        }
    }

    @Test("a thousand regions back to back, as a training loop makes them")
    func backToBack() {
        for round in 0..<1000 {
            let parts = 2 + round % 5
            let counts = Self.counts(parts: parts, threads: 2)
            if counts != Array(repeating: 1, count: parts) {
                Issue.record("round \(round): \(counts)")
                return
            }
        }
    }

    @Test("a parallelFor inside a part, and several at once from other threads, run every part")
    func nestedAndConcurrent() {
        let total = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            for _ in 0..<50 {
                parallelFor(parts: 6, threads: 2) { _ in
                    parallelFor(parts: 3, threads: 2) { _ in total.wrappingAdd(1, ordering: .relaxed) }
                }
            }
        }
        #expect(total.load(ordering: .relaxed) == 4 * 50 * 6 * 3)
    }

    @Test("the parts run under the caller's compute guard")
    func guardFollows() {
        let session = ComputeGuard()
        let seen = UnsafeMutableBufferPointer<Bool>.allocate(capacity: 8)
        defer { seen.deallocate() }
        seen.initialize(repeating: false)
        session.installed {
            parallelFor(parts: 8, threads: 2) { part in seen[part] = ComputeGuard.current === session }
        }
        #expect(Array(seen) == Array(repeating: true, count: 8))
        // And none outside a session.
        parallelFor(parts: 8, threads: 2) { part in seen[part] = ComputeGuard.current == nil }
        #expect(Array(seen) == Array(repeating: true, count: 8))
    }
}
