/// The memory budget: the bytes of tensor storage a session holds at once.
///
/// One accounting point: every tensor buffer of at least `StorageCharge.minimumCount` elements
/// made while a guard is installed is charged when
/// it is made (`Tensor`'s initialisers) and given back when its last copy goes
/// (`StorageCharge.deinit`). Copies of a tensor share their buffer and its charge; a copy
/// that is written to gets a buffer of its own and a charge of its own. Everything that keeps
/// tensors alive is counted through them: variables, lists, models, the autograd graph's
/// saved tensors, `fit`'s batches.
///
/// A request that would go over the budget is still served (the engine's operations cannot
/// fail halfway), but it stops the run (`StopReason.memoryLimit`), so the operation ends at
/// its next poll and the session reports the error; the temporaries go when it unwinds, and
/// the session's variables stay.
extension ComputeGuard {
    /// What went over the budget: the bytes asked for, and the bytes alive before.
    public struct Overrun: Sendable, Equatable {
        public var requested: Int
        public var live: Int

        public init(requested: Int, live: Int) {
            self.requested = requested
            self.live = live
        }
    }

    /// The budget in bytes (`Int.max`: none).
    public var memoryBudget: Int {
        get { memoryLimit.load(ordering: .relaxed) }
        set { memoryLimit.store(newValue, ordering: .relaxed) }
    }

    /// The bytes of tensor storage charged and alive now.
    public var memoryInUse: Int { liveBytes.load(ordering: .relaxed) }

    /// The request that went over the budget in this run, if one did.
    public var overrun: Overrun? {
        let requested = overrunRequest.load(ordering: .relaxed)
        return requested == 0 ? nil : Overrun(requested: requested, live: overrunLive.load(ordering: .relaxed))
    }

    /// Charges `bytes` of new storage; over the budget, records the request and stops the run.
    func charge(_ bytes: Int) -> StorageCharge {
        let before = liveBytes.add(bytes, ordering: .relaxed).oldValue
        if bytes > memoryBudget - before, overrunRequest.compareExchange(expected: 0, desired: bytes, ordering: .relaxed).exchanged {
            overrunLive.store(before, ordering: .relaxed)
            stop(.memoryLimit)
        }
        return StorageCharge(self, bytes)
    }

    func release(_ bytes: Int) {
        liveBytes.subtract(bytes, ordering: .relaxed)
    }
}

/// One buffer's charge against a session's budget, given back when the last tensor sharing
/// the buffer goes.
final class StorageCharge: Sendable {
    let owner: ComputeGuard
    let bytes: Int

    init(_ owner: ComputeGuard, _ bytes: Int) {
        self.owner = owner
        self.bytes = bytes
    }

    deinit { owner.release(bytes) }

    /// Buffers smaller than this are not charged: a charge costs an allocation and two atomic
    /// operations, which made a loop of 2x2 additions a fifth slower.
    static let minimumCount = 64

    /// A charge for the current thread's session, or nil outside one or for a small buffer.
    @inline(__always)
    static func forNewBuffer(of count: Int) -> StorageCharge? {
        count < minimumCount ? nil : ComputeGuard.current?.charge(count &* MemoryLayout<Double>.stride)
    }
}
