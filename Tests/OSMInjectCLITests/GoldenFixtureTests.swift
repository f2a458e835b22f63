import Foundation
import Testing

/// Runs every fixture under `fixtures/inject/` (see its README) and compares stdout, stderr and the exit status byte for byte.
///
/// A fixture is a folder with `args.txt` (one argument per line; paths relative to the folder) or, by
/// default, `-f input.yaml` plus `-c config.yaml` when that file exists; and the expected results
/// `expected.yaml` (stdout), `report.txt` (stderr) and `status.txt` (the exit status, when not 0).
/// `OSM_INJECT_RECORD=1 swift test` rewrites the expectations and fails the run, so that a recording is
/// never mistaken for a pass.
@Suite struct GoldenFixtureTests {
    static let fixtureFolders: [URL] = {
        let root = repositoryRoot.appendingPathComponent("fixtures/inject")
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var folders: [URL] = []
        for case let url as URL in walker
        where url.lastPathComponent == "input.yaml" || url.lastPathComponent == "args.txt" {
            let folder = url.deletingLastPathComponent()
            if !folders.contains(folder) { folders.append(folder) }
        }
        return folders.sorted { $0.path < $1.path }
    }()

    @Test func fixturesExist() {
        #expect(Self.fixtureFolders.count >= 1)
    }

    @Test(arguments: fixtureFolders)
    func fixture(_ folder: URL) throws {
        let arguments = try Self.arguments(for: folder)
        let result = try runTool(arguments, in: folder)
        let expectedOut = folder.appendingPathComponent("expected.yaml")
        let expectedErr = folder.appendingPathComponent("report.txt")
        let expectedStatus = folder.appendingPathComponent("status.txt")
        if isRecording {
            try Data(result.stdout).write(to: expectedOut)
            try Data(result.stderr.utf8).write(to: expectedErr)
            if result.status != 0 {
                try Data("\(result.status)\n".utf8).write(to: expectedStatus)
            } else {
                try? FileManager.default.removeItem(at: expectedStatus)
            }
            Issue.record("recorded \(folder.lastPathComponent); run again without OSM_INJECT_RECORD")
            return
        }
        let out = Array(try Data(contentsOf: expectedOut))
        let err = try String(contentsOf: expectedErr, encoding: .utf8)
        let status =
            (try? String(contentsOf: expectedStatus, encoding: .utf8))
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
        #expect(result.status == status, "\(folder.lastPathComponent): exit status")
        let stdoutMatches = result.stdout == out
        #expect(
            stdoutMatches,
            "\(folder.lastPathComponent): stdout differs from expected.yaml: \(firstDifference(result.stdout, out))")
        let stderrMatches = result.stderr == err
        #expect(
            stderrMatches,
            "\(folder.lastPathComponent): stderr differs from report.txt: \(firstDifference(Array(result.stderr.utf8), Array(err.utf8)))"
        )
    }

    static func arguments(for folder: URL) throws -> [String] {
        let argsFile = folder.appendingPathComponent("args.txt")
        if FileManager.default.fileExists(atPath: argsFile.path) {
            return try String(contentsOf: argsFile, encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        }
        var arguments = ["-f", "input.yaml"]
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("config.yaml").path) {
            arguments += ["-c", "config.yaml"]
        }
        return arguments
    }
}

/// The first line where two outputs differ, for a readable failure message.
func firstDifference(_ actual: [UInt8], _ expected: [UInt8]) -> String {
    let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(a.count, e.count) {
        let left = index < a.count ? String(a[index]) : "<end>"
        let right = index < e.count ? String(e[index]) : "<end>"
        if left != right { return "line \(index + 1): got \"\(left.prefix(200))\", expected \"\(right.prefix(200))\"" }
    }
    return "identical lines, different bytes (line endings?)"
}
