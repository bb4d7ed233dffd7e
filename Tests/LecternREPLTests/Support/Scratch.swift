import Foundation

/// A fresh directory for one test (its HOME, its XDG_STATE_HOME, its files), removed after.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("lectern-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var path: String { url.path }

    /// HOME and XDG_STATE_HOME inside the scratch directory: history goes here.
    var environment: [String: String] { ["HOME": path, "XDG_STATE_HOME": path + "/state"] }

    var historyFile: String { path + "/state/lectern/history" }

    func read(_ name: String) throws -> String { try String(contentsOfFile: path + "/" + name, encoding: .utf8) }

    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8)
    }
}
