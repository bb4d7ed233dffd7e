/// Programs with a few random edits: a generated program with characters deleted, copied,
/// swapped or inserted. Near-programs like these reach the error paths a student's typo
/// reaches, which neither token soup nor well-formed programs do.
public enum Mutator {
    /// One mutated program as text.
    public static func text(seed: UInt64, index: Int) -> String {
        var rng = FuzzRandom(seed: seed, index: index, stream: 3)
        var generator = ProgramGenerator(FuzzRandom(seed: rng.next()))
        var characters = Array(generator.program())
        for _ in 0..<rng.int(1...4) { mutate(&characters, &rng) }
        return String(characters)
    }

    static func mutate(_ text: inout [Character], _ rng: inout FuzzRandom) {
        guard !text.isEmpty else { text = ["("]; return }
        let at = rng.int(0...text.count - 1)
        let length = Swift.min(rng.int(1...8), text.count - at)
        switch rng.int(0...4) {
        case 0: text.removeSubrange(at..<at + length)
        case 1: text.insert(contentsOf: text[at..<at + length], at: rng.int(0...text.count))
        case 2:
            let other = rng.int(0...text.count - 1)
            text.swapAt(at, other)
        case 3: text.insert(contentsOf: Array(rng.pick(Samples.oddText + ["(", ")", "[", "]", "{", "}", "\n", "\"", ","])), at: at)
        default: text.replaceSubrange(at..<at + 1, with: Array(rng.pick(Samples.numbers + Samples.names)))
        }
    }
}
