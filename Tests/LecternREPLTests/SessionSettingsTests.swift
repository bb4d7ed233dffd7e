import Foundation
import Testing

/// What the lectern executable grants and keeps for a session: the print precision the REPL
/// shows values with, and the clock that `lectern run` and the REPL allow.
@Suite("session settings of the executable")
struct SessionSettingsTests {
    @Test("precision(n) changes the values the REPL shows, and repr still gives every digit")
    func precision() async throws {
        let run = try await PipedRun("x = [1/3, 2/3]\nx\nprecision(3)\nx\nrepr(x)\n")
        #expect(run.output == "[0.33333333 0.66666667]\n[0.333 0.667]\n\"[0.3333333333333333 0.6666666666666666]\"\n")
        #expect(run.errors == "")
    }

    @Test("clock() is granted in the REPL and in lectern run")
    func clock() async throws {
        let program = "t = clock()\nprint(clock() >= t, clock() - t < 10)\n"
        for arguments in [[], ["run", "-"]] {
            let run = try await PipedRun(program, arguments: arguments)
            #expect(run.output == "true true\n", "\(arguments)")
            #expect(run.errors == "", "\(arguments)")
            #expect(run.status == 0)
        }
    }
}
