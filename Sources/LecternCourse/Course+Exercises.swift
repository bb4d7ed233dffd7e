/// The exercises of a course folder: `exercises/NN-name/`, each a folder with README.md,
/// starter.lec, solution.lec and tests.lec. An exercise is found as a lesson is: by its
/// folder's name (`01-conv-output-size`), its topic (`conv-output-size`) or its number (`1`).
extension Course {
    public var exercisesDirectory: String { directory + "/exercises" }

    /// The exercises' names, in order (folders whose name starts with a digit, sorted).
    public func exerciseNames() throws(LessonError) -> [String] {
        guard let names = Files.list(exercisesDirectory) else {
            throw LessonError(exercisesDirectory, line: nil, "no exercises folder here (a course keeps them in exercises/NN-name/)")
        }
        return names.filter { $0.first?.isNumber == true && Files.isDirectory(exercisesDirectory + "/" + $0) }
    }

    /// The exercise's name that `name` means; an error lists the exercises there are.
    public func exerciseName(for name: String) throws(LessonError) -> String {
        let trimmed = name.hasSuffix("/") ? String(name.dropLast()) : name
        return try Self.resolve(trimmed, among: try exerciseNames(), "exercise", exercisesDirectory)
    }

    /// Reads and checks an exercise, by any of its names (`Exercise.load`).
    public func exercise(_ name: String) throws(LessonError) -> Exercise {
        let resolved = try exerciseName(for: name)
        return try Exercise.load(name: resolved, directory: exercisesDirectory + "/" + resolved)
    }
}
