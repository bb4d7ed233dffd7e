import Foundation
import Testing

/// The four formats on a small batch (honest, partial, hard-coded, a syntax error, printed
/// lies, a folder, a flood of output): byte-identical for --jobs 1 and 2 and on a rerun, and
/// each with the fields its readers expect.
extension GradeTests {
@Suite("gradebook formats")
struct FormatTests {
    static let batch = ["honest.lec", "partial.lec", "hardcoded.lec", "syntax-error.lec", "fake-pass.lec", "folder", "print-100mb.lec", "empty.lec"]
        .map { Checkout.corpus + "/" + $0 }

    @Test("--jobs 1, --jobs 2 and a rerun write the same bytes, in every format", arguments: ["csv", "json", "junit", "gradescope"])
    func identical(format: String) throws {
        let scratch = try Scratch()
        for (name, jobs) in [("one", 1), ("two", 2), ("again", 2)] {
            let run = try grade("08", Self.batch, format: format, out: scratch.path + "/" + name, jobs: jobs)
            #expect(run.status == 0, "\(run.errors)")
        }
        let one = try scratch.read("one")
        #expect(!one.isEmpty)
        #expect(one == (try scratch.read("two")))
        #expect(one == (try scratch.read("again")))
    }

    @Test("CSV: student, one column per test, total, max, status, reason; one row per submission, sorted")
    func csv() throws {
        let scratch = try Scratch()
        _ = try grade("08", Self.batch, format: "csv", out: scratch.path + "/grades.csv")
        let rows = String(decoding: try scratch.read("grades.csv"), as: UTF8.self).components(separatedBy: "\r\n").dropLast()
        let header = rows.first!.components(separatedBy: ",")
        #expect(header.first == "student" && Array(header.suffix(4)) == ["total", "max", "status", "reason"])
        #expect(header.count == 1 + 7 + 4)
        #expect(rows.dropFirst().map { String($0.prefix { $0 != "," }) }
                == ["empty", "fake-pass", "folder", "hardcoded", "honest", "partial", "print-100mb", "syntax-error"])
        #expect(rows.contains("honest,1,2,2,1,2,2,1,11,11,graded,"))
        #expect(rows.contains("hardcoded,1,2,2,1,0,0,0,6,11,graded,"))
        #expect(rows.contains("syntax-error,0,0,0,0,0,0,0,0,11,graded,syntax error at 2:24"))
    }

    @Test("JSON: the documented fields, with their types")
    func json() throws {
        let scratch = try Scratch()
        _ = try grade("08", Self.batch, format: "json", out: scratch.path + "/grades.json")
        let object = try #require(try JSONSerialization.jsonObject(with: try scratch.read("grades.json")) as? [String: Any])
        #expect(object["exercise"] as? String == "08-softmax-loss" && object["max_score"] as? Double == 11)
        let list = try #require(object["submissions"] as? [[String: Any]])
        #expect(list.count == Self.batch.count)
        for submission in list {
            #expect(Set(submission.keys) == ["student", "score", "max_score", "status", "reason", "output", "tests"])
            #expect(submission["student"] is String && submission["score"] is Double && submission["output"] is String)
            #expect(submission["reason"] is String || submission["reason"] is NSNull)
            #expect(["graded", "error"].contains(submission["status"] as? String ?? ""))
            let tests = try #require(submission["tests"] as? [[String: Any]])
            #expect(tests.count == 7)
            for test in tests {
                #expect(Set(test.keys) == ["name", "score", "max_score", "status", "visibility", "message"])
                #expect(["passed", "failed", "error"].contains(test["status"] as? String ?? ""))
                #expect(["visible", "hidden"].contains(test["visibility"] as? String ?? ""))
            }
            #expect(tests.map { $0["visibility"] as? String } == Array(repeating: "visible", count: 4) + Array(repeating: "hidden", count: 3))
        }
    }

    @Test("Gradescope: lectern gradescope reads a submission folder and writes results.json with the specification's fields")
    func gradescope() throws {
        let scratch = try Scratch()
        _ = try scratch.write("submission/answer.lec", try Data(contentsOf: URL(fileURLWithPath: Checkout.corpus + "/hardcoded.lec")))
        let run = try Run(LecternBinary.path, ["gradescope", "08", "--submission", scratch.path + "/submission",
                                               "--results", scratch.path + "/results/results.json", "--course", Checkout.root])
        #expect(run.status == 0, "\(run.errors)")
        let results = try #require(try JSONSerialization.jsonObject(with: try scratch.read("results/results.json")) as? [String: Any])
        #expect(Set(results.keys) == ["score", "execution_time", "output", "stdout_visibility", "tests"])
        #expect(results["score"] as? Double == 6 && results["execution_time"] is Int && results["stdout_visibility"] as? String == "hidden")
        let tests = try #require(results["tests"] as? [[String: Any]])
        #expect(tests.map { $0["number"] as? String } == (1...7).map(String.init))
        for test in tests {
            #expect(Set(test.keys) == ["name", "number", "score", "max_score", "status", "output", "visibility"])
            #expect(test["name"] is String && test["score"] is Double && test["max_score"] is Double && test["output"] is String)
            #expect(["passed", "failed"].contains(test["status"] as? String ?? ""))
        }
        #expect(tests.map { $0["visibility"] as? String } == Array(repeating: "visible", count: 4) + Array(repeating: "after_published", count: 3))
        // A hidden test's output never quotes the test.
        let hidden = tests.filter { $0["visibility"] as? String == "after_published" }.compactMap { $0["output"] as? String }
        #expect(hidden.allSatisfy { !$0.contains("expect_close") && !$0.contains("reference(") })
    }
}

}

/// A batch killed midway leaves the earlier gradebook as it was.
extension GradeTests {
@Suite("never lose a gradebook")
struct KillTests {
    @Test("SIGKILL while grading keeps the previous gradebook")
    func killed() throws {
        let scratch = try Scratch()
        let previous = Data("student,total\nalice,11\n".utf8)
        let out = try scratch.write("grades.csv", previous)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LecternBinary.path)
        process.arguments = ["grade", "08", Checkout.corpus + "/slow-builtin.lec", Checkout.corpus + "/honest.lec",
                             "--out", out, "--jobs", "1", "--course", Checkout.root, "--timeout", "20"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try scratch.read("grades.csv") == previous)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["grades.csv"])
    }
}
}
