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
}

/// Collects printed text (the interpreter calls its output on the thread that runs it).
final class OutputBox: @unchecked Sendable {
    var text = ""
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
