#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation
import LecternCourse
import LecternLanguage
import TensorEngine

/// What the grading child sends its parent on descriptor 3, once the submission has finished.
enum ChildMessage: Codable {
    case report(ExerciseReport)
    /// A file of the submission could not be read, or they are too large.
    case unreadable(String)
}

/// `lectern _grade-child EXERCISE_DIR FILE... --timeout S --memory MB`: one submission, in
/// the process `lectern grade` starts for it (not for people: it is hidden from the help).
/// It limits itself (`GradeLimits.applyToThisProcess`), runs every test, writes what the
/// student's code printed to its standard output and the report, as JSON, to descriptor 3.
struct GradeChildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_grade-child", abstract: "Grade one submission for lectern grade (internal).", shouldDisplay: false)

    @Argument(help: "The exercise's folder.")
    var exercise: String

    @Argument(help: "The submission's files, run in order.")
    var files: [String] = []

    @OptionGroup var limits: GradeLimits

    /// Where the parent reads the result.
    static let resultDescriptor: Int32 = 3

    func run() throws {
        limits.applyToThisProcess()
        KernelThreads.count = 1  // the parent runs children in parallel instead
        let name = exercise.split(separator: "/").last.map(String.init) ?? exercise
        let loaded: Exercise
        do throws(LessonError) { loaded = try Exercise.load(name: name, directory: exercise) } catch {
            StandardError.write("lectern: \(error)\n")
            throw ExitCode(3)
        }
        // A source file is a few kilobytes; megabytes are an attack on the parser, refused
        // before anything is read (`stat`'s size; a file that cannot be stat'ed fails below).
        let bytes = files.reduce(0) { total, file in
            var info = stat()
            return total + (stat(file, &info) == 0 ? Int(info.st_size) : 0)
        }
        if bytes > limits.fileSize * 1024 {
            return send(.unreadable("too large: \((bytes + 1023) / 1024) KB of source (the limit is \(limits.fileSize) KB)"))
        }
        var sources: [Source] = []
        for file in files {
            do {
                let source = try ScriptFile.read(file)
                sources.append(Source(name: file.split(separator: "/").last.map(String.init) ?? file, text: source.text, isFile: true))
            } catch {
                return send(.unreadable("unreadable: \(error)"))
            }
        }

        let report = ExerciseRunner.run(loaded, .files(sources), visibility: .all, limits: limits.language) { text in
            Self.writeAll(1, Array(text.utf8))
        }
        send(.report(report))
    }

    private func send(_ message: ChildMessage) {
        guard let data = try? JSONEncoder().encode(message) else { return }
        Self.writeAll(Self.resultDescriptor, Array(data))
        close(Self.resultDescriptor)
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        var rest = bytes[...]
        while !rest.isEmpty {
            let n = rest.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            rest = rest.dropFirst(n)
        }
    }
}
