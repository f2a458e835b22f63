import Foundation
#if canImport(Glibc)
    import Glibc
#endif
import Testing

/// The repository's root folder.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The `osm-inject` binary built beside this test bundle.
let toolURL: URL = {
    let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for folder in [
        bundleFolder, bundleFolder.deletingLastPathComponent(),
        bundleFolder.deletingLastPathComponent().deletingLastPathComponent(),
    ] {
        let candidate = folder.appendingPathComponent("osm-inject")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return repositoryRoot.appendingPathComponent(".build/debug/osm-inject")
}()

/// What one run of the tool produced.
struct RunResult {
    var status: Int32
    var stdout: [UInt8]
    var stderr: String
    var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
}

/// Runs the tool with `arguments` in `directory`, feeding `stdin`.
func runTool(
    _ arguments: [String], in directory: URL? = nil, stdin: [UInt8] = [],
    environment: [String: String] = [:]
) throws -> RunResult {
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "ARGOCD_APP_NAMESPACE")
    for (k, v) in environment { env[k] = v }
    return try runProcess(toolURL, arguments, in: directory, stdin: stdin, environment: env)
}

/// Runs `executable` with `arguments` in `directory` and the whole `environment`, feeding `stdin`; stdout and
/// stderr go through files, so that neither can fill a pipe and stall the process.
func runProcess(
    _ executable: URL, _ arguments: [String], in directory: URL? = nil, stdin: [UInt8] = [],
    environment: [String: String]
) throws -> RunResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    process.environment = environment
    let scratch = try ScratchFolder()
    let inURL = scratch.url.appendingPathComponent("stdin"), outURL = scratch.url.appendingPathComponent("stdout"),
        errURL = scratch.url.appendingPathComponent("stderr")
    try Data(stdin).write(to: inURL)
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    let input = try FileHandle(forReadingFrom: inURL), output = try FileHandle(forWritingTo: outURL),
        errors = try FileHandle(forWritingTo: errURL)
    defer {
        try? input.close()
        try? output.close()
        try? errors.close()
    }
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    process.waitUntilExit()
    return RunResult(
        status: process.terminationStatus, stdout: Array(try Data(contentsOf: outURL)),
        stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
}

/// True when golden files are being recorded (`OSM_INJECT_RECORD=1`); such a run always fails.
let isRecording = ProcessInfo.processInfo.environment["OSM_INJECT_RECORD"] == "1"

/// A temporary folder for one test, removed when the value is released.
final class ScratchFolder {
    /// The folder.
    let url: URL

    /// Creates an empty folder under the system's temporary folder.
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("osm-inject-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        // Readable by an unprivileged user too (see `runToolUnprivileged`).
        chmod(url.path, 0o755)
    }

    deinit {
        // Folders made unreadable by a test must be opened again before they can be removed.
        if let walker = FileManager.default.enumerator(atPath: url.path) {
            while let entry = walker.nextObject() as? String { chmod(url.appendingPathComponent(entry).path, 0o755) }
        }
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `bytes` to `name` (folders created as needed) and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: file)
        return file.path
    }

    /// Writes `text` as UTF-8 to `name` and returns its path.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    /// The path of `name` in the folder.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// The bytes of `name`.
    func read(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: url.appendingPathComponent(name))) }

    /// The names in the folder (or a subfolder), hidden ones included, sorted.
    func entries(_ folder: String = "") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? url.path : path(folder)).sorted()
    }
}
