import Foundation

/// A unified diff of two versions of a file, as `diff -u` prints it (diffutils is part of every Debian system).
enum UnifiedDiff {
    /// The diff of `old` and `new`; empty when they are equal.
    static func make(old: [UInt8], new: [UInt8], name: String) throws(CLIError) -> String {
        guard old != new else { return "" }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "osm-inject-diff-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let before = folder.appendingPathComponent("before"), after = folder.appendingPathComponent("after")
            try Data(old).write(to: before)
            try Data(new).write(to: after)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/diff")
            process.arguments = ["-u", "--label", "a/\(name)", "--label", "b/\(name)", before.path, after.path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus <= 1 else {
                throw CLIError("diff failed with status \(process.terminationStatus)")
            }
            return String(decoding: data, as: UTF8.self)
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError("cannot compute a diff: \(error.localizedDescription)")
        }
    }
}
