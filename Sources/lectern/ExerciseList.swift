import LecternCourse

/// What `lectern exercise` and `:exercise` print about exercises: the table of them with the
/// student's status, and one exercise's task.
enum ExerciseList {
    /// `01-conv-output-size  Convolution output size  7 points (3 hidden)  not started`.
    static func table(_ course: Course, _ store: ExerciseStatusStore) throws(LessonError) -> String {
        var rows: [[String]] = []
        for name in try course.exerciseNames() {
            let exercise = try course.exercise(name)
            let hidden = exercise.hiddenCases.isEmpty ? "" : " (\(points(exercise.hiddenCases.reduce(0) { $0 + $1.points })) hidden)"
            rows.append([name, exercise.title, points(exercise.points) + hidden, store.load(name).rawValue])
        }
        guard !rows.isEmpty else { return "No exercises in \(course.exercisesDirectory).\n" }
        let widths = (0..<3).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            (0..<3).map { row[$0] + String(repeating: " ", count: widths[$0] - row[$0].count) }.joined(separator: "  ") + "  " + row[3]
        }.joined(separator: "\n") + "\n"
    }

    /// The task: the README for the terminal, then how to start and check.
    static func task(_ exercise: Exercise, width: Int, color: Bool, commands: (start: String, check: String)) -> String {
        let readme = ProseRenderer(width: width, color: color).render(exercise.readme)
        let visible = exercise.visibleCases.count, hidden = exercise.hiddenCases.count
        let tests = "\(visible) visible test\(visible == 1 ? "" : "s") (\(points(exercise.visibleCases.reduce(0) { $0 + $1.points })))"
            + (hidden > 0 ? " and \(hidden) hidden test\(hidden == 1 ? "" : "s") (\(points(exercise.hiddenCases.reduce(0) { $0 + $1.points })))" : "")
        let footer = ProseRenderer(width: width, color: false).wrap(
            "\(tests). Start: \(commands.start). Check: \(commands.check).", "", "")
        return readme + "\n\n" + footer.joined(separator: "\n") + "\n"
    }

    static func points(_ x: Double) -> String {
        let text = x == x.rounded() ? String(Int(x)) : String(x)
        return text + (x == 1 ? " point" : " points")
    }
}
