/// Where the course comes from, first match wins:
///
/// 1. `--course DIR` (the `flag` argument);
/// 2. the `LECTERN_COURSE` environment variable;
/// 3. `<executable>/../share/lectern` (what `make install` puts beside `bin/lectern`);
/// 4. the source checkout the binary was built from (`make run`, `swift run` from a clone).
///
/// A folder counts when it has a `lessons/` or an `exercises/` folder inside.
public enum CourseLocation {
    public static func find(flag: String?, executable: String? = nil) throws(LessonError) -> Course {
        if let flag { return try explicit(flag, "--course") }
        if let variable = Files.environment("LECTERN_COURSE"), !variable.isEmpty { return try explicit(variable, "LECTERN_COURSE") }
        for candidate in shipped(executable: executable ?? executablePath()) where isCourse(candidate) {
            return Course(directory: candidate)
        }
        throw LessonError("lectern", line: nil, "cannot find the lessons shipped with Lectern (looked in "
            + shipped(executable: executable ?? executablePath()).joined(separator: ", ") + "); give --course DIR or set LECTERN_COURSE")
    }

    private static func explicit(_ path: String, _ origin: String) throws(LessonError) -> Course {
        guard isCourse(path) else {
            throw LessonError(path, line: nil, "\(origin) names a folder without lessons/ or exercises/ in it (a course is a folder with lessons/NN-topic.md files and exercises/NN-name/ folders)")
        }
        return Course(directory: path)
    }

    static func isCourse(_ path: String) -> Bool {
        Files.isDirectory(path + "/lessons") || Files.isDirectory(path + "/exercises")
    }

    /// The places the shipped lessons may be, in order.
    static func shipped(executable: String) -> [String] {
        var places: [String] = []
        if let bin = executable.lastIndex(of: "/") {
            let prefix = Files.canonical(String(executable[..<bin]) + "/..")
            places.append(prefix + "/share/lectern")
        }
        places.append(sourceCheckout)
        return places
    }

    /// The package's root, from this file's place in it when it was compiled.
    static let sourceCheckout: String = {
        var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Sources/LecternCourse/CourseLocation.swift
        return parts.joined(separator: "/")
    }()

    static func executablePath() -> String { Files.canonical("/proc/self/exe") }
}
