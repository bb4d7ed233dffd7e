import ArgumentParser
import TensorEngine

@main
struct Lectern: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "lectern",
        abstract: "A terminal notebook for learning convolutional networks.",
        version: version,
        subcommands: [REPLCommand.self, RunCommand.self, LessonCommand.self, ExerciseCommand.self, CheckCommand.self, BenchCommand.self, ReferenceCommand.self],
        defaultSubcommand: REPLCommand.self)
}
