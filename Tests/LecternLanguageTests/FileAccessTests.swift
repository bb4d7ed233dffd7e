import Foundation
import Testing
@testable import LecternLanguage
import TensorEngine

/// A temporary tree for one test: root/allowed (granted), root/allowed/nested, root/outside
/// (not granted), and a link allowed/out -> outside. Removed after.
private final class Tree {
    let root: String, allowed: String, outside: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-files-\(UUID().uuidString)").path
        root = FileAccess.resolve(try Self.make(base)) ?? base
        allowed = try Self.make(root + "/allowed")
        _ = try Self.make(allowed + "/nested")
        outside = try Self.make(root + "/outside")
        try FileManager.default.createSymbolicLink(atPath: allowed + "/out", withDestinationPath: outside)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }

    static func make(_ path: String) throws -> String {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func write(_ path: String, _ text: String) throws { try text.write(toFile: path, atomically: true, encoding: .utf8) }

    /// A session that may read (and write) under `allowed` only.
    func session() throws -> Interpreter {
        var access = FileAccess.none
        try access.grant(.read, under: allowed)
        try access.grant(.write, under: allowed)
        return Interpreter(fileAccess: access) { _ in }
    }
}

@Suite("file access: granted directories, resolved paths; load_csv and load_image")
struct FileAccessTests {
    @Test("a nested path and a new file are allowed; outside, '..' and a symlink out are refused")
    func policy() throws {
        let tree = try Tree()
        var access = FileAccess.none
        try access.grant(.write, under: tree.allowed)
        #expect(try access.check(tree.allowed + "/nested/a.svg", for: .write) == tree.allowed + "/nested/a.svg")
        #expect(try access.check(tree.allowed + "/nested/../b.svg", for: .write) == tree.allowed + "/b.svg")
        for refused in [tree.outside + "/a.svg", tree.allowed + "/../outside/a.svg", tree.allowed + "/out/a.svg",
                        tree.allowed + "/..", tree.root + "/allowedx.svg"] {
            #expect(throws: FileAccess.Failure.self, "\(refused)") { try access.check(refused, for: .write) }
        }
        try FileManager.default.createSymbolicLink(atPath: tree.allowed + "/dangling.svg", withDestinationPath: tree.outside + "/new.svg")
        let dangling = #expect(throws: FileAccess.Failure.self) { try access.check(tree.allowed + "/dangling.svg", for: .write) }
        #expect(dangling?.message.contains("a symbolic link to a file that does not exist") == true)
        let outside = #expect(throws: FileAccess.Failure.self) { try access.check(tree.outside + "/a.svg", for: .write) }
        #expect(outside?.message.contains("is outside the directories this session may write (\(tree.allowed))") == true)
        let read = #expect(throws: FileAccess.Failure.self) { try access.check(tree.allowed + "/a.csv", for: .read) }
        #expect(read?.message.hasPrefix("reading files is not allowed here") == true)
        let missing = #expect(throws: FileAccess.Failure.self) { try access.check(tree.allowed + "/no/such/a.svg", for: .write) }
        #expect(missing?.message.contains("its directory does not exist") == true)
        #expect(throws: FileAccess.Failure.self) { try access.grant(.read, under: tree.root + "/missing") }
        #expect(!FileAccess.none.allows(.read) && !FileAccess.none.allows(.write))
    }

    @Test("load_csv: numbers as (rows, columns), a header skipped, CRLF and spaces")
    func loadCSV() throws {
        let tree = try Tree()
        try tree.write(tree.allowed + "/nested/p.csv", "a,b,c\r\n1, 2.5,-3\r\n4,5e2,6\r\n\r\n")
        let interpreter = try tree.session()
        let value = try interpreter.run(Source(name: "t", text: "load_csv(\"\(tree.allowed)/nested/p.csv\", header=true)"))
        #expect(value?.tensorValue == (try Tensor(shape: [2, 3], scalars: [1, 2.5, -3, 4, 500, 6])))
    }

    @Test("load_csv's errors: a bad cell's line and column, a ragged line, no access, outside, a missing file",
          arguments: [
              ("nested/bad.csv", "1,2\n3,x\n", "\"x\" is not a number", "line 2, column 2"),
              ("nested/head.csv", "a,b\n1,2\n", "pass header=true", "line 1, column 1"),
              ("nested/ragged.csv", "1,2\n3\n", "line 2 has 1 cells, but the first row has 2", "load_csv"),
              ("nested/empty.csv", "\n\n", "holds no rows of numbers", "load_csv"),
          ])
    func loadCSVErrors(file: String, text: String, message: String, place: String) throws {
        let tree = try Tree()
        try tree.write(tree.allowed + "/" + file, text)
        let error = #expect(throws: LanguageError.self) {
            try tree.session().run(Source(name: "t", text: "x = load_csv(\"\(tree.allowed)/\(file)\")"))
        }
        #expect(error?.message.contains(message) == true && error?.message.contains(place) == true, "\(error?.message ?? "")")
    }

    @Test("reading is refused without access, outside the directory, through a symlink; a missing file")
    func refusedReads() throws {
        let tree = try Tree()
        try tree.write(tree.outside + "/p.csv", "1,2\n")
        let cases: [(Interpreter, String, String)] = [
            (Interpreter { _ in }, tree.outside + "/p.csv", "reading files is not allowed here"),
            (try tree.session(), tree.outside + "/p.csv", "is outside the directories this session may read"),
            (try tree.session(), tree.allowed + "/out/p.csv", "is outside the directories this session may read"),
            (try tree.session(), tree.allowed + "/../outside/p.csv", "is outside the directories this session may read"),
            (try tree.session(), tree.allowed + "/none.csv", "no such file"),
        ]
        for (interpreter, path, message) in cases {
            let error = #expect(throws: LanguageError.self) { try interpreter.run(Source(name: "t", text: "x = load_csv(\"\(path)\")")) }
            #expect(error?.message.contains(message) == true, "\(path): \(error?.message ?? "")")
        }
    }

    @Test("load_image reads a binary PGM as (H, W) pixels 0 to 255; other files are an error")
    func loadImage() throws {
        let tree = try Tree()
        let pgm = Data("P5\n3 2\n255\n".utf8) + Data([0, 10, 20, 30, 40, 255])
        try pgm.write(to: URL(fileURLWithPath: tree.allowed + "/i.pgm"))
        let value = try tree.session().run(Source(name: "t", text: "load_image(\"\(tree.allowed)/i.pgm\")"))
        #expect(value?.tensorValue == (try Tensor(shape: [2, 3], scalars: [0, 10, 20, 30, 40, 255])))
        try tree.write(tree.allowed + "/i.txt", "hello")
        let error = #expect(throws: LanguageError.self) {
            try tree.session().run(Source(name: "t", text: "x = load_image(\"\(tree.allowed)/i.txt\")"))
        }
        #expect(error?.message.contains("is not an image Lectern reads") == true, "\(error?.message ?? "")")
    }
}
