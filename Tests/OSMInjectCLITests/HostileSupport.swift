import Foundation
import Testing
#if canImport(Glibc)
    import Glibc
#endif

/// The scratch folder of the hostile-input tests.
typealias HostileScratch = ScratchFolder

/// A namespace in the mesh with injection enabled, as a `-c` config (the end-to-end tests' `shop`).
let meshNamespace = """
    apiVersion: v1
    kind: Namespace
    metadata:
      name: shop
      labels:
        openservicemesh.io/monitored-by: osm
      annotations:
        openservicemesh.io/sidecar-injection: enabled

    """

/// A pod in namespace `shop` with `spec` lines (indented by two spaces) and optional metadata lines.
func hostilePod(spec: String, metadata: String = "") -> String {
    "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: shop\n\(metadata)spec:\n\(spec)\n"
}

/// Runs the tool, timing it.
func timedRun(_ arguments: [String], in directory: URL? = nil, stdin: [UInt8] = []) throws -> (RunResult, Duration) {
    let clock = ContinuousClock()
    var result: RunResult?
    let elapsed = try clock.measure { result = try runTool(arguments, in: directory, stdin: stdin) }
    guard let result else { throw HostileTestError("the tool did not run") }
    return (result, elapsed)
}

/// A failure of the test's own set-up.
struct HostileTestError: Error, CustomStringConvertible {
    /// What went wrong.
    var description: String
    /// A failure saying `description`.
    init(_ description: String) { self.description = description }
}

/// Checks the contract for a refused input: status 1, nothing on stdout, and a first stderr line
/// `file:line:column: error: …` (with `line` when given) that contains every one of `mentions`.
func expectCleanError(
    _ result: RunResult, file: String, line: Int? = nil, mentions: [String] = [],
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        result.status == 1, "exit status \(result.status); stderr: \(result.stderr.prefix(500))",
        sourceLocation: sourceLocation)
    #expect(
        result.stdout.isEmpty, "stdout is not empty: \(result.stdoutText.prefix(200))", sourceLocation: sourceLocation)
    let first = result.stderr.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
    let prefix = line.map { "\(file):\($0):" } ?? "\(file):"
    #expect(
        first.hasPrefix(prefix), "expected \(prefix)…, got: \(result.stderr.prefix(500))",
        sourceLocation: sourceLocation)
    #expect(
        hasLineAndColumn(first, file: file), "no line and column in: \(first.prefix(300))",
        sourceLocation: sourceLocation)
    #expect(first.contains(": error: "), "no error in: \(first.prefix(300))", sourceLocation: sourceLocation)
    for text in mentions {
        #expect(
            result.stderr.contains(text), "stderr does not mention \(text): \(result.stderr.prefix(500))",
            sourceLocation: sourceLocation)
    }
}

/// True when `line` starts with `file:<digits>:<digits>: `.
func hasLineAndColumn(_ line: String, file: String) -> Bool {
    guard line.hasPrefix(file + ":") else { return false }
    let rest = line.dropFirst(file.count + 1).split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
    guard rest.count == 3 else { return false }
    return Int(rest[0]) != nil && Int(rest[1]) != nil && rest[2].hasPrefix(" ")
}

/// `setpriv`, used to run the tool as `nobody` when the tests run as root (root ignores file permissions).
let setprivPath: String? = ["/usr/bin/setpriv", "/bin/setpriv"].first {
    FileManager.default.isExecutableFile(atPath: $0)
}

/// Runs the tool as an unprivileged user: directly when the tests do not run as root, through
/// `setpriv --reuid=65534` when they do; nil when they run as root and cannot drop privileges.
func runToolUnprivileged(_ arguments: [String], in directory: URL) throws -> RunResult? {
    if geteuid() != 0 { return try runTool(arguments, in: directory) }
    guard let setprivPath else { return nil }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: setprivPath)
    process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", toolURL.path] + arguments
    process.currentDirectoryURL = directory
    let scratch = try HostileScratch()
    let outURL = URL(fileURLWithPath: try scratch.write("stdout", [])),
        errURL = URL(fileURLWithPath: try scratch.write("stderr", []))
    let output = try FileHandle(forWritingTo: outURL), errors = try FileHandle(forWritingTo: errURL)
    defer {
        try? output.close()
        try? errors.close()
    }
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return RunResult(
        status: process.terminationStatus, stdout: Array(try Data(contentsOf: outURL)),
        stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
}

/// Whether `nobody` can reach and run the built tool (every folder above it searchable by others).
let unprivilegedCanRunTool: Bool = {
    var url = toolURL
    while url.path != "/" {
        var info = stat()
        guard stat(url.path, &info) == 0, info.st_mode & 0o001 != 0 else { return false }
        url.deleteLastPathComponent()
    }
    return true
}()
