import LecternCourse
import LecternLanguage

extension REPL {
    /// `:exercise` lists the exercises with their status; `:exercise NAME` shows one's task
    /// and makes it the one `:check` checks.
    func exerciseCommand(_ name: String) {
        guard let course = currentCourse() else { return }
        do throws(LessonError) {
            guard !name.isEmpty else {
                console.write(try ExerciseList.table(course, ExerciseStatusStore(course: course)))
                return console.writeLine(console.dim(":exercise NAME shows one (by name, topic or number)."))
            }
            let exercise = try course.exercise(name)
            currentExercise = exercise.name
            console.write(ExerciseList.task(exercise, width: screenWidth, color: console.color,
                                            commands: (":load FILE, or type the function here", ":check")))
        } catch {
            fail(error.description)
        }
    }

    /// `:check NAME`: the session's current definitions against the exercise's visible tests.
    func checkExercise(_ name: String) {
        guard let course = currentCourse() else { return }
        let exercise: Exercise
        do throws(LessonError) { exercise = try course.exercise(name) } catch { return fail(error.description) }
        currentExercise = exercise.name
        // Ctrl-C cancels the session's guard (cleared when the line was read); the tests'
        // interpreters follow it.
        let session = interpreter.computeGuard
        let report = ExerciseRunner.run(exercise, .session(interpreter), visibility: .visibleOnly, cancelledWith: session)
        if session.stopReason == .cancelled {
            session.resumeAfterCancel()
            // The terminal echoed "^C" where the cursor was; the notice takes the line, as for a cell.
            if interactive { console.write(console.atLineStart ? "\r\u{1B}[K" : "\n") }
            let total = exercise.cases.filter { !$0.hidden }.count
            return fail("stopped by Ctrl-C (\(report.results.count) of \(total) tests started); the check is not recorded")
        }
        console.write(ExerciseFeedback.text(report, checking: "this session's " + exercise.functions.joined(separator: ", "), color: console.color,
                                            width: interactive ? screenWidth : nil))
        ExerciseStatusStore(course: course).record(report)
    }
}
