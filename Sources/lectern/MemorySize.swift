import ArgumentParser

/// A size in bytes given on the command line: `2G`, `512M`, `1.5GB`, `800000000` (decimal
/// units: k = 1000, M = 10^6, G = 10^9, T = 10^12; a trailing `B` is allowed).
struct MemorySize: ExpressibleByArgument {
    let bytes: Int

    init?(argument: String) {
        var text = argument.uppercased()
        if text.hasSuffix("B") { text.removeLast() }
        let scales: [Character: Double] = ["K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12]
        var scale = 1.0
        if let last = text.last, let unit = scales[last] {
            scale = unit
            text.removeLast()
        }
        guard let number = Double(text), number.isFinite, number > 0, number * scale < 9e18 else { return nil }
        bytes = Int(number * scale)
    }

    static var defaultValueDescription: String { "2G" }
}
