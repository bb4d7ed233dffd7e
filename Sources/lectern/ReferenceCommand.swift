import ArgumentParser
import LecternLanguage
import LecternRender

/// `lectern reference`: the builtin reference as Markdown, generated from the registry
/// (`make docs` copies it into docs/language.md).
struct ReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference",
        abstract: "Print the reference of every builtin (Markdown), generated from the registry.")

    func run() {
        print(Reference.markdown(Builtins.all + Pictures.builtins), terminator: "")
    }
}
