import Foundation
import Testing
@testable import LecternLanguage

/// Every limit of the interpreter stops a program with a `limit` error that names the limit,
/// keeps the variables set before it, and leaves the interpreter usable for the next run.
@Suite("limits")
struct LimitTests {
    /// Runs `code` in a fresh interpreter with `limits`; returns the error, what was printed
    /// and the interpreter (for its variables).
    func run(_ code: String, _ limits: Limits) -> (error: LanguageError?, printed: String, interpreter: Interpreter) {
        let box = OutputBox()
        let interpreter = Interpreter(limits: limits) { box.text += $0 }
        do {
            try interpreter.run(Source(name: "test", text: code))
            return (nil, box.text, interpreter)
        } catch {
            return (error, box.text, interpreter)
        }
    }

    @Test("an endless loop stops at the step limit, with the variables set before it kept")
    func steps() throws {
        let (error, printed, interpreter) = run("x = 42\nprint(\"before\")\nwhile true { x = x + 1 }", Limits(maxSteps: 1000))
        let e = try #require(error)
        #expect(e.kind == .limit)
        #expect(e.message == "step limit reached: more than 1000 steps (an endless loop?)")
        #expect(printed == "before\n")
        guard case let .number(x)? = interpreter.globals.lookup("x") else { Issue.record("x is gone"); return }
        #expect(x > 42)
        // The interpreter is still usable, with its variables.
        try interpreter.run(Source(name: "next", text: "y = 1"))
        #expect(interpreter.globals.lookup("y") != nil)
    }

    @Test("a tensor over the size limit is refused before it exists, naming its shape")
    func tensorSize() throws {
        let (error, _, _) = run("x = zeros(1000000, 1000000)", Limits())
        #expect(error?.kind == .limit)
        #expect(error?.message == "a tensor of shape [1000000, 1000000] is too large: more than the limit of 100000000 elements")
        let small = Limits(maxTensorElements: 100)
        #expect(run("x = zeros(10, 10)", small).error == nil)
        #expect(run("x = ones(11, 10)", small).error?.message
                    == "a tensor of shape [11, 10] is too large: more than the limit of 100 elements")
        // Broadcasting is checked too: (1000, 1) + (1, 1000) would make a million elements.
        #expect(run("x = ones(1000, 1) + ones(1, 1000)", Limits(maxTensorElements: 10_000)).error?.message
                    == "a tensor of shape [1000, 1000] is too large: more than the limit of 10000 elements")
        // A shape whose product overflows Int is still just too large.
        #expect(run("x = zeros(10**10, 10**10)", Limits()).error?.kind == .limit)
        // Lists and strings have the same limit, in items and bytes.
        #expect(run("l = [1, \"a\"]\nwhile true { l = l + l }", small).error?.message
                    == "a list of 128 items is too large: more than the limit of 100")
        #expect(run("l = []\nwhile true { l = l + [1, 2, 3] }", small).error?.message
                    == "a list of 102 items is too large: more than the limit of 100")
        #expect(run("s = \"abc\"\nwhile true { s = s + \"é\" }", small).error?.message
                    == "a string of 101 bytes is too large: more than the limit of 100")
    }

    @Test("unbounded recursion stops at the call-depth limit")
    func recursionDepth() throws {
        let (error, _, interpreter) = run("before = 1\nfn f(n) = f(n + 1)\nf(0)", Limits(maxCallDepth: 50))
        let e = try #require(error)
        #expect(e.kind == .limit)
        #expect(e.message == "recursion too deep: more than 50 nested calls (in f)")
        #expect(e.trace.count == 50)
        #expect(interpreter.globals.lookup("before") != nil)
        // The message shows the recursion once, with a count.
        #expect(Diagnostic.render(e).contains("(49 nested calls)"))
    }

    @Test("recursion deeper than the stack allows ends in a limit error, not a crash")
    func stackGuard() throws {
        let limits = Limits(maxSteps: 100_000_000, maxCallDepth: 10_000_000)
        let (error, _, _) = run("fn f(n) { for i in range(1) { return 1 + f(n + 1) } }\nf(0)", limits)
        let e = try #require(error)
        #expect(e.kind == .limit)
        #expect(e.message.hasPrefix("recursion too deep: the stack is nearly full after "))
    }

    @Test("on a thread with a small stack, deep programs end in errors, not crashes")
    func smallStack() throws {
        let code = """
            fn f(n) = 1 + f(n + 1)
            f(0)
            """
        let nested = "x = " + String(repeating: "(", count: 150) + "1" + String(repeating: ")", count: 150)
        let results = onThread(stackSize: 256 * 1024) {
            [code, nested].map { text -> LanguageError? in
                let interpreter = Interpreter(limits: Limits(maxCallDepth: 1_000_000)) { _ in }
                do throws(LanguageError) { try interpreter.run(Source(name: "small", text: text)) } catch { return error }
                return nil
            }
        }
        #expect(results[0]?.kind == .limit)
        // 150 brackets fit the parser's nesting limit, but not 256 KiB of debug-build frames.
        if let error = results[1] {
            #expect(error.kind == LanguageError.Kind.syntax)
            #expect(error.message.hasPrefix("too deeply nested"))
        }
    }

    @Test("the time limit stops a long program")
    func time() throws {
        let start = Date()
        let (error, _, interpreter) = run("x = 1\nwhile true { x = x + 1 }", Limits(maxSeconds: 0.2))
        #expect(error?.kind == .limit)
        #expect(error?.message == "time limit reached: the program ran for more than 0.2 seconds")
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(interpreter.globals.lookup("x") != nil)
    }

    @Test("an endless print stops at the output limit, having printed no more than the limit")
    func output() throws {
        let (error, printed, _) = run("while true { print(\"spam\") }", Limits(maxOutputBytes: 100))
        #expect(error?.kind == .limit)
        #expect(error?.message == "output limit reached: more than 100 bytes printed")
        #expect(printed.utf8.count <= 100)
        #expect(printed.hasPrefix("spam\nspam\n"))
    }

    @Test("cancelling from another thread stops the program and keeps every variable")
    func cancellation() throws {
        let started = DispatchSemaphore(value: 0)
        let interpreter = Interpreter { text in if text == "started\n" { started.signal() } }
        let box = InterpreterBox(interpreter)
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            do throws(LanguageError) {
                try box.interpreter.run(Source(name: "loop", text: "x = 42\nw = zeros(2, 2)\nprint(\"started\")\nwhile true { }"))
            } catch {
                box.error = error
            }
            finished.signal()
        }
        thread.start()
        #expect(started.wait(timeout: .now() + 30) == .success)
        interpreter.computeGuard.cancel()
        #expect(finished.wait(timeout: .now() + 30) == .success)
        #expect(box.error?.kind == .cancelled)
        #expect(box.error?.message == "interrupted")
        guard case .number(42)? = interpreter.globals.lookup("x") else { Issue.record("x was lost"); return }
        #expect(interpreter.globals.lookup("w") != nil)
        // The next run starts with the flag cleared.
        try interpreter.run(Source(name: "next", text: "y = x + 1"))
        guard case .number(43)? = interpreter.globals.lookup("y") else { Issue.record("y is not 43"); return }
    }
}

/// Collects printed text (the interpreter calls its output on the thread that runs it).
final class OutputBox: @unchecked Sendable {
    var text = ""
}

/// Hands an interpreter to another thread; the test reads it only after that thread is done.
final class InterpreterBox: @unchecked Sendable {
    let interpreter: Interpreter
    var error: LanguageError?
    init(_ interpreter: Interpreter) { self.interpreter = interpreter }
}

/// What a thread of `onThread` computes, handed back to the caller.
private final class ThreadResult<T>: @unchecked Sendable {
    var value: T?
    let body: () -> T
    init(_ body: @escaping () -> T) { self.body = body }
}

/// Runs `body` on a new thread with a stack of `stackSize` bytes and returns its result.
func onThread<T>(stackSize: Int, _ body: @escaping () -> T) -> T {
    let result = ThreadResult(body)
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        result.value = result.body()
        done.signal()
    }
    thread.stackSize = stackSize
    thread.start()
    done.wait()
    return result.value!
}
