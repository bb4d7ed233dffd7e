import LecternCourse
import LecternLanguage
import LecternRender

extension REPL {
    /// `:next`: on an unanswered your-turn step, checks the answer first (and stays on a
    /// failure); then shows and runs the next step, or ends the lesson.
    func nextStep() {
        guard var state = openState() else { return }
        if state.progress.finished, state.current == state.steps.count - 1 {
            return say("This is the end of the lesson: :restart starts it again, :lessons lists the others.")
        }
        if state.openTurn != nil, !runCheck() { return }
        state = lessonState ?? state
        let next = (state.current ?? -1) + 1
        guard next < state.steps.count else { return finishLesson() }
        showStep(next)
    }

    /// `:back`: the step before the one showing.
    func backStep() {
        guard let state = openState() else { return }
        guard let current = state.current, current > 0 else { return fail("this is the first step: there is no step before it") }
        rebuild(upTo: current - 1)
        showStep(current - 1)
    }

    /// `:goto N`.
    func gotoStep(_ argument: String) {
        guard let state = openState() else { return }
        guard let number = Int(argument), number >= 1, number <= state.steps.count else {
            return fail("usage: :goto N, with N a step number from 1 to \(state.steps.count) (not '\(argument)')")
        }
        rebuild(upTo: number - 1)
        showStep(number - 1)
    }

    /// `:check` on your turn in a lesson; `:check NAME` checks the session's definitions
    /// against an exercise's visible tests, and `:check` alone checks the exercise opened
    /// last when no lesson waits for an answer.
    func checkCommand(_ argument: String) {
        if !argument.isEmpty { return checkExercise(argument) }
        if lessonState?.openTurn == nil, let currentExercise { return checkExercise(currentExercise) }
        guard openTurn(":check") != nil else { return }
        if lessonState?.openTurn == nil { return console.writeLine("This step is done already: :next goes on.") }
        if runCheck() { console.writeLine("Type :next to go on.") }
    }

    /// `:skip`: the your-turn step's solution runs silently, so later steps have what they need.
    func skip() {
        guard let (index, turn) = openTurn(":skip"), var state = lessonState else { return }
        if !state.isSettled(index) {
            runSilently(turn.solution, name: "solution of step \(index + 1)")
            state.progress.skipped.insert(index + 1)
            state.save()
            lessonState = state
            say("Skipped (the reference answer ran silently; :solution shows it).")
        }
        nextStep()
    }

    /// Runs the check of the your-turn step showing; true when it passes (and is recorded).
    @discardableResult
    func runCheck() -> Bool {
        guard var state = lessonState, let current = state.current, let turn = state.steps[current].yourTurn else { return false }
        switch CheckOutcome.evaluate(turn, step: current + 1, in: interpreter) {
        case .passed:
            state.progress.passed.insert(current + 1)
            state.progress.skipped.remove(current + 1)
            state.save()
            lessonState = state
            console.writeLine(console.green("✓ Well done:") + " the check of step \(current + 1) passes.")
            return true
        case let .failed(message):
            say("✗ Not yet: " + message, hanging: "  ")
        case let .error(message, diagnostic):
            say("✗ Not yet: " + message, hanging: "  ")
            say(console.dim("(the check stopped: " + (diagnostic.split(separator: "\n").first.map(String.init) ?? "") + ")"), prefix: "  ", hanging: "   ")
        }
        say(console.dim("Try again, then :check. :hint for a hint, :solution for an answer, :skip to go on."))
        return false
    }

    /// Prints a step's prose and code; runs a code step and shows what it printed.
    func showStep(_ index: Int) {
        guard var state = lessonState else { return }
        let step = state.steps[index]
        let prose = ProseRenderer(width: screenWidth, color: console.color).render(step.prose)
        if !prose.isEmpty { console.writeLine("\n" + prose) }
        let label = "Step \(index + 1) of \(state.steps.count)" + (step.yourTurn != nil ? ": your turn" : "")
        console.writeLine("\n" + console.dim("── " + label + " " + String(repeating: "─", count: max(3, min(screenWidth, 72) - label.count - 4))))
        state.current = index
        state.progress.step = index + 1
        state.save()
        lessonState = state
        if !step.code.isEmpty { console.writeLine(codeBlock(step.code)) }
        if step.yourTurn != nil {
            say(state.isSettled(index)
                ? console.dim("(done already) :next goes on.")
                : "Your turn: type your answer, then :check (or :next). :hint for a hint, :skip to go on.")
            return
        }
        runStep(step.code, name: "step \(index + 1)")
    }

    /// Runs a step as an entry of the session: what it prints, its value, or its diagnostic
    /// (an expected one does not make the session count as failed).
    private func runStep(_ code: String, name: String) {
        do throws(LanguageError) {
            if let value = try execute(Source(name: name, text: code)) { show(value) }
        } catch {
            console.error(Diagnostic.render(error, style: .forTerminal(color: console.color)))
        }
    }

    /// The steps before `index` run again from a fresh session, printing nothing (a
    /// your-turn step runs its reference answer), so that the variables are as the lesson
    /// has them there.
    func rebuild(upTo index: Int) {
        guard let state = lessonState else { return }
        freshSession()
        // A long replay (trainings) shows the progress line, timed from here, and clears it.
        progress.begin()
        defer { progress.clear() }
        for (position, step) in state.steps.prefix(index).enumerated() {
            runSilently(step.yourTurn?.solution ?? step.code, name: "step \(position + 1)")
        }
    }

    private func runSilently(_ code: String, name: String) {
        let output = interpreter.output
        interpreter.output = { _ in }
        defer { interpreter.output = output }
        _ = try? interpreter.run(Source(name: name, text: code))
    }

    /// Past the last step: the closing prose, and the lesson counts as finished.
    private func finishLesson() {
        guard var state = lessonState else { return }
        state.current = state.steps.isEmpty ? nil : state.steps.count - 1
        let closing = ProseRenderer(width: screenWidth, color: console.color).render(state.lesson.closing)
        if !closing.isEmpty { console.writeLine("\n" + closing) }
        state.progress.finished = true
        state.save()
        lessonState = state
        let turns = state.lesson.checkIndices.count
        console.writeLine("\n" + console.green("End of the lesson.") + (turns > 0 ? " Your turns done: \(state.progress.passed.count) of \(turns)." : "")
            + " :lessons lists the others.")
    }
}
