import ArgumentParser
import TensorEngine

@main
struct Lectern: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "lectern",
        abstract: "A terminal notebook for learning convolutional networks.",
        version: version,
        subcommands: [REPLCommand.self, RunCommand.self, LessonCommand.self, ExerciseCommand.self, CheckCommand.self, GradeCommand.self,
                      GradescopeCommand.self, GradeChildCommand.self, BenchCommand.self, ReferenceCommand.self],
        defaultSubcommand: REPLCommand.self)

    static func main() {
        main(Array(movingCourseOption(Array(CommandLine.arguments.dropFirst()))))
    }

    /// `lectern --course DIR lesson 03` as `lectern lesson 03 --course DIR`: the course is an
    /// option of each command that reads one, and `lectern --course DIR` alone is the REPL's.
    static func movingCourseOption(_ arguments: [String]) -> [String] {
        let names = Set(configuration.subcommands.map { $0._commandName })
        let optionCount = arguments.first == "--course" ? 2 : arguments.first?.hasPrefix("--course=") == true ? 1 : 0
        guard optionCount > 0, arguments.count > optionCount, names.contains(arguments[optionCount]) else { return arguments }
        return [arguments[optionCount]] + arguments[(optionCount + 1)...] + arguments[..<optionCount]
    }
}
