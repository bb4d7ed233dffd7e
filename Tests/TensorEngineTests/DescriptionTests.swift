import Testing
@testable import TensorEngine

/// One tensor and NumPy's `str()` of it; the cases are in Fixtures/DescriptionFixtures.swift,
/// written by Fixtures/make_description_fixtures.py.
struct DescriptionFixture: Sendable, CustomTestStringConvertible {
    let name: String
    let shape: [Int]
    let scalars: [Double]
    let options: TensorPrintOptions
    let numpy: String

    init(_ name: String, shape: [Int], scalars: [Double], options: TensorPrintOptions, numpy: String) {
        self.name = name
        self.shape = shape
        self.scalars = scalars
        self.options = options
        self.numpy = numpy
    }

    var testDescription: String { name }
}

/// Expects two texts to be equal; otherwise shows both and the first line that differs.
func expectSameText(_ actual: String, _ expected: String, sourceLocation: SourceLocation = #_sourceLocation) {
    guard actual != expected else { return }
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let line = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
    let got = line < a.count ? String(a[line]) : "(end of text)"
    let wanted = line < e.count ? String(e[line]) : "(end of text)"
    Issue.record("""
        texts differ at line \(line + 1):
          got:      \(got)
          expected: \(wanted)
        --- got ---
        \(actual)
        --- expected ---
        \(expected)
        """, sourceLocation: sourceLocation)
}

@Suite("Tensor description: NumPy's str()")
struct DescriptionTests {
    @Test("prints what NumPy 2.4.6 prints", arguments: descriptionFixtures)
    func matchesNumPy(fixture: DescriptionFixture) throws {
        let tensor = try Tensor(shape: fixture.shape, scalars: fixture.scalars)
        expectSameText(tensor.description(options: fixture.options), fixture.numpy)
    }

    @Test("the fixtures' literals keep what matters: -0.0 and nan survive")
    func fixtureLiterals() throws {
        let negativeZero = try #require(descriptionFixtures.first { $0.name == "negative zero" })
        #expect(negativeZero.scalars[0].sign == .minus)
        let nan = try #require(descriptionFixtures.first { $0.name == "only nan" })
        #expect(nan.scalars[0].isNaN)
    }

    @Test("description, string interpolation and the default options agree")
    func defaults() throws {
        let x = try Tensor([[1, 2], [3, 4]])
        #expect(x.description == "[[1. 2.]\n [3. 4.]]")
        #expect("\(x)" == x.description)
        #expect(x.description(options: TensorPrintOptions()) == x.description)
        #expect(TensorPrintOptions() == TensorPrintOptions(precision: 8, threshold: 1000, edgeItems: 3, lineWidth: 75))
    }

    @Test("the examples of the doc comment")
    func docExamples() throws {
        expectSameText(try Tensor([[1, 2.5], [3, 4.25]]).description, "[[1.   2.5 ]\n [3.   4.25]]")
        expectSameText(Tensor([1e-5, 1]).description, "[1.e-05 1.e+00]")
        expectSameText(Tensor([.nan, -.infinity, 1.5]).description, "[ nan -inf  1.5]")
        expectSameText(Tensor(1.5).description, "1.5")
        expectSameText(try Tensor.zeros([2, 0]).description, "[]")
    }

    @Test("a huge tensor is summarised without formatting every element")
    func hugeTensor() throws {
        let x = try Tensor.full([1000, 1000], 0.5)
        let text = x.description
        #expect(text.hasPrefix("[[0.5 0.5 0.5 ... 0.5 0.5 0.5]\n [0.5 0.5 0.5 ... 0.5 0.5 0.5]"))
        #expect(text.split(separator: "\n").count == 7)
    }

    @Test("edge items below 1 count as 1")
    func edgeItemsClamp() {
        let x = Tensor((0..<20).map(Double.init))
        expectSameText(x.description(options: TensorPrintOptions(threshold: 5, edgeItems: 0)), "[ 0. ... 19.]")
    }
}

@Suite("Tensor description: decimal digits")
struct DecimalDigitsTests {
    private func digits(_ text: String, _ point: Int) -> DecimalDigits {
        DecimalDigits(digits: Array(text.utf8), point: point)
    }

    @Test("parse reads positional and scientific text", arguments: [
        ("123.45", "12345", 3), ("0.001", "1", -2), ("1e-05", "1", -4), ("1.5e+20", "15", 21),
        ("7.", "7", 1), ("100.0", "1", 3), ("0.000", "", 0), ("0.0", "", 0), ("2.50000000e-03", "25", -2),
    ])
    func parse(text: String, expected: String, point: Int) {
        #expect(DecimalDigits.parse(text) == digits(expected, expected.isEmpty ? 0 : point))
    }

    @Test("shortest digits round-trip; rounding is of the exact binary value")
    func rounding() {
        #expect(DecimalDigits.shortest(0.1) == digits("1", 0))
        #expect(DecimalDigits.shortest(-2.5e-300) == digits("25", -299))
        // 0.125 is exact: a tie, rounded to even. 0.15 is 0.1499999999999999944...: down.
        #expect(DecimalDigits.rounded(0.125, decimals: 2) == digits("12", 0))
        #expect(DecimalDigits.rounded(0.375, decimals: 2) == digits("38", 0))
        #expect(DecimalDigits.rounded(0.15, decimals: 1) == digits("1", 0))
        #expect(DecimalDigits.rounded(9.9999, decimals: 2) == digits("1", 2))
        #expect(DecimalDigits.rounded(123456, significant: 2) == digits("12", 6))
        #expect(DecimalDigits.rounded(0.0001, decimals: 3) == digits("", 0))
    }

    @Test("positional and scientific parts")
    func parts() {
        #expect(digits("125", 1).positional == ("1", "25"))
        #expect(digits("1", -2).positional == ("0", "001"))
        #expect(digits("15", 4).positional == ("1500", ""))
        #expect(digits("", 0).positional == ("0", ""))
        #expect(digits("125", -3).scientific == ("1", "25", -4))
        #expect(digits("", 0).scientific == ("0", "", 0))
    }
}
