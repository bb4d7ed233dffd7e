/// The engine's one random number generator: PCG64, the permuted congruential generator of
/// O'Neill (2014) in its XSL-RR 128/64 variant, the default bit generator of NumPy.
///
/// - State: a 128-bit LCG, `state = state · 0x2360ED051FC65DA44385DF649FCCF645 + increment`
///   (the increment is odd and selects one of 2^127 streams).
/// - Output, after each step: XOR the two 64-bit halves of the state, rotate right by the
///   state's top 6 bits.
/// - Seeding from one `UInt64`: SplitMix64 expands the seed into a 128-bit initial state and
///   a 128-bit stream selector, then PCG's own seeding routine (`pcg_setseq_128_srandom_r`).
///
/// Only integer arithmetic is involved, so a seed gives the same stream on every machine;
/// `uniform()` is `(next() >> 11) · 2^-53`, NumPy's `random()` on the same state (the tests
/// check both against NumPy's own PCG64). `normal()` also calls the C library's `log`, which
/// libms compute to within an ulp but not always identically: across platforms a normal
/// sample could, rarely, differ in its last bit.
/// Determinism is the point: a seed fixes every tensor a lesson or an exercise draws.
public struct RandomGenerator: RandomNumberGenerator, Sendable {
    /// The 128-bit state, and the (odd) increment that selects the stream.
    public private(set) var state: UInt128
    public let increment: UInt128
    /// The second of the pair of normals the polar method makes, kept for the next call.
    private var spareNormal: Double?

    static let multiplier: UInt128 = 0x2360_ED05_1FC6_5DA4_4385_DF64_9FCC_F645

    /// A generator whose whole future is fixed by `seed`.
    public init(seed: UInt64) {
        var splitMix = SplitMix64(state: seed)
        let initState = UInt128(splitMix.next()) << 64 | UInt128(splitMix.next())
        let initSequence = UInt128(splitMix.next()) << 64 | UInt128(splitMix.next())
        self.init(initState: initState, sequence: initSequence)
    }

    /// PCG's seeding routine: pick the stream, step, add the initial state, step.
    public init(initState: UInt128, sequence: UInt128) {
        state = 0
        increment = sequence << 1 | 1
        step()
        state &+= initState
        step()
    }

    private mutating func step() {
        state = state &* Self.multiplier &+ increment
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        step()
        let folded = UInt64(truncatingIfNeeded: state >> 64) ^ UInt64(truncatingIfNeeded: state)
        let rotation = UInt64(truncatingIfNeeded: state >> 122)
        return folded >> rotation | folded << ((64 &- rotation) & 63)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func uniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A standard normal sample (mean 0, variance 1) by Marsaglia's polar method: draw
    /// (u, v) uniform in the square [-1, 1)², keep it if s = u² + v² is in (0, 1), and return
    /// u·√(−2 ln s / s), keeping v·√(−2 ln s / s) for the next call.
    public mutating func normal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        while true {
            let u = 2 * uniform() - 1, v = 2 * uniform() - 1
            let s = u * u + v * v
            guard s > 0 && s < 1 else { continue }
            let factor = (-2 * CMath.log(s) / s).squareRoot()
            spareNormal = v * factor
            return u * factor
        }
    }

    /// A uniform integer in `0..<bound` without modulo bias: draws are rejected when they
    /// fall in the incomplete last copy of `0..<bound` (at most one draw in two, on average
    /// far fewer). - Precondition: `bound > 0`.
    public mutating func integer(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let n = UInt64(bound)
        let limit = UInt64.max - UInt64.max % n
        while true {
            let x = next()
            if x < limit { return Int(x % n) }
        }
    }

    /// Shuffles in place by Fisher–Yates: for i from the last index down to 1, swap element
    /// i with a uniform pick from 0...i.
    public mutating func shuffle<C: MutableCollection & RandomAccessCollection>(_ items: inout C) where C.Index == Int {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = integer(below: i + 1)
            items.swapAt(items.startIndex + i, items.startIndex + j)
        }
    }

    /// A random ordering of `0..<n`: `shuffle` applied to `[0, 1, ..., n-1]`.
    public mutating func permutation(_ n: Int) -> [Int] {
        var order = Array(0..<max(n, 0))
        shuffle(&order)
        return order
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): spreads one 64-bit seed over many well-mixed
/// words. Used only to seed PCG64, so that seeds 0, 1, 2, ... give unrelated streams.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
