import LecternFuzzSupport
import Testing
@testable import LecternLanguage

/// Generated input never crashes the interpreter: random token streams, well-formed programs
/// (run as sessions, one top-level statement per cell) and programs with random edits all
/// end in a value or a `LanguageError` that points into its source and renders. A few
/// thousand of each here, seeded so that a failure names its case; `make fuzz` runs 10^6.
@Suite("fuzzing")
struct FuzzTests {
    static let seed: UInt64 = 2024
    /// Tighter than `FuzzCheck.limits`, to keep the debug build fast.
    static let limits = Limits(maxSteps: 5_000, maxTensorElements: 10_000, maxCallDepth: 30, maxSeconds: 5,
                               maxOutputBytes: 10_000)

    /// Runs cases `range` of `kind`; every problem found is recorded with the case's number.
    func check(_ kind: FuzzKind, _ range: Range<Int>) -> FuzzTally {
        var tally = FuzzTally()
        for index in range {
            // Every tenth case also checks that the session still runs a cell after an error.
            let results = FuzzCheck.run(cells: kind.cells(seed: Self.seed, index: index), limits: Self.limits,
                                        followUp: index % 10 == 0)
            tally.add(results, kind: kind, seed: Self.seed, index: index)
        }
        for problem in tally.problems {
            Issue.record(Comment(rawValue: problem + " (see it with: lectern-fuzz --seed \(Self.seed) --show KIND INDEX)"))
        }
        return tally
    }

    @Test("random token streams end in a syntax error or a result", arguments: 0..<2)
    func tokenStreams(chunk: Int) {
        let tally = check(.tokens, chunk * 1500..<(chunk + 1) * 1500)
        #expect(tally.cells == 1500)
        // Token soup is almost never a program.
        #expect(tally.outcomes[.error(.syntax), default: 0] > 1200, "\(tally.summary)")
    }

    @Test("well-formed programs run without crashing, mostly to the end of each cell", arguments: 0..<4)
    func programs(chunk: Int) {
        let tally = check(.programs, chunk * 500..<(chunk + 1) * 500)
        // The generator writes valid syntax (a cell or two in a thousand do not parse)...
        #expect(tally.outcomes[.error(.syntax), default: 0] * 100 < tally.cells, "\(tally.summary)")
        // ...and a good share of the cells run to the end.
        #expect(tally.outcomes[.finished, default: 0] * 2 > tally.cells, "\(tally.summary)")
    }

    @Test("programs with random edits end in an error or a result", arguments: 0..<2)
    func mutations(chunk: Int) {
        let tally = check(.mutations, chunk * 1000..<(chunk + 1) * 1000)
        #expect(tally.cells == 1000)
    }

    @Test("a seed and an index name one program")
    func deterministic() {
        for kind in FuzzKind.allCases {
            #expect(kind.text(seed: 5, index: 17) == kind.text(seed: 5, index: 17))
            #expect(kind.text(seed: 5, index: 17) != kind.text(seed: 5, index: 18))
            #expect(kind.text(seed: 5, index: 17) != kind.text(seed: 6, index: 17))
        }
    }
}
