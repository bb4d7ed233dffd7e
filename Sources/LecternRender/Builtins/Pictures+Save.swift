import LecternLanguage

extension Pictures {
    static let savefig = Builtin(
        "savefig", [.init("fig"), .init("path")],
        category: .pictures,
        summary: "Writes a figure to a file as standalone SVG (only where the host allows writing files, as the REPL does).",
        example: "savefig(plot([3, 1.5, 1]), \"loss.svg\")"
    ) { args, interpreter in
        let a = PictureArguments(args, "savefig")
        guard case let .object(figure as Figure) = args.value("fig") else {
            throw args.wrongType("fig", expected: "a figure (what plot, hist, imshow ... return)")
        }
        let path = try args.string("path")
        guard interpreter.fileAccess.allows(.write) else {
            throw a.error("writing files is not allowed here: this session has no file access "
                          + "(the REPL grants its directory; `lectern run` needs --allow-write DIR; graded code has none)")
        }
        guard path.lowercased().hasSuffix(".svg"), path.count > 4 else {
            throw a.error("savefig writes SVG: the path must end in .svg, got \"\(path)\"", at: "path")
        }
        do {
            try OutputFile.write(figure.svg(), to: try interpreter.fileAccess.check(path, for: .write))
        } catch {
            throw a.error("\(error)", at: "path")
        }
        return .none
    }
}
