import Foundation
import LecternCourse
import Testing

@Suite("lectern lesson --check")
struct CheckTests {
    /// Every lesson shipped in lessons/ and the fixture course, as (course folder, stem).
    static let lessons: [LessonCase] = [Places.root, Places.fixtureCourse].flatMap { directory in
        guard FileManager.default.fileExists(atPath: directory + "/lessons") else { return [LessonCase]() }
        return ((try? Course(directory: directory).stems()) ?? []).map { LessonCase(directory: directory, stem: $0) }
    }

    /// `swift test` keeps every lesson true, one test case each (they run in parallel).
    @Test("every lesson of the shipped course and of the fixture course passes --check", arguments: lessons)
    func everyLesson(_ lesson: LessonCase) throws {
        let failures = LessonChecker.check(try Course(directory: lesson.directory).lesson(lesson.stem))
        #expect(failures.isEmpty, "\(lesson.stem):\n\(failures.map(\.description).joined(separator: "\n"))")
    }

    /// The REPL shows a step's code indented by 4: at 80 columns a line has 76.
    @Test("every step's code fits an 80-column terminal with its indent", arguments: lessons)
    func codeFits(_ lesson: LessonCase) throws {
        for (index, step) in try Course(directory: lesson.directory).lesson(lesson.stem).steps.enumerated() {
            for line in step.code.split(separator: "\n") where line.count > 76 {
                Issue.record("\(lesson.stem), step \(index + 1): a code line of \(line.count) characters: \(line)")
            }
        }
    }

    @Test("the shipped course has its eight lessons, and the fixture course its sample")
    func lessonsFound() {
        #expect(Self.lessons.filter { $0.directory == Places.root }.count >= 8)
        #expect(Self.lessons.contains { $0.directory == Places.fixtureCourse && $0.stem == "01-sample" })
    }

    @Test("one changed digit in an output fence fails with a diff naming the lesson, step and line")
    func changedDigit() throws {
        let text = Places.fixtureText("01-sample").replacingOccurrences(of: "```output\n24\n```", with: "```output\n25\n```")
        let failures = LessonChecker.check(try LessonParser.parse(text, stem: "01-sample", path: "lessons/01-sample.md"))
        let failure = try #require(failures.first)
        #expect(failures.count == 1)
        #expect(failure.step == 5)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(of: "25")! + 1
        #expect(failure.line == line)
        #expect(failure.description.hasPrefix("lessons/01-sample.md:\(line): step 5: the output differs"))
        #expect(failure.description.contains("  - 25\n  + 24"))
    }

    @Test("a number outside the tolerance fails; inside it passes")
    func tolerance() throws {
        let outside = Places.fixtureText("01-sample").replacingOccurrences(of: "0.333333\n", with: "0.3334\n")
        let failures = LessonChecker.check(try LessonParser.parse(outside, stem: "01-sample", path: "lessons/01-sample.md"))
        #expect(failures.map(\.step) == [2])
        #expect(failures.first?.description.contains("within atol=1e-06, rtol=1e-06") == true)
        let tolerance = Tolerance(absolute: 0, relative: 1e-3)
        #expect(OutputComparison.firstDifference(expected: "loss 0.25 [2, 3]", actual: "loss 0.2501 [2, 3]", tolerance: tolerance) == nil)
        #expect(OutputComparison.firstDifference(expected: "loss 0.25 [2, 3]", actual: "loss 0.2501 [2, 4]", tolerance: tolerance) != nil)
        #expect(OutputComparison.firstDifference(expected: "loss 0.25", actual: "loss 0.2501", tolerance: nil) != nil)
    }

    @Test("a broken check fails: one the solution does not pass, one true before the solution, a failing solution")
    func brokenChecks() throws {
        let sample = Places.fixtureText("01-sample")
        let wrong = sample.replacingOccurrences(of: "z == 9", with: "z == 10")
        var failures = LessonChecker.check(try LessonParser.parse(wrong, stem: "01-sample", path: "x.md"))
        #expect(failures.map(\.step) == [6])
        #expect(failures.first?.description.contains("the solution does not pass the check (z should be 9") == true)

        let always = sample.replacingOccurrences(of: "z == 9", with: "y.size == 9")
        failures = LessonChecker.check(try LessonParser.parse(always, stem: "01-sample", path: "x.md"))
        #expect(failures.first?.description.contains("the check is true before the solution ran") == true)

        let failing = sample.replacingOccurrences(of: "z = y.size", with: "z = y.count")
        failures = LessonChecker.check(try LessonParser.parse(failing, stem: "01-sample", path: "x.md"))
        #expect(failures.first?.description.contains("the solution fails") == true)
    }

    @Test("a step that fails without 'output error', and one that succeeds with it")
    func unexpectedErrors() throws {
        let lesson = try parse("```lectern\nundefined_name\n```\n\n```lectern\n1\n```\n\n```output error\n1\n```\n")
        let failures = LessonChecker.check(lesson)
        #expect(failures.map(\.step) == [1, 2])
        #expect(failures[0].description.contains("'undefined_name' is not defined"))
        #expect(failures[1].description.contains("the output fence says 'error', but the step succeeds"))
    }

    @Test("a step may read the clock (to time something) and files, but not write files")
    func capabilities() {
        let runner = StepRunner()
        let timed = runner.run("t = clock()\nprint(clock() - t >= 0)", name: "step 1")
        #expect(!timed.failed)
        #expect(timed.text == "true\n")
        let written = runner.run("savefig(plot([1, 2]), \"/tmp/lectern-lesson-must-not-write.svg\")", name: "step 2")
        #expect(written.failed)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/lectern-lesson-must-not-write.svg"))
    }

    @Test("a figure is drawn at 80 columns without colour, whatever the terminal")
    func figureWidth() {
        let output = StepRunner().run("plot([1, 4, 9, 16])", name: "step 1")
        #expect(!output.failed)
        #expect(!output.text.contains("\u{1B}["))
        let widths = output.text.split(separator: "\n").map(\.count)
        #expect(widths.max() == 80)
    }

    @Test("the same lesson gives the same output each time: a fresh session seeded with 0")
    func deterministic() throws {
        let lesson = try parse("```lectern\nrandn(3)\n```\n")
        let first = StepRunner().run(lesson.steps[0].code, name: "step 1")
        let second = StepRunner().run(lesson.steps[0].code, name: "step 1")
        #expect(first == second)
        #expect(!first.failed)
    }
}

/// One lesson of a course folder, a case of `everyLesson`.
struct LessonCase: CustomTestStringConvertible, Sendable {
    let directory: String
    let stem: String
    var testDescription: String { stem }
}
