import Foundation

/// The built `lectern` (beside the test bundle, or `LECTERN_BINARY`).
enum LecternBinary {
    static let path: String = {
        if let path = ProcessInfo.processInfo.environment["LECTERN_BINARY"] { return path }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        return executable.deletingLastPathComponent().appendingPathComponent("lectern").path
    }()
}

/// Paths of the checkout: the course (its exercises/) and the corpus of submissions.
enum Checkout {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let root = testsDirectory.deletingLastPathComponent().deletingLastPathComponent().path
    static let corpus = testsDirectory.appendingPathComponent("Corpus").path
    static let schema = testsDirectory.appendingPathComponent("junit.xsd").path
}

/// A run of a program to its end: status and both outputs.
struct Run {
    let status: Int32
    let output: String
    let errors: String

    init(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let errorData = Thread.detachedRead(stderr)
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        output = String(decoding: outputData, as: UTF8.self)
        errors = String(decoding: errorData(), as: UTF8.self)
    }
}

extension Thread {
    /// Reads a pipe to its end on another thread; the result waits for it.
    static func detachedRead(_ pipe: Pipe) -> () -> Data {
        let box = DataBox()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            box.data = pipe.fileHandleForReading.readDataToEndOfFile()
            done.signal()
        }
        return { done.wait(); return box.data }
    }
}

private final class DataBox: @unchecked Sendable { var data = Data() }

/// A fresh directory for one test, removed after.
final class Scratch {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-grade-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ name: String, _ bytes: Data) throws -> String {
        let file = path + "/" + name
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try bytes.write(to: URL(fileURLWithPath: file))
        return file
    }

    func read(_ name: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path + "/" + name)) }
}

/// The tests of `lectern grade`, one after the other: each batch runs its children in
/// parallel already, and the 2 cores of a test machine are enough for one at a time.
@Suite("lectern grade", .serialized) enum GradeTests {}

/// `lectern grade` on the course of the checkout, with the small limits of the tests: 8
/// seconds of wall clock, 100,000 steps (a debug build's interpreter is slow), 512 MB.
/// The wall clock is not shorter because the corpus's `memory-hog` touches its 512 MB page by
/// page: alone it ends in 0.6 s, but beside the other suites' big tensors it once took over
/// 3 s, and a timeout then won over the memory limit.
func grade(_ exercise: String, _ submissions: [String], format: String, out: String, jobs: Int = 2,
           extra: [String] = []) throws -> Run {
    try Run(LecternBinary.path, ["grade", exercise] + submissions + ["--format", format, "--out", out, "--jobs", String(jobs),
            "--course", Checkout.root, "--timeout", "8", "--steps", "100000", "--memory", "512"] + extra)
}

/// The submissions of a JSON gradebook, by student.
func submissions(_ json: Data) throws -> [String: [String: Any]] {
    let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
    let list = try #require(object["submissions"] as? [[String: Any]])
    var byStudent: [String: [String: Any]] = [:]
    for item in list { byStudent[try #require(item["student"] as? String)] = item }
    return byStudent
}

import Testing
