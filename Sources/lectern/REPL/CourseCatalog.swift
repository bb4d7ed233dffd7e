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

/// A course folder's lessons, by stem and by topic; exercises arrive later.
struct FolderCatalog: CourseCatalog {
    let course: Course

    var lessonNames: [String] {
        let stems = (try? course.stems()) ?? []
        return stems + stems.map { String($0.drop { $0.isNumber }.dropFirst()) }
    }

    var exerciseNames: [String] { [] }
}
