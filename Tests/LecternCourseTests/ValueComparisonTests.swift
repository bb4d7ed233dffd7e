import LecternLanguage
import Testing
@testable import LecternCourse

/// What an expectation says when a value differs: the first differing element and its
/// index, shapes, fields; tolerances as |got − want| ≤ atol + rtol·|want|.
@Suite("comparing a student's value with the expected one")
struct ValueComparisonTests {
    static func value(_ code: String) throws -> Value {
        try #require(try Interpreter(output: { _ in }).run(Source(name: "test", text: code)))
    }

    static func difference(_ got: String, _ want: String, _ tolerance: Tolerance? = nil) throws -> String? {
        ValueComparison.difference(try value(got), try value(want), tolerance)
    }

    @Test("the first differing element, its index, and how many differ")
    func firstDifference() throws {
        let message = try #require(try Self.difference("[[1, 2], [3, 5], [6, 7]]", "[[1, 2], [4, 5], [6, 8]]"))
        #expect(message.hasPrefix("the first difference is at [1, 0]: expected 4, got 3 (2 of 6 elements differ)"))
        #expect(message.contains("\nexpected: [[1. 2.]\n"))
    }

    @Test("shapes, types, record fields and list items are named")
    func structure() throws {
        #expect(try Self.difference("zeros(3, 2)", "zeros(2, 3)") == "expected shape [2, 3], got [3, 2]")
        #expect(try Self.difference("none", "zeros(2, 3)") == "expected a tensor of shape [2, 3], got none")
        #expect(try Self.difference("none", "3") == "expected 3, got none")
        #expect(try Self.difference("[1, 2]", "5") == "expected a number, got a tensor of shape [2]")
        #expect(try Self.difference("zeros(2)", "record(loss=1, dscores=zeros(2))") == "expected a record with fields loss, dscores, got a tensor of shape [2]")
        #expect(try Self.difference("record(loss=1)", "record(loss=1, dscores=zeros(2))") == "the record has no field 'dscores' (it has loss; expected loss, dscores)")
        #expect(try Self.difference("record(loss=1, dscores=[0, 1])", "record(loss=1, dscores=[0, 2])")?.hasPrefix("dscores: the first difference is at [1]") == true)
        #expect(try Self.difference("[1, \"a\"]", "[1, \"b\"]") == "item 1: expected \"b\", got \"a\"")
        #expect(try Self.difference("2.5", "none") == "expected none, got 2.5")
    }

    @Test("tolerances: within passes, outside fails with how far off; nan matches nan; exact without a tolerance")
    func tolerance() throws {
        let tolerance = Tolerance(absolute: 1e-9, relative: 1e-6)
        #expect(try Self.difference("1.0000005", "1", tolerance) == nil)
        #expect(try Self.difference("1.00001", "1", tolerance) == "expected 1, got 1.00001 (off by 1e-05; allowed: atol=1e-09 + rtol=1e-06 × |expected|)")
        #expect(try Self.difference("1.0000005", "1") != nil)
        #expect(try Self.difference("[0, log(-1)]", "[0, log(-1)]", tolerance) == nil)
        #expect(try Self.difference("exp(1000)", "1", tolerance) == "expected 1, got inf")
        #expect(try Self.difference("sum([1, 2])", "3") == nil)
    }
}
