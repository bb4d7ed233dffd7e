import Testing
import LecternLanguage

/// What Tab offers, asked of the interpreter directly (no terminal).
@Suite("completion")
struct CompletionTests {
    func session(_ code: String) throws -> Interpreter {
        let interpreter = Interpreter { _ in }
        try interpreter.run(Source(name: "cell 1", text: code))
        return interpreter
    }

    @Test("a builtin, a variable and a keyword by their first letters")
    func names() throws {
        let interpreter = try session("convolved = 1")
        #expect(interpreter.completions(for: "y = conv").candidates == ["conv2d", "convolved"])
        #expect(interpreter.completions(for: "y = conv").prefix == "conv")
        #expect(interpreter.completions(for: "whi").candidates == ["while"])
    }

    @Test("attributes after a dot, through attributes and list indexes")
    func attributes() throws {
        let interpreter = try session("x = zeros(2, 3)\nm = Sequential(Linear(2, 3))")
        #expect(interpreter.completions(for: "x.sh").candidates == ["shape"])
        #expect(interpreter.completions(for: "print(x.").candidates == ["T", "rank", "shape", "size"])
        #expect(interpreter.completions(for: "m.layers[0].we").candidates == ["weight"])
        #expect(interpreter.completions(for: "nothing.sh").candidates.isEmpty)
    }

    @Test("keyword arguments of the function being called, not those given yet, then names")
    func keywordArguments() throws {
        let interpreter = try session("fn f(alpha, beta=2) = alpha")
        #expect(interpreter.completions(for: "conv2d(x, w, st").candidates == ["stride=", "stack", "standardize", "std", "step"])
        #expect(interpreter.completions(for: "conv2d(x, w, ").candidates == ["bias=", "stride=", "pad=", "dilation=", "f"])
        #expect(interpreter.completions(for: "sum(x, axis=0,\n  ").candidates == ["keepdims=", "f"])
        #expect(interpreter.completions(for: "uniform(2, 3, ").candidates == ["low=", "high=", "f"])
        #expect(interpreter.completions(for: "f(1, be").candidates == ["beta="])
        #expect(interpreter.completions(for: "f(g(1, 2), ").candidates == ["beta=", "f"])
    }

    @Test("with nothing typed: variables where a value may start, nothing after a closing bracket or a name")
    func emptyWord() throws {
        let interpreter = try session("xval = 1")
        #expect(interpreter.completions(for: "y = ").candidates == ["xval"])
        #expect(interpreter.completions(for: "return ").candidates == ["xval"])
        #expect(interpreter.completions(for: "max(xval)").candidates.isEmpty)
        #expect(interpreter.completions(for: "x[0] ").candidates.isEmpty)
        #expect(interpreter.completions(for: "xval ").candidates.isEmpty)
        #expect(interpreter.completions(for: "f(\"a\"").candidates.isEmpty)
    }

    @Test("nothing inside a string, a comment or a number")
    func nothingThere() throws {
        let interpreter = try session("abc = 1")
        #expect(interpreter.completions(for: "print(\"ab").candidates.isEmpty)
        #expect(interpreter.completions(for: "1 # ab").candidates.isEmpty)
        #expect(interpreter.completions(for: "1.5").candidates.isEmpty)
    }
}
