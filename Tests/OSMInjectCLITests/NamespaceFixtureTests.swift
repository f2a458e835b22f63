import Foundation
import Testing

/// Runs every case under `fixtures/namespace/cases/` on a copy of `fixtures/namespace/files/` and compares the
/// exit status, stdout, stderr and every file byte for byte (see `fixtures/namespace/README.md`).
@Suite struct NamespaceFixtureTests {
    static let root = repositoryRoot.appendingPathComponent("fixtures/namespace")
    static let files = root.appendingPathComponent("files")

    static let cases: [String] = {
        let folder = root.appendingPathComponent("cases")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }
            .sorted()
    }()

    @Test func casesExist() {
        #expect(Self.cases.count >= 30)
    }

    @Test(arguments: cases)
    func fixture(_ name: String) throws {
        let folder = Self.root.appendingPathComponent("cases/\(name)")
        let work = try copyOfFiles()
        defer { try? FileManager.default.removeItem(at: work) }
        let arguments = try String(contentsOf: folder.appendingPathComponent("args.txt"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        let result = try runTool(arguments, in: work)
        let inputs = try fileNames()
        if isRecording {
            try record(result, inputs: inputs, work: work, folder: folder)
            Issue.record("recorded \(name); run again without OSM_INJECT_RECORD")
            return
        }
        let status =
            (try? String(contentsOf: folder.appendingPathComponent("status.txt"), encoding: .utf8))
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? 0
        #expect(result.status == status, "\(name): exit status")
        let stdout = Array(try Data(contentsOf: folder.appendingPathComponent("stdout.txt")))
        #expect(result.stdout == stdout, "\(name): stdout: \(firstDifference(result.stdout, stdout))")
        let stderr = try String(contentsOf: folder.appendingPathComponent("report.txt"), encoding: .utf8)
        #expect(
            result.stderr == stderr,
            "\(name): stderr: \(firstDifference(Array(result.stderr.utf8), Array(stderr.utf8)))")
        for file in inputs {
            let expectedURL = folder.appendingPathComponent("expected/\(file)")
            let expected =
                FileManager.default.fileExists(atPath: expectedURL.path)
                ? try Data(contentsOf: expectedURL) : try Data(contentsOf: Self.files.appendingPathComponent(file))
            let actual = try Data(contentsOf: work.appendingPathComponent(file))
            #expect(actual == expected, "\(name): \(file): \(firstDifference(Array(actual), Array(expected)))")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: work.path).sorted()
        #expect(left == inputs, "\(name): no file may be added or left behind")
    }

    /// The names of the files every case starts from.
    func fileNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Self.files.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    /// A fresh folder holding a copy of `files/`.
    func copyOfFiles() throws -> URL {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("osm-inject-ns-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        for file in try fileNames() {
            try FileManager.default.copyItem(
                at: Self.files.appendingPathComponent(file), to: work.appendingPathComponent(file))
        }
        return work
    }

    /// Writes what the run produced as the case's expectations.
    func record(_ result: RunResult, inputs: [String], work: URL, folder: URL) throws {
        try Data(result.stdout).write(to: folder.appendingPathComponent("stdout.txt"))
        try Data(result.stderr.utf8).write(to: folder.appendingPathComponent("report.txt"))
        let statusURL = folder.appendingPathComponent("status.txt")
        if result.status != 0 {
            try Data("\(result.status)\n".utf8).write(to: statusURL)
        } else {
            try? FileManager.default.removeItem(at: statusURL)
        }
        let expected = folder.appendingPathComponent("expected")
        try? FileManager.default.removeItem(at: expected)
        for file in inputs {
            let actual = try Data(contentsOf: work.appendingPathComponent(file))
            guard actual != (try Data(contentsOf: Self.files.appendingPathComponent(file))) else { continue }
            try FileManager.default.createDirectory(at: expected, withIntermediateDirectories: true)
            try actual.write(to: expected.appendingPathComponent(file))
        }
    }
}
