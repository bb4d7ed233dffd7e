import Foundation
import Testing
@testable import LecternLanguage

/// The time limit and Ctrl-C reach inside long builtins: the kernels poll the session's stop
/// signal between blocks of work, so a long `@`, `conv2d` or `fit` epoch ends soon after.
@Suite("time inside builtins")
struct TimeInBuiltinsTests {
    /// Runs `code` with a time limit of `seconds`; the error and the seconds it took.
    func run(_ code: String, seconds: Double) -> (error: LanguageError?, took: Double) {
        let interpreter = Interpreter(limits: Limits(maxSeconds: seconds), output: { _ in })
        let start = Date()
        do throws(LanguageError) { try interpreter.run(Source(name: "test", text: code)) } catch {
            return (error, Date().timeIntervalSince(start))
        }
        return (nil, Date().timeIntervalSince(start))
    }

    /// Each of these takes many seconds (a 2000^3 product is 16 GFLOP).
    static let long = [
        "a = ones(2000, 2000)\nb = a @ a @ a @ a @ a @ a",
        // 94 GFLOP a convolution: one alone outlasts the limit, even with the patches packed
        // straight into the GEMM's panels (4 of the 32 x 32 x 64 x 64 ones took 0.3 s).
        "x = ones(32, 128, 64, 64)\nw = ones(128, 128, 5, 5)\ny = conv2d(x, w) + conv2d(x, w) + conv2d(x, w) + conv2d(x, w)",
        "d = spiral(points=10000)\nm = Sequential(Linear(2, 1000), ReLU(), Linear(1000, 1000), ReLU(), Linear(1000, 3))\n"
            + "h = fit(m, d, epochs=1, batch_size=32)",
    ]

    @Test("the time limit stops a long builtin within a fraction of a second", arguments: long)
    func timeLimit(_ code: String) {
        let (error, took) = run(code, seconds: 0.5)
        #expect(error?.kind == .limit)
        #expect(error?.message == "time limit reached: the program ran for more than 0.5 seconds")
        // Within 2 s of starting: the other tests share the machine (1.7 s seen with two more
        // busy processes beside them), and one of these convolutions alone takes 2.7 s (debug
        // build, 2 threads), so a check only between builtin calls would still be caught.
        #expect(took < 2, "took \(took) s")
    }

    @Test("Ctrl-C stops a long product in under a second, the variables kept")
    func cancel() throws {
        let started = DispatchSemaphore(value: 0), finished = DispatchSemaphore(value: 0)
        let interpreter = Interpreter { text in if text == "started\n" { started.signal() } }
        let box = InterpreterBox(interpreter)
        Thread {
            do throws(LanguageError) {
                try box.interpreter.run(Source(name: "long", text: "a = ones(2000, 2000)\nprint(\"started\")\nb = a @ a @ a @ a @ a @ a"))
            } catch {
                box.error = error
            }
            finished.signal()
        }.start()
        #expect(started.wait(timeout: .now() + 30) == .success)
        Thread.sleep(forTimeInterval: 0.2)
        let cancelled = Date()
        interpreter.computeGuard.cancel()
        #expect(finished.wait(timeout: .now() + 30) == .success)
        #expect(Date().timeIntervalSince(cancelled) < 1, "took \(Date().timeIntervalSince(cancelled)) s")
        #expect(box.error?.kind == .cancelled)
        #expect(interpreter.globals.lookup("a") != nil)
        #expect(interpreter.globals.lookup("b") == nil)
    }
}
