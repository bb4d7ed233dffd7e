import LecternCourse
import LecternLanguage
import TensorEngine

extension REPL {
    /// `:lesson` lists the lessons; `:lesson NAME` opens one.
    func lessonCommand(_ name: String) {
        name.isEmpty ? listLessons() : openLesson(name)
    }

    /// `:lessons`, and `:lesson` alone.
    func listLessons() {
        guard let course = currentCourse() else { return }
        do throws(LessonError) {
            console.write(try LessonState.table(course, ProgressStore(course: course), width: screenWidth))
            if lessonState == nil { console.writeLine(console.dim(":lesson NAME opens one (by name, topic or number).")) }
        } catch {
            fail(error.description)
        }
    }

    /// Opens a lesson in a fresh session (no variables, seed 0: what `--check` saw). With
    /// progress from an earlier session, the steps before the one reached run again
    /// silently, to rebuild their variables, and that step is shown.
    func openLesson(_ name: String) {
        guard let course = currentCourse() else { return }
        let lesson: Lesson
        do throws(LessonError) { lesson = try course.lesson(name) } catch { return fail(error.description) }
        let store = ProgressStore(course: course)
        let hadVariables = !interpreter.globals.names.isEmpty
        freshSession()
        lessonState = LessonState(lesson: lesson, store: store, progress: store.load(lesson.stem), current: nil)
        let minutes = lesson.minutes.map { ", about \($0) minutes" } ?? ""
        let header = console.bold("Lesson \(lesson.stem): \(lesson.title)") + " (\(lesson.steps.count) step\(lesson.steps.count == 1 ? "" : "s")\(minutes))"
        say(header)
        if !lesson.prerequisites.isEmpty {
            say("You should know first: " + lesson.prerequisites.joined(separator: ", ") + ".", hanging: "  ")
        }
        if hadVariables { say(console.dim("A lesson starts from a fresh session: your variables are gone, the seed is 0.")) }
        if lessonState?.progress.finished == true {
            lessonState?.progress.finished = false
            lessonState?.progress.step = 0
            say("You finished this lesson before; it starts again (your turns done stay done).")
        }
        let reached = lessonState?.progress.step ?? 0
        guard reached > 0, reached <= lesson.steps.count else {
            return say("Type :next to begin; between steps, type anything you like. :help lists the lesson commands.")
        }
        say("Resuming at step \(reached) of \(lesson.steps.count)" + (reached > 1 ? " (steps 1-\(reached - 1) ran again, silently)." : "."))
        rebuild(upTo: reached - 1)
        showStep(reached - 1)
    }

    /// Writes a line of the lesson's own (a notice, a check's verdict) wrapped at spaces to the
    /// terminal's width (the terminal itself would cut words): the first line after `prefix`,
    /// later ones after `hanging`.
    func say(_ text: String, prefix: String = "", hanging: String = "") {
        ProseRenderer(width: screenWidth, color: console.color).wrap(text, prefix, hanging).forEach(console.writeLine)
    }

    /// `:where`.
    func whereInLesson() {
        guard let state = openState() else { return }
        let position = state.current.map { "step \($0 + 1) of \(state.steps.count)" } ?? "before step 1 of \(state.steps.count)"
        var line = "Lesson \(state.lesson.stem) (\(state.lesson.title)): \(position)"
        let turns = state.lesson.checkIndices
        if !turns.isEmpty {
            line += "; your turns done: \(state.progress.passed.count) of \(turns.count) (steps \(turns.map { String($0 + 1) }.joined(separator: ", ")))"
        }
        if !state.progress.skipped.isEmpty { line += ", skipped: " + state.progress.skipped.sorted().map(String.init).joined(separator: ", ") }
        console.writeLine(line + ".")
    }

    /// `:restart`: a fresh session, before step 1 (your turns passed stay passed).
    func restartLesson() {
        guard var state = openState() else { return }
        freshSession()
        state.current = nil
        state.progress.step = 0
        state.progress.finished = false
        state.save()
        lessonState = state
        say("Back to the start of \(state.lesson.stem), in a fresh session: :next shows step 1.")
    }

    /// `:hint` on your turn.
    func hint() {
        guard let (_, turn) = openTurn(":hint") else { return }
        guard let hint = turn.hint else { return say("This step has no hint; :solution shows the reference answer.") }
        // Every line of a hint of several lines stays in the quote (one paragraph, rewrapped).
        var lines = hint.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }
        lines[0] = "> **Hint:** " + lines[0].dropFirst(2)
        console.writeLine(ProseRenderer(width: screenWidth, color: console.color).render(lines))
    }

    /// `:solution` on your turn: the reference answer, not run.
    func solution() {
        guard let (_, turn) = openTurn(":solution") else { return }
        console.writeLine("A reference answer (type it, or your own, then :check):")
        console.writeLine(codeBlock(turn.solution))
    }

    /// The open lesson, or a message saying there is none.
    func openState() -> LessonState? {
        if let lessonState { return lessonState }
        fail("no lesson is open: :lessons lists them, :lesson NAME opens one")
        return nil
    }

    /// The your-turn step showing, or a message saying why there is none.
    func openTurn(_ command: String) -> (Int, YourTurn)? {
        guard let state = openState() else { return nil }
        guard let current = state.current, let turn = state.steps[current].yourTurn else {
            fail("\(command) is for a your-turn step, and step \(state.current.map { String($0 + 1) } ?? "0") is not one")
            return nil
        }
        return (current, turn)
    }

    func currentCourse() -> Course? {
        switch course {
        case let .success(course): return course
        case let .failure(error): fail(error.description); return nil
        }
    }

    /// No variables and seed 0, as `--check` runs a lesson.
    func freshSession() {
        for name in interpreter.globals.names { interpreter.globals.remove(name) }
        interpreter.rng = RandomGenerator(seed: 0)
    }

    var screenWidth: Int { interactive ? TerminalSize.columns : StepRunner.width }

    /// Code as a lesson shows it: indented, in colour when the REPL uses colour.
    func codeBlock(_ code: String) -> String {
        code.split(separator: "\n", omittingEmptySubsequences: false).map { console.bold("    " + $0) }.joined(separator: "\n")
    }
}
