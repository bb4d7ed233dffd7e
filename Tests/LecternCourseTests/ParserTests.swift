import Foundation
import LecternCourse
import Testing

@Suite("Lesson files")
struct ParserTests {
    @Test("front matter, steps with the prose before them, outputs, a your-turn with check, hint and solution")
    func sample() throws {
        let lesson = try Course(directory: Places.fixtureCourse).lesson("01-sample")
        #expect(lesson.title == "A sample lesson")
        #expect(lesson.minutes == 5)
        #expect(lesson.prerequisites == ["tensors"])
        #expect(lesson.steps.count == 6)
        #expect(lesson.steps[0].code == "x = ones(2, 3)\nsum(x)")
        #expect(lesson.steps[0].expected?.text == "6")
        #expect(lesson.steps[0].prose.contains { $0.contains("$\\frac{N-F}{S}+1$") })
        #expect(lesson.steps[1].expected?.tolerance == Tolerance(absolute: 1e-6, relative: 1e-6))
        #expect(lesson.steps[2].expected?.isError == true)
        let turn = try #require(lesson.steps[3].yourTurn)
        #expect(turn.condition == "y.rank == 2 and y.size == 9 and sum(y) == 18")
        #expect(turn.message.hasPrefix("y should be a 3x3 tensor"))
        #expect(turn.hint == "`ones(3, 3)` times a number.\nCheck it with `sum(y)`.")
        #expect(turn.solution == "y = ones(3, 3) * 2")
        // The hint is not prose the student reads before asking for it.
        #expect(!lesson.steps[4].prose.contains { $0.contains("Hint") })
        #expect(lesson.steps[5].yourTurn?.hint == nil)
        #expect(lesson.closing.contains("That is all: the sample ends here."))
    }

    @Test("a lesson saved with a byte-order mark reads as the same lesson")
    func byteOrderMark() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-bom-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("lessons"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let text = Places.fixtureText("01-sample")
        try Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)).write(to: directory.appendingPathComponent("lessons/01-sample.md"))
        let marked = try Course(directory: directory.path).lesson("01-sample")
        let plain = try Course(directory: Places.fixtureCourse).lesson("01-sample")
        #expect(marked.title == plain.title && marked.minutes == plain.minutes)
        #expect(marked.steps.map(\.code) == plain.steps.map(\.code))
    }

    @Test("a lesson is found by stem, topic and number; an unknown name lists the lessons")
    func names() throws {
        let course = Course(directory: Places.fixtureCourse)
        for name in ["01-sample", "sample", "01", "1", "01-sample.md"] {
            #expect(try course.stem(for: name) == "01-sample")
        }
        #expect(throws: LessonError.self) { try course.stem(for: "convolution") }
        do { _ = try course.stem(for: "nope") } catch { #expect(error.description.contains("there are: 01-sample")) }
    }

    @Test("atol and rtol separately; other fences are prose; a title from the first heading")
    func attributes() throws {
        let lesson = try parse("# Shapes\n\n```lectern\n1\n```\n\n```output atol=0.5 rtol=0.01\n1\n```\n\n```python\nprint(1)\n```\n")
        #expect(lesson.title == "Shapes")
        #expect(lesson.steps.count == 1)
        #expect(lesson.steps[0].expected?.tolerance == Tolerance(absolute: 0.5, relative: 0.01))
        #expect(lesson.steps[0].expected?.line == 8)
        #expect(lesson.closing.contains("```python"))
    }

    /// The mistakes an author makes, each reported at its line.
    @Test("mistakes in a lesson file are errors at file:line", arguments: [
        ("```lectern\n1\n", "lessons/99-test.md:1: this fence (```) is never closed"),
        ("Prose.\n\n```output\n1\n```\n", "lessons/99-test.md:3: an output fence must come right after"),
        ("```lectern\n1\n```\nProse between.\n```output\n1\n```\n", "lessons/99-test.md:5: an output fence must come right after"),
        ("```lectern\n1\n```\n```output tolerance=small\n1\n```\n", "lessons/99-test.md:4: 'tolerance' should be a number"),
        ("```lectern\n1\n```\n```output exact\n1\n```\n", "lessons/99-test.md:4: unknown attribute 'exact'"),
        ("```lectern your-turn\n# x\n```\n```lectern\n1\n```\n", "lessons/99-test.md:1: this your-turn step has no check fence"),
        ("```lectern your-turn\n# x\n```\n```check\nx == 1\n```\n", "lessons/99-test.md:1: this your-turn step has no 'lectern solution' fence"),
        ("```check\nx == 1\n```\n", "lessons/99-test.md:1: a check fence belongs right after"),
        ("---\ntitle: T\nminutes: soon\n---\n", "lessons/99-test.md:3: 'minutes' should be a whole number"),
        ("---\ntitle: T\nlevel: 2\n---\n", "lessons/99-test.md:3: unknown front matter key 'level'"),
        ("---\ntitle: T\n", "lessons/99-test.md:1: the front matter opened here is never closed"),
        ("```lectern run\n1\n```\n", "lessons/99-test.md:1: unknown words after 'lectern'"),
    ])
    func mistakes(text: String, message: String) {
        do {
            _ = try parse(text)
            Issue.record("no error for \(text.debugDescription)")
        } catch {
            #expect(error.description.hasPrefix(message), "got: \(error.description)")
        }
    }
}
