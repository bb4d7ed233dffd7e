import LecternCourse

/// The lesson open in the REPL: which step is showing, and the progress kept between
/// sessions.
struct LessonState {
    let lesson: Lesson
    let store: ProgressStore
    var progress: Progress
    /// The index of the step showing; nil before the first.
    var current: Int?

    var steps: [Step] { lesson.steps }

    /// The step showing, when it is a your-turn step not passed or skipped yet.
    var openTurn: YourTurn? {
        guard let current, let turn = steps[current].yourTurn, !isSettled(current) else { return nil }
        return turn
    }

    /// Whether the your-turn step at `index` was passed or skipped.
    func isSettled(_ index: Int) -> Bool {
        progress.passed.contains(index + 1) || progress.skipped.contains(index + 1)
    }

    func save() { store.save(progress, for: lesson.stem) }

    /// `step 3 of 12, 1 of 2 your turns` or `not started` or `finished, ...`.
    static func summary(_ lesson: Lesson, _ progress: Progress) -> String {
        let turns = lesson.checkIndices.count
        let passed = progress.passed.count
        let checks = turns == 0 ? "" : ", \(passed) of \(turns) your turn\(turns == 1 ? "" : "s") done"
        if progress.finished { return "finished" + checks }
        if progress.step == 0 { return "not started" }
        return "step \(progress.step) of \(lesson.steps.count)" + checks
    }

    /// The table of lessons `lectern lesson` and `:lessons` print: name, title, minutes, progress.
    static func table(_ course: Course, _ store: ProgressStore, width: Int = 80) throws(LessonError) -> String {
        var rows: [[String]] = []
        for stem in try course.stems() {
            let lesson = try course.lesson(stem)
            rows.append([stem, lesson.title, lesson.minutes.map { "\($0) min" } ?? "", summary(lesson, store.load(stem))])
        }
        guard !rows.isEmpty else { return "No lessons in \(course.lessonsDirectory).\n" }
        let lines = aligned(rows)
        // Too wide for the terminal: without the titles (the name says the topic), not wrapped.
        guard lines.contains(where: { $0.count > width }) else { return lines.joined(separator: "\n") + "\n" }
        return aligned(rows.map { [$0[0], $0[2], $0[3]] }).joined(separator: "\n") + "\n"
    }

    /// Every column but the last padded to its widest cell, two spaces apart.
    private static func aligned(_ rows: [[String]]) -> [String] {
        let columns = rows[0].count
        let widths = (0..<columns - 1).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            (0..<columns - 1).map { row[$0] + String(repeating: " ", count: widths[$0] - row[$0].count) }.joined(separator: "  ")
                + "  " + row[columns - 1]
        }
    }
}
