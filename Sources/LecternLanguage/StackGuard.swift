import _CSupport

/// Keeps the parser and the interpreter off the end of the thread's stack. Both walk the
/// program recursively, so a program nested deeply enough (a recursive function given a high
/// `maxCallDepth`, a long chain of operators) would overflow the stack and crash the process;
/// with the guard it stops with an error instead. How deep that is depends on the thread
/// (8 MiB on Linux, 512 KiB for secondary threads on macOS) and on the build (debug frames are
/// several times larger), so the guard measures what is left rather than counting levels.
struct StackGuard {
    /// Bytes left free below the deepest point the language lets itself reach: room for one
    /// more level of the walk, a builtin, the engine and the error path.
    static let reserve: UInt = 256 * 1024

    /// The address below which the stack counts as nearly full; 0 when it is unknown (then
    /// the guard never fires).
    let floor: UInt

    /// The guard for the calling thread (cheap after the thread's first call).
    static func current() -> StackGuard {
        var low: UInt = 0, high: UInt = 0
        guard lectern_stack_bounds(&low, &high) == 0, high > low else { return StackGuard(floor: 0) }
        return StackGuard(floor: low + Swift.min(reserve, (high - low) / 4))
    }

    /// Whether the caller's frame is already below the floor.
    @inline(__always)
    var isNearlyFull: Bool {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) } < floor
    }
}
