import Testing
@testable import LecternLanguage

/// Structures far deeper than the stack: freeing them, or running through them, ends in
/// success or a clear error, never a crash (a crash here takes the whole test run down).
@Suite("deep structures")
struct DeepStructureTests {
    /// Runs `code` in a fresh interpreter on a thread with a 4 MiB stack; the error, if any.
    func run(_ code: String) -> LanguageError? {
        onThread(stackSize: 4 << 20) { () -> LanguageError? in
            let interpreter = Interpreter(output: { _ in })
            do throws(LanguageError) { try interpreter.run(Source(name: "test", text: code)) } catch { return error }
            return nil
        }
    }

    @Test("a chain of 100,000 closures, each holding the next, is freed without recursion")
    func closureChain() {
        let chain = "f = fn(n) = 0\nfn wrap(h) = fn(n) = h(n) + 1\nfor i in range(100000) { f = wrap(f) }\n"
        #expect(run(chain + "f = 0") == nil)
        // Calling it is a recursion the call-depth limit stops.
        #expect(run(chain + "f(0)")?.message.hasPrefix("recursion too deep") == true)
        // The same chain through lists, and freed when the session goes.
        #expect(run("f = [0]\nfn wrap(h) { l = [h]; return fn() = l }\nfor i in range(100000) { f = wrap(f) }") == nil)
    }

    @Test("models nest at most 100 deep: deeper is an error when made, never a crash")
    func nestedModels() {
        let deep = "m = Linear(2, 2)\nfor i in range(100000) { m = Sequential(m) }"
        let error = run(deep)
        #expect(error?.kind == .limit)
        #expect(error?.message == "a model nested 101 deep is too deep: models (Sequential, Residual) may nest at most 100 deep")
        #expect(run("m = Linear(2, 2)\nfor i in range(1000) { m = Residual(m) }")?.kind == .limit)
        // 100 deep works: forward, then freeing.
        #expect(run("m = Linear(2, 2)\nfor i in range(99) { m = Sequential(m) }\ny = m(zeros(1, 2))\nm = 0") == nil)
        // A layer used twice at every level would double the forward pass 60 times over.
        let doubled = run("m = Linear(2, 2)\nfor i in range(60) { m = Sequential(m, m) }")
        #expect(doubled?.message == "a model of more than 100000 layers (counting each layer every time it appears) is too large")
    }
}
