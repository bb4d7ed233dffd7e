import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LecternCourse
import LecternRender

/// `lectern lesson`: lists the lessons with their progress; `lectern lesson NAME` opens one in
/// the REPL; `lectern lesson --check [NAME...]` verifies lessons (every output fence, every
/// check against its reference answer) and exits with 1 on any failure.
struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "List the lessons, open one in the REPL, or check them (--check).",
        discussion: """
            A lesson is named by its file stem (02-convolution-arithmetic), its topic \
            (convolution-arithmetic) or its number (02). Lessons come from --course DIR, else \
            LECTERN_COURSE, else the lessons shipped with Lectern.
            """)

    @Argument(help: "The lesson to open; with --check, the lessons to check (default: all).")
    var names: [String] = []

    @Flag(help: "Run the lessons without a terminal and compare every output; exit status 1 on any failure.")
    var check = false

    @Option(name: .customLong("course"), help: "The course folder (a folder with lessons/).")
    var course: String?

    @Flag(name: .customLong("no-color"), help: "No colour, even on a terminal.")
    var noColor = false

    func validate() throws {
        if !check, names.count > 1 { throw ValidationError("give one lesson to open (or --check to check several)") }
    }

    func run() throws {
        if noColor { setenv("NO_COLOR", "1", 1) }
        let course: Course
        do throws(LessonError) { course = try CourseLocation.find(flag: self.course) } catch { return try fail(error.description) }
        if check { return try checkLessons(course) }
        if let name = names.first {
            // A name that finds nothing, or a lesson file with a mistake, is said before the REPL starts.
            do throws(LessonError) { _ = try course.lesson(name) } catch { return try fail(error.description) }
            let status = REPL.start(courseFlag: course.directory, lesson: name)
            if status != 0 { throw ExitCode(status) }
            return
        }
        // Fitted to a terminal; whole when piped (for a script to read).
        let width = isatty(STDOUT_FILENO) != 0 ? TerminalSize.columns : Int.max
        do throws(LessonError) { print(try LessonState.table(course, ProgressStore(course: course), width: width), terminator: "") } catch { return try fail(error.description) }
    }

    /// `--check`: every lesson named (or all), each from a fresh session; a line per lesson.
    private func checkLessons(_ course: Course) throws {
        TerminalSettings.inForce = TerminalSettings()
        var failed = 0
        do throws(LessonError) {
            let stems = names.isEmpty ? try course.stems() : try names.map { name throws(LessonError) in try course.stem(for: name) }
            for stem in stems {
                let start = ContinuousClock.now
                let lesson = try course.lesson(stem)
                let failures = LessonChecker.check(lesson)
                let time = REPL.format(start.duration(to: .now))
                if failures.isEmpty {
                    print("ok      \(stem) (\(plural(lesson.steps.count, "step")), \(plural(lesson.checkIndices.count, "your turn")), \(time))")
                } else {
                    failed += 1
                    print("FAILED  \(stem) (\(failures.count) problem\(failures.count == 1 ? "" : "s"), \(time))")
                    for failure in failures { print(Self.relative(failure.description)) }
                }
            }
        } catch {
            return try fail(error.description)
        }
        if failed > 0 { throw ExitCode(1) }
    }

    /// A message with the current directory taken off the front of its path.
    private static func relative(_ message: String) -> String {
        guard let cwd = getcwd(nil, 0) else { return message }
        defer { free(cwd) }
        let prefix = String(cString: cwd) + "/"
        return message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message
    }

    private func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)" + (count == 1 ? "" : "s") }

    private func fail(_ message: String) throws {
        StandardError.write("lectern: \(message)\n")
        throw ExitCode(1)
    }
}
