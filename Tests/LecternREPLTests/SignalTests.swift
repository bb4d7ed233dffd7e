import Foundation
import Testing

/// `lectern run` killed by a grader's timeout keeps what it printed: output to a pipe goes out
/// line by line, and SIGTERM or SIGINT stop the script (even inside a builtin) with a
/// diagnostic and the status a shell reports for the signal.
@Suite("signals", .serialized)
struct SignalTests {
    @Test("SIGTERM and SIGINT during a long builtin: the printed lines are kept, the status is 128 + the signal",
          arguments: [SIGTERM, SIGINT])
    func terminate(_ signal: Int32) throws {
        // A file, not standard input: a pipe's write end inherited by another test's child
        // would keep the script from ever reaching its end.
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-signal-\(signal).lec")
        try "print(\"partial\")\na = ones(2000, 2000)\nwhile true { a = a @ a }\n".write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LecternBinary.path)
        process.arguments = ["run", script.path]
        let stdout = Pipe(), stderr = Pipe()
        (process.standardOutput, process.standardError) = (stdout, stderr)
        try process.run()
        // The line arrives while the script still runs: it was not held in a buffer.
        var seen = Data()
        while !String(decoding: seen, as: UTF8.self).contains("\n") {
            let chunk = stdout.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            seen.append(chunk)
        }
        #expect(String(decoding: seen, as: UTF8.self) == "partial\n")
        Thread.sleep(forTimeInterval: 0.3)
        let sent = Date()
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(Date().timeIntervalSince(sent) < 2)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 128 + signal)
        let errors = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(errors.contains("stopped by signal \(signal) (\(signal == SIGTERM ? "SIGTERM" : "SIGINT"))"), "\(errors)")
    }
}
