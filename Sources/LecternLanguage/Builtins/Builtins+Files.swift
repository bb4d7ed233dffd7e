import Foundation
import TensorEngine

extension Builtins {
    /// Reading files: only under the directories the host grants (`Interpreter.fileAccess`).
    static let files: [Builtin] = [
        Builtin("load_csv", [.init("path"), .init("header", .bool(false))], category: .data,
                summary: "A CSV file of numbers as a tensor (rows, columns); header=true skips the first line. Needs read access.",
                example: "load_csv(\"points.csv\")", shapes: "-> (rows, columns)") { args, interpreter in
            let path = try readablePath(args, interpreter, "load_csv")
            return .tensor(try CSVNumbers.parse(try readFile(path, args, "load_csv"), skipHeader: try args.bool("header"),
                                                file: try args.string("path"), args.range("path")))
        },
        Builtin("load_image", [.init("path")], category: .data,
                summary: "A PNG or binary PGM image file as pixels 0 to 255: (H, W) grey, (3, H, W) colour. Needs read access.",
                example: "load_image(\"photo.pgm\")", shapes: "-> (H, W) or (3, H, W)") { args, interpreter in
            let path = try readablePath(args, interpreter, "load_image")
            let bytes = try readFile(path, args, "load_image")
            do {
                return .tensor(bytes.starts(with: [137, 80, 78, 71]) ? try Tensor(png: bytes) : try Tensor(pgm: bytes))
            } catch {
                throw LanguageError.runtime("load_image: \"\(try args.string("path"))\" is not an image Lectern reads "
                                            + "(PNG, 8-bit, not interlaced; binary PGM, P5): \(error)", args.range("path"))
            }
        },
    ]

    /// The resolved path in the argument `path`, when the session may read it.
    static func readablePath(_ args: Arguments, _ interpreter: Interpreter, _ name: String) throws -> String {
        let path = try args.string("path")
        do {
            return try interpreter.fileAccess.check(path, for: .read)
        } catch {
            throw LanguageError.runtime("\(name): \(error)", args.range("path"))
        }
    }

    /// The bytes of the file at the resolved `path`.
    /// - Throws: when it is missing, not a regular file, or over `dataFileLimit` bytes.
    static func readFile(_ path: String, _ args: Arguments, _ name: String) throws -> [UInt8] {
        let given = try args.string("path")
        do throws(FileRead.Failure) {
            return try FileRead.bytes(of: path, limit: dataFileLimit)
        } catch {
            // The message names the path as the user wrote it, not the resolved one.
            throw LanguageError.runtime("\(name): cannot read \"\(given)\": \(error.problem)", args.range("path"))
        }
    }

    /// The largest data file `load_csv` and `load_image` read: 256 MB.
    static let dataFileLimit = 256 << 20
}
