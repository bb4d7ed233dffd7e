import Testing
import TensorEngine
@testable import LecternLanguage

/// The memory budget counts every live tensor buffer of a session, the autograd graph's
/// included, and stops a program that would go over it with an error naming the budget; the
/// session keeps its variables.
@Suite("memory budget")
struct MemoryBudgetTests {
    /// 1e6 elements: 8 MB a tensor.
    let budget = Limits(maxMemoryBytes: 30_000_000)

    func run(_ interpreter: Interpreter, _ code: String) -> LanguageError? {
        do throws(LanguageError) { try interpreter.run(Source(name: "test", text: code)) } catch { return error }
        return nil
    }

    @Test("a chain of big tensors stops at the budget, naming it; the variables stay and the session goes on")
    func chain() throws {
        let interpreter = Interpreter(limits: budget, output: { _ in })
        let error = try #require(run(interpreter, "a = zeros(1e6) + 1; b = a + 1; c = b + 1; d = c + 1"))
        #expect(error.kind == .limit)
        #expect(error.message == "memory limit reached: the session's tensors take 24 MB, and 8 MB more would exceed its budget of 30 MB")
        #expect(error.range == SourceRange(46, 51))  // at `c + 1`, the operation that asked
        for name in ["a", "b", "c"] { #expect(interpreter.globals.lookup(name) != nil) }
        #expect(interpreter.globals.lookup("d") == nil)
        // Only the three variables are alive: the refused tensor went with the error.
        #expect(interpreter.computeGuard.memoryInUse == 24_000_000)
        // Freeing one makes room for the next.
        #expect(run(interpreter, "a = 0\nd = c + 1") == nil)
        #expect(interpreter.computeGuard.memoryInUse == 24_000_000)
    }

    @Test("a list growing by big tensors, and the graph of x = x * 1 on a param, stop at the budget")
    func growing() {
        let list = Interpreter(limits: budget, output: { _ in })
        #expect(run(list, "l = []\nwhile true { l.append(zeros(1000, 1000)) }")?.message.hasPrefix("memory limit reached") == true)
        guard case let .list(items)? = list.globals.lookup("l") else { Issue.record("l is gone"); return }
        #expect(items.count == 3)
        // The graph keeps every product for backward: it grows by a tensor a step.
        let graph = Interpreter(limits: budget, output: { _ in })
        #expect(run(graph, "x = param(zeros(1000, 1000))\nwhile true { x = x * 1 }")?.message.hasPrefix("memory limit reached") == true)
        // Dropping the graph gives its memory back.
        #expect(run(graph, "x = 0") == nil)
        #expect(graph.computeGuard.memoryInUse < 1000)
    }

    @Test("copies share a buffer until one is written to, then each is counted")
    func copies() {
        let interpreter = Interpreter(limits: budget, output: { _ in })
        #expect(run(interpreter, "a = zeros(1e6)\nb = a\nr = reshape(a, 1000, 1000)") == nil)
        #expect(interpreter.computeGuard.memoryInUse == 8_000_000)
        #expect(run(interpreter, "b[0] = 1") == nil)
        #expect(interpreter.computeGuard.memoryInUse == 16_000_000)
        #expect(run(interpreter, "l = []\nfor i in range(10) { c = a\nc[0] = i\nl.append(c) }")?.kind == .limit)
    }

    @Test("outside a session nothing is counted; inside, every buffer of 64 elements or more until its last copy goes")
    func engine() throws {
        let computeGuard = ComputeGuard(memoryBudget: 10_000)
        #expect(try Tensor.zeros([100]).count == 100)
        #expect(computeGuard.memoryInUse == 0)
        try computeGuard.installed {
            let a = try Tensor.zeros([100])
            #expect(computeGuard.memoryInUse == 800)
            let b = try a.reshape([10, 10])
            #expect(computeGuard.memoryInUse == 800)
            _ = try Tensor.zeros([63])  // small tensors are not counted
            #expect(computeGuard.memoryInUse == 800)
            #expect(computeGuard.stopReason == nil)
            _ = try Tensor.zeros([2000])
            #expect(computeGuard.stopReason == .memoryLimit)
            #expect(computeGuard.overrun == .init(requested: 16_000, live: 800))
            #expect(b.count == 100)
        }
        #expect(computeGuard.memoryInUse == 0)
    }
}
