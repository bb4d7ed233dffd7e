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

/// A function kept in a variable of the call that made it holds that call's scope, which holds
/// it back; when nothing else holds either, both are freed when the call returns.
@Suite("closure cycles")
struct ClosureCycleTests {
    func run(_ interpreter: Interpreter, _ code: String) -> LanguageError? {
        do throws(LanguageError) { try interpreter.run(Source(name: "test", text: code)) } catch { return error }
        return nil
    }

    @Test("10^4 calls of a function whose scope holds itself keep memory flat")
    func flat() {
        let interpreter = Interpreter(output: { _ in })
        let code = "fn outer(w) { f = fn(a) = sum(a*w); return f(w) }\nw = ones(100, 100)\n"
            + "for i in range(10000) { outer(w * 1) }"
        #expect(run(interpreter, code) == nil)
        // Only w is alive: without freeing the cycles, 10^4 copies of it (800 MB) would be.
        #expect(interpreter.computeGuard.memoryInUse == 80_000)
        // Helpers that call each other, and one made in a call inside the call, go too.
        let nested = "fn outer2(w) { fn g(a) = h(a) * 2\nfn h(a) = sum(a * w)\nfn mid() { return fn() = g(w) }\nk = mid()\nreturn k() }\n"
            + "for i in range(1000) { outer2(w * 1) }"
        #expect(run(interpreter, nested) == nil)
        #expect(interpreter.computeGuard.memoryInUse == 80_000)
    }

    @Test("a function that escapes its call keeps its scope, and its scope's helpers")
    func escaped() {
        let interpreter = Interpreter(output: { _ in })
        let code = "fn make(w) { fn helper(a) = sum(a * w)\nreturn fn(a) = helper(a) }\n"
            + "l = []\nfn keep(w) { f = fn() = sum(w)\nl.append(f)\nreturn 0 }\n"
            + "g = make(ones(10, 10))\nkeep(ones(10, 10))\nx = g(ones(10, 10))\ny = l[0]()"
        #expect(run(interpreter, code) == nil)
        guard case .number(100)? = interpreter.globals.lookup("x"), case .number(100)? = interpreter.globals.lookup("y") else {
            Issue.record("an escaped function lost its scope"); return
        }
    }
}

extension DeepStructureTests {
    @Test("freeing a list held twice at every level, 99 deep, takes time linear in its depth")
    func sharedLists() {
        let interpreter = Interpreter(output: { _ in })
        let code = "x = [fn() = 0]\nfor i in range(98) { x = [x, x] }"
        do throws(LanguageError) { try interpreter.run(Source(name: "test", text: code)) } catch {
            Issue.record("\(error.message)")
        }
        // The session's end frees 2^98 paths to one function through 99 lists.
        interpreter.globals.remove("x")
    }
}
