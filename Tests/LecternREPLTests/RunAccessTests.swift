import Foundation
import Testing

/// `lectern run --allow-write DIR` / `--allow-read DIR`: scripts touch files only there.
@Suite("lectern run: --allow-read and --allow-write")
struct RunAccessTests {
    @Test("savefig under --allow-write writes the file; a nested path too; outside and '..' are refused")
    func allowWrite() async throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path + "/out/nested", withIntermediateDirectories: true)
        let run = try await PipedRun("savefig(plot([3, 1, 2]), \"out/nested/a.svg\")\nprint(\"ok\")\n",
                                     arguments: ["run", "--allow-write", "out", "-"], directory: scratch.url)
        #expect(run.status == 0 && run.output == "ok\n", "\(run.errors)")
        #expect(try scratch.read("out/nested/a.svg").hasPrefix("<svg") || scratch.read("out/nested/a.svg").hasPrefix("<?xml"))
        for path in ["a.svg", "out/../a.svg"] {
            let refused = try await PipedRun("savefig(plot([3, 1, 2]), \"\(path)\")\n",
                                             arguments: ["run", "--allow-write", "out", "-"], directory: scratch.url)
            #expect(refused.status == 1 && refused.errors.contains("is outside the directories this session may write"),
                    "\(refused.errors)")
            #expect(!FileManager.default.fileExists(atPath: scratch.path + "/a.svg"))
        }
    }

    @Test("without flags, lectern run reads and writes nothing; --allow-read lets load_csv read")
    func allowRead() async throws {
        let scratch = try Scratch()
        try scratch.write("p.csv", "1,2\n3,4\n")
        let denied = try await PipedRun("x = load_csv(\"p.csv\")\n", arguments: ["run", "-"], directory: scratch.url)
        #expect(denied.status == 1 && denied.errors.contains("reading files is not allowed here"), "\(denied.errors)")
        let noWrite = try await PipedRun("savefig(plot([1, 2]), \"a.svg\")\n", arguments: ["run", "-"], directory: scratch.url)
        #expect(noWrite.status == 1 && noWrite.errors.contains("writing files is not allowed here"), "\(noWrite.errors)")
        let allowed = try await PipedRun("print(load_csv(\"p.csv\").shape)\n", arguments: ["run", "--allow-read", ".", "-"],
                                         directory: scratch.url)
        #expect(allowed.status == 0 && allowed.output == "[2, 2]\n", "\(allowed.errors)")
        let missing = try await PipedRun("", arguments: ["run", "--allow-read", "nowhere", "-"], directory: scratch.url)
        #expect(missing.status != 0 && missing.errors.contains("\"nowhere\" is not a directory"), "\(missing.errors)")
    }
}
