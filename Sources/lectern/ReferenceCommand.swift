import ArgumentParser
import LecternCourse
import LecternLanguage
import LecternRender

/// `lectern reference`: the builtin reference as Markdown, generated from the registry
/// (`make docs` copies it into docs/language.md); `--tests`, the test builtins of
/// exercises (into docs/exercises.md).
struct ReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference",
        abstract: "Print the reference of every builtin (Markdown), generated from the registry.")

    @Flag(help: "The builtins of an exercise's tests.lec instead (test, expect_*), for docs/exercises.md.")
    var tests = false

    func run() {
        print(Reference.markdown(tests ? TestBuiltins.reference : Builtins.all + Pictures.builtins), terminator: "")
    }
}
