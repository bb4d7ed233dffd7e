import Synchronization
import Testing
@testable import LecternLanguage

/// A session runs cells one after another in one interpreter (a REPL, a lesson); an error
/// must point into the cell where it happened, and leave the session's variables.
@Suite("sessions")
struct SessionTests {
    /// Runs `cells` in one interpreter; returns the error of the last one, if any.
    func lastError(_ cells: [String]) -> LanguageError? {
        let interpreter = Interpreter { _ in }
        for (number, text) in cells.enumerated() {
            do throws(LanguageError) {
                try interpreter.run(Source(name: "cell \(number + 1)", text: text))
            } catch {
                if number == cells.count - 1 { return error }
            }
        }
        return nil
    }

    @Test("fit reports each epoch to the host's progress hook, counted from 1 of the total")
    func progressOfFit() throws {
        let interpreter = Interpreter { _ in }
        let messages = Mutex<[String]>([])
        interpreter.progress = { message in messages.withLock { $0.append(message) } }
        try interpreter.run(Source(name: "cell 1", text: "h = fit(Sequential(Linear(2, 3)), spiral(), epochs=3)"))
        let seen = messages.withLock { $0 }
        #expect(seen.count == 3)
        #expect(seen.first?.hasPrefix("epoch 1/3: loss ") == true, "\(seen)")
        #expect(seen.last?.hasPrefix("epoch 3/3: loss ") == true, "\(seen)")
        #expect(seen.allSatisfy { $0.contains(", accuracy ") })
    }

    @Test("a diverging fit stops at the first epoch whose loss is not a number, and says so in one line")
    func divergenceIsVisible() throws {
        let printed = Mutex<[String]>([])
        let interpreter = Interpreter { text in printed.withLock { $0.append(text) } }
        let messages = Mutex<[String]>([])
        interpreter.progress = { message in messages.withLock { $0.append(message) } }
        try interpreter.run(Source(name: "cell 1", text: """
            seed(0)
            h = fit(Sequential(Linear(1, 8), ReLU(), Linear(8, 1)), regression(20), epochs=50, lr=100)
            """))
        let seen = messages.withLock { $0 } + printed.withLock { $0 }.map { String($0.dropLast()) }
        guard case let .record(h)? = interpreter.globals.lookup("h"), case let .number(epochs)? = h["epochs"] else {
            Issue.record("no history"); return
        }
        #expect(epochs < 50 && seen.count == Int(epochs) + 1, "\(seen)")
        #expect(seen.last?.hasPrefix("fit: diverged at epoch \(Int(epochs))/50, the loss is ") == true, "\(seen)")
        guard case let .string(stopped)? = h["stopped"] else { Issue.record("no stopped"); return }
        #expect(stopped == "diverged at epoch \(Int(epochs))")
    }

    @Test("Ctrl-C during fit ends training before the next batch; the history says \"interrupted\"")
    func interruptedFit() throws {
        let interpreter = Interpreter { _ in }
        let messages = Mutex<[String]>([])
        interpreter.progress = { message in
            let count = messages.withLock { $0.append(message); return $0.count }
            if count == 2 { interpreter.computeGuard.cancel() }  // what the REPL's SIGINT handler does
        }
        try interpreter.run(Source(name: "cell 1", text: "h = fit(Sequential(Linear(2, 3)), spiral(), epochs=30)"))
        guard case let .record(h)? = interpreter.globals.lookup("h") else { Issue.record("no history"); return }
        guard case let .string(stopped)? = h["stopped"], case let .number(epochs)? = h["epochs"] else { Issue.record("no fields"); return }
        #expect(stopped == "interrupted")
        #expect(epochs == 2, "the third epoch stopped at its first batch, unrecorded")
        #expect(messages.withLock { $0 }.last == "fit: interrupted after epoch 2/30; the model keeps its weights")
        // The rest of the entry is interrupted, with the history kept; the next entry runs.
        messages.withLock { $0 = [] }
        let code = "h2 = fit(Sequential(Linear(2, 3)), spiral(), epochs=30)\nz = 1"
        #expect(throws: LanguageError.self) { try interpreter.run(Source(name: "cell 2", text: code)) }
        #expect(interpreter.globals.lookup("h2") != nil)
        #expect(interpreter.globals.lookup("z") == nil)
        try interpreter.run(Source(name: "cell 3", text: "y = 1"))
    }

    @Test("wrong arguments to a function of an earlier cell are reported at the call")
    func argumentsAtTheCall() throws {
        for call in ["f()", "f(1, 2)", "f(1, b=2)", "f(1, a=2)"] {
            let error = try #require(lastError(["fn f(a) = a", "x = 1\ny = " + call]))
            #expect(error.source?.name == "cell 2", "\(call): \(error.message)")
            #expect(error.source.map { Diagnostic.place($0, error.range.start) }?.hasPrefix("cell 2, line 2, column") == true)
            #expect(error.trace.isEmpty)
        }
    }

    @Test("a limit reached at the call of a function of an earlier cell is reported at the call")
    func limitAtTheCall() throws {
        // Step 1 is the statement, step 2 the call: the limit of 1 step stops the call itself.
        let interpreter = Interpreter(limits: Limits(maxSteps: 1)) { _ in }
        try interpreter.run(Source(name: "cell 1", text: "fn f() = 1"))
        do throws(LanguageError) {
            try interpreter.run(Source(name: "cell 2", text: "y = f()"))
            Issue.record("the call ran")
        } catch {
            #expect(error.kind == .limit)
            #expect(error.source.map { Diagnostic.place($0, error.range.start) } == "cell 2, line 1, column 5")
        }
    }

    @Test("an error in a default value is reported in the function's cell, with the call in the trace")
    func defaultsInTheFunction() throws {
        let error = try #require(lastError(["fn f(a, b=missing) = a + b", "x = 1\ny = f(1)"]))
        #expect(error.message == "'missing' is not defined")
        #expect(error.source?.name == "cell 1")
        #expect(error.trace.first?.source.name == "cell 2")
    }

    @Test("an error in a function's body is reported where the body is")
    func bodyInTheFunction() throws {
        let error = try #require(lastError(["fn f(a) {\n  return a + \"s\"\n}", "y = f(1)"]))
        #expect(error.source.map { Diagnostic.place($0, error.range.start) } == "cell 1, line 2, column 10")
        #expect(error.trace.count == 1)
    }
}
