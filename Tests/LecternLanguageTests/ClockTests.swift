import Testing
@testable import LecternLanguage

/// `clock()` reads a monotonic clock only where the host grants `Capabilities.clock`.
@Suite("clock")
struct ClockTests {
    func value(_ text: String, _ interpreter: Interpreter) throws -> Value? {
        try interpreter.run(Source(name: "cell", text: text))
    }

    @Test("granted: seconds since the session started, never decreasing, and they advance")
    func granted() throws {
        let interpreter = Interpreter(capabilities: [.clock]) { _ in }
        guard case let .number(first)? = try value("clock()", interpreter) else { Issue.record("not a number"); return }
        #expect(first >= 0 && first < 60)
        let spin = "t = clock(); s = 0; while clock() - t < 0.01 { s = s + 1 }; clock() - t"
        guard case let .number(elapsed)? = try value(spin, interpreter) else { Issue.record("not a number"); return }
        #expect(elapsed >= 0.01 && elapsed < 10)
        guard case let .number(later)? = try value("clock()", interpreter) else { Issue.record("not a number"); return }
        #expect(later >= first + 0.01)
    }

    @Test("not granted: an error that says who grants it, at the call")
    func refused() {
        let interpreter = Interpreter(capabilities: [.readFiles, .writeFiles]) { _ in }
        #expect(throws: LanguageError.self) { try value("x = 1\ny = clock()", interpreter) }
        do { _ = try value("y = clock()", interpreter) } catch let error as LanguageError {
            #expect(error.message.hasPrefix("clock: reading the clock is not allowed here"))
            #expect(error.range == SourceRange(4, 11))
        } catch {
            Issue.record("unexpected \(error)")
        }
        #expect(interpreter.globals.lookup("x") != nil)
    }
}
