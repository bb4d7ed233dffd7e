/// The words after `output` in an output fence: `error` (the step must fail; its diagnostic
/// is the text), `tolerance=T` (numbers within T, absolute and relative), `atol=A`, `rtol=R`.
enum OutputAttributes {
    static func parse(_ words: [String], text: String, line: Int, path: String) throws(LessonError) -> ExpectedOutput {
        var expected = ExpectedOutput(text: text, line: line + 1, tolerance: nil, isError: false)
        for word in words {
            if word == "error" {
                expected.isError = true
                continue
            }
            let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, ["tolerance", "atol", "rtol"].contains(parts[0]) else {
                throw LessonError(path, line: line, "unknown attribute '\(word)' of an output fence (known: error, tolerance=, atol=, rtol=)")
            }
            guard let value = Double(parts[1]), value >= 0, value.isFinite else {
                throw LessonError(path, line: line, "'\(parts[0])' should be a number such as 1e-6, not '\(parts[1])'")
            }
            var tolerance = expected.tolerance ?? Tolerance(absolute: 0, relative: 0)
            switch parts[0] {
            case "atol": tolerance.absolute = value
            case "rtol": tolerance.relative = value
            default: tolerance = Tolerance(absolute: value, relative: value)
            }
            expected.tolerance = tolerance
        }
        return expected
    }
}
