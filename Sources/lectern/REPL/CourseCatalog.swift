/// The lessons and exercises the REPL can open, by name: what Tab offers after `:lesson`
/// and `:check`. Lessons and exercises arrive in a later version; until then the catalog is
/// empty.
protocol CourseCatalog {
    var lessonNames: [String] { get }
    var exerciseNames: [String] { get }
}

/// No course yet.
struct EmptyCatalog: CourseCatalog {
    var lessonNames: [String] { [] }
    var exerciseNames: [String] { [] }
}
