import LecternCourse

/// The lessons and exercises the REPL can open, by name: what Tab offers after `:lesson`
/// and `:check`.
protocol CourseCatalog {
    var lessonNames: [String] { get }
    var exerciseNames: [String] { get }
}

/// No course (none was found).
struct EmptyCatalog: CourseCatalog {
    var lessonNames: [String] { [] }
    var exerciseNames: [String] { [] }
}

/// A course folder's lessons and exercises, by name and by topic.
struct FolderCatalog: CourseCatalog {
    let course: Course

    var lessonNames: [String] { Self.withTopics((try? course.stems()) ?? []) }

    var exerciseNames: [String] { Self.withTopics((try? course.exerciseNames()) ?? []) }

    private static func withTopics(_ names: [String]) -> [String] {
        names + names.map { String($0.drop { $0.isNumber }.dropFirst()) }
    }
}
