import TensorEngine

/// The numbers of a CSV file (`load_csv`): one row per line, cells separated by commas, every
/// row with the same number of cells. Spaces around a cell are ignored; empty lines are skipped;
/// `\r\n` line ends work. The result is (rows, columns), even for one column.
enum CSVNumbers {
    /// - Parameters:
    ///   - skipHeader: ignore the first line (column names).
    ///   - file: the name to put in error messages; `range` is where the path was written.
    /// - Throws: `LanguageError.runtime` naming the line and column of a cell that is not a
    ///   number, or a line with a different number of cells; or for a file with no rows.
    static func parse(_ bytes: [UInt8], skipHeader: Bool, file: String, _ range: SourceRange) throws -> Tensor {
        var values: [Double] = [], columns: Int? = nil, rows = 0, lineNumber = 0
        let text = String(decoding: bytes, as: UTF8.self)
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            if skipHeader && lineNumber == 1 { continue }
            let trimmed = line[...]
            if trimmed.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let cells = trimmed.split(separator: ",", omittingEmptySubsequences: false)
            if let columns, cells.count != columns {
                throw LanguageError.runtime("load_csv: \"\(file)\" line \(lineNumber) has \(cells.count) cells, "
                                            + "but the first row has \(columns)", range)
            }
            columns = cells.count
            for (index, cell) in cells.enumerated() {
                let clean = cell.trimmed(of: " \t")
                guard let value = Double(clean) else {
                    let hint = rows == 0 && !skipHeader ? " (if the first line holds column names, pass header=true)" : ""
                    throw LanguageError.runtime("load_csv: \"\(file)\" line \(lineNumber), column \(index + 1): "
                                                + "\"\(clean)\" is not a number\(hint)", range)
                }
                values.append(value)
            }
            rows += 1
        }
        guard let columns, rows > 0 else {
            throw LanguageError.runtime("load_csv: \"\(file)\" holds no rows of numbers", range)
        }
        return try Tensor(shape: [rows, columns], scalars: values)
    }
}

extension Substring {
    /// The text without the given characters at either end.
    fileprivate func trimmed(of characters: String) -> Substring {
        let set = Set(characters)
        var result = self[...]
        while let first = result.first, set.contains(first) { result = result.dropFirst() }
        while let last = result.last, set.contains(last) { result = result.dropLast() }
        return result
    }
}
