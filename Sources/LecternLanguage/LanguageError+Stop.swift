import TensorEngine

extension LanguageError {
    /// The error for the stop `computeGuard` holds: Ctrl-C, the time limit, or the memory
    /// budget (naming the budget and what was asked).
    static func stopped(by computeGuard: ComputeGuard, _ range: SourceRange) -> LanguageError {
        switch computeGuard.stopReason {
        case .cancelled, nil:
            return LanguageError(.cancelled, "interrupted", range)
        case .timeLimit:
            let seconds = computeGuard.seconds
            return LanguageError(.limit, "time limit reached: the program ran for more than "
                                 + "\(formatNumber(seconds)) second\(seconds == 1 ? "" : "s")", range)
        case .memoryLimit:
            let overrun = computeGuard.overrun ?? .init(requested: 0, live: computeGuard.memoryInUse)
            return LanguageError(.limit, "memory limit reached: the session's tensors take \(formatBytes(overrun.live)), and "
                                 + "\(formatBytes(overrun.requested)) more would exceed its budget of "
                                 + "\(formatBytes(computeGuard.memoryBudget))", range)
        }
    }
}

/// Bytes for a person, to three significant digits: "800 MB", "1.99 GB", "512 bytes"
/// (decimal units).
func formatBytes(_ bytes: Int) -> String {
    let units: [(Double, String)] = [(1e12, "TB"), (1e9, "GB"), (1e6, "MB"), (1e3, "kB")]
    for (size, unit) in units where Double(bytes) >= size {
        let value = Double(bytes) / size
        let scale = value >= 100 ? 1.0 : value >= 10 ? 10 : 100
        return "\(formatNumber((value * scale).rounded() / scale)) \(unit)"
    }
    return "\(bytes) byte\(bytes == 1 ? "" : "s")"
}
