import Foundation
import LecternCourse

/// The fixture course beside these tests, and the lessons shipped in the checkout.
enum Places {
    static let tests: String = {
        var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast()
        return parts.joined(separator: "/")
    }()
    static let fixtureCourse = tests + "/Fixtures/course"
    /// The package root (Tests/LecternCourseTests/..).
    static let root: String = {
        var parts = tests.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(2)
        return parts.joined(separator: "/")
    }()

    static func fixtureText(_ stem: String) -> String {
        (try? String(contentsOfFile: fixtureCourse + "/lessons/" + stem + ".md", encoding: .utf8)) ?? ""
    }
}

/// Parses lesson text as if it were `lessons/99-test.md`.
func parse(_ text: String) throws(LessonError) -> Lesson {
    try LessonParser.parse(text, stem: "99-test", path: "lessons/99-test.md")
}
