import Foundation

/// `lectern` with its standard input from a pipe (as in `lectern < script.lec`).
struct PipedRun {
    let status: Int32
    let output: String
    let errors: String

    /// With `inputFile`, standard input is that file instead of a pipe holding `input` (for
    /// input the program may stop reading early, which would end a pipe's writer with SIGPIPE).
    init(_ input: String, arguments: [String] = [], environment: [String: String] = [:],
         directory: URL? = nil, inputFile: URL? = nil) async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LecternBinary.path)
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        for (key, value) in environment { variables[key] = value }
        process.environment = variables
        if let directory { process.currentDirectoryURL = directory }
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = try inputFile.map { try FileHandle(forReadingFrom: $0) } ?? stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        if inputFile == nil { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        // Read both to the end before waiting, so that a full pipe cannot stall the program.
        let errorData = Task.detached { stderr.fileHandleForReading.readDataToEndOfFile() }
        let outputData = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        status = process.terminationStatus
        output = String(decoding: outputData, as: UTF8.self)
        errors = String(decoding: await errorData.value, as: UTF8.self)
    }
}
