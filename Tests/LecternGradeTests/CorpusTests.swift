import Foundation
import Testing

/// The corpus of bad submissions (Corpus/, and the ones made here: binary garbage, invalid
/// UTF-8, CRLF line endings, a 10 MB file, a path that does not exist) graded in one batch
/// with honest ones: each bad one gets its stated reason, and each honest one scores exactly
/// as it does alone.
extension GradeTests {
@Suite("the corpus of hostile submissions")
struct CorpusTests {
    /// What one submission of the corpus must come out as.
    struct Expected {
        var status = "graded"
        /// The reason, or its beginning when it ends with "…"; nil: no reason.
        var reason: String?
        var score: Double
    }

    static let expected: [String: Expected] = [
        "honest": .init(score: 11), "partial": .init(score: 3), "hardcoded": .init(score: 6),
        "folder": .init(score: 11), "mutate-inputs": .init(score: 11), "wrong-shape": .init(score: 3),
        "crlf": .init(score: 11), "invalid-utf8": .init(score: 11),
        "ten-mb": .init(status: "error", reason: "too large: …", score: 0),
        "syntax-error": .init(reason: "syntax error at 2:24", score: 0),
        "binary": .init(reason: "syntax error at …", score: 0),
        "empty": .init(score: 0),
        "loop-top": .init(reason: "limit: step limit reached at 15:1", score: 11),
        "loop-function": .init(reason: "limit: step limit reached at 3:…", score: 0),
        "slow-builtin": .init(status: "error", reason: "timeout", score: 0),
        "recursion": .init(reason: "limit: recursion too deep at 3:10", score: 0),
        "huge-tensor": .init(reason: "limit: a tensor of shape [1000000, 1000000] is too large at 3:10", score: 0),
        "memory-hog": .init(status: "error", reason: "memory", score: 0),
        "print-100mb": .init(reason: "limit: output limit reached at 4:3", score: 0),
        "fake-pass": .init(score: 0), "redefine": .init(score: 0),
        "nan": .init(score: 0), "inf": .init(score: 0), "string": .init(score: 0), "wrong-arity": .init(score: 0),
        "nobody": .init(status: "error", reason: "unreadable: No such file or directory", score: 0),
    ]

    /// The honest submissions: graded alone, each must give the same entry as in the batch.
    static let honest = ["honest", "partial", "hardcoded", "folder", "mutate-inputs", "wrong-shape", "crlf"]

    /// The corpus's files and folders, and the generated ones, in `scratch`.
    static func paths(_ scratch: Scratch) throws -> [String: String] {
        var paths: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: Checkout.corpus) {
            paths[name.hasSuffix(".lec") ? String(name.dropLast(4)) : name] = Checkout.corpus + "/" + name
        }
        let solution = try Data(contentsOf: URL(fileURLWithPath: Checkout.corpus + "/honest.lec"))
        var random = XorShift(state: 1)
        paths["binary"] = try scratch.write("binary.lec", Data((0..<4096).map { _ in random.nextByte() }))
        paths["invalid-utf8"] = try scratch.write("invalid-utf8.lec", Data([0x23, 0x20, 0xC3, 0x28, 0xFF, 0xFE, 0x0A]) + solution)
        paths["crlf"] = try scratch.write("crlf.lec", Data(String(decoding: solution, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8))
        paths["ten-mb"] = try scratch.write("ten-mb.lec", solution + Data(String(repeating: "# " + String(repeating: "x", count: 97) + "\n", count: 100_000).utf8))
        paths["nobody"] = scratch.path + "/missing/nobody.lec"
        return paths
    }

    @Test("each bad submission gets its stated reason; the honest ones score as alone")
    func corpus() throws {
        let scratch = try Scratch()
        let paths = try Self.paths(scratch)
        #expect(Set(paths.keys) == Set(Self.expected.keys), "the corpus and the table of expectations list the same submissions")
        let run = try grade("08", paths.values.sorted(), format: "json", out: scratch.path + "/grades.json")
        #expect(run.status == 0, "\(run.errors)")
        let graded = try submissions(try scratch.read("grades.json"))
        for (student, expected) in Self.expected.sorted(by: { $0.key < $1.key }) {
            let entry = try #require(graded[student], "no entry for \(student)")
            #expect(entry["status"] as? String == expected.status, "\(student)")
            #expect(entry["score"] as? Double == expected.score, "\(student): \(entry["reason"] ?? "")")
            let reason = entry["reason"] as? String
            if let want = expected.reason, want.hasSuffix("…") {
                #expect(reason?.hasPrefix(String(want.dropLast())) == true, "\(student): reason \(reason ?? "none")")
            } else {
                #expect(reason == expected.reason, "\(student)")
            }
        }
        try checkOutputs(graded)
        for student in Self.honest {
            let alone = try grade("08", [paths[student]!], format: "json", out: scratch.path + "/\(student).json", jobs: 1)
            #expect(alone.status == 0)
            let entry = try #require(try submissions(try scratch.read("\(student).json"))[student])
            #expect(NSDictionary(dictionary: entry).isEqual(to: graded[student]!), "\(student) scores the same alone as in the batch")
        }
    }

    /// What the submissions printed is kept, capped, and earns nothing.
    func checkOutputs(_ graded: [String: [String: Any]]) throws {
        let printed = try #require(graded["print-100mb"]?["output"] as? String)
        #expect(printed.utf8.count <= 65536 + 100 && printed.hasSuffix("[output cut at 65536 bytes]\n"))
        let fake = try #require(graded["fake-pass"]?["output"] as? String)
        #expect(fake.hasPrefix("PASS\nscore: 100\n{\"score\": 11"))
        let tests = try #require(graded["fake-pass"]?["tests"] as? [[String: Any]])
        #expect(tests.allSatisfy { $0["score"] as? Double == 0 })
    }

    @Test("redefining the tests' helpers and builtins changes nothing for the tests")
    func redefinitions() throws {
        let scratch = try Scratch()
        // The same function alone, without the redefinitions: the tests must see just that.
        let plain = try scratch.write("redefine.lec", Data("fn softmax_loss(scores, y) {\n  return record(loss=0, dscores=zeros(scores.shape))\n}\n".utf8))
        _ = try grade("08", [plain], format: "json", out: scratch.path + "/plain.json", jobs: 1)
        _ = try grade("08", [Checkout.corpus + "/redefine.lec"], format: "json", out: scratch.path + "/redefine.json", jobs: 1)
        let alone = try #require(try submissions(try scratch.read("plain.json"))["redefine"]?["tests"] as? [[String: Any]])
        let redefined = try #require(try submissions(try scratch.read("redefine.json"))["redefine"]?["tests"] as? [[String: Any]])
        #expect(NSArray(array: alone).isEqual(to: redefined))
    }

    @Test("the JUnit XML of the whole corpus is valid against the schema")
    func junit() throws {
        let scratch = try Scratch()
        let run = try grade("08", try Self.paths(scratch).values.sorted(), format: "junit", out: scratch.path + "/grades.xml")
        #expect(run.status == 0)
        let lint = try Run("/usr/bin/xmllint", ["--noout", "--schema", Checkout.schema, scratch.path + "/grades.xml"])
        #expect(lint.status == 0, "\(lint.errors)")
        let xml = String(decoding: try scratch.read("grades.xml"), as: UTF8.self)
        #expect(xml.contains("<testsuite name=\"slow-builtin\" tests=\"7\" failures=\"0\" errors=\"7\" skipped=\"0\">"))
        #expect(!xml.contains("time=") && !xml.contains("timestamp="))
    }
}

}

/// A small seeded generator (xorshift), for garbage bytes that are the same on every run.
struct XorShift {
    var state: UInt64
    mutating func nextByte() -> UInt8 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return UInt8(truncatingIfNeeded: state >> 24)
    }
}
