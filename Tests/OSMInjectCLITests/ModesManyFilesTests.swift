import Foundation
import Testing

/// Many files in nested folders: manifests only, in sorted order, each one's result in its place.
@Suite struct ModesManyFilesTests {
    /// 200 manifests spread over nested folders (names chosen so that a plain sort would misplace some),
    /// plus files that are not manifests. Returns the manifests' paths in the order the tool reads them.
    private static func workspace() throws -> (ModesScratch, [String]) {
        let scratch = try ModesScratch()
        try scratch.write("cluster.yaml", ModesManifests.namespace)
        var paths: [String] = []
        for index in 0..<200 {
            let folder = ["apps", "apps/b-nested", "apps/a", "apps/b-nested/deeper"][index % 4]
            let ext = ["yaml", "yml", "json", "YAML"][index / 4 % 4]
            let path = "\(folder)/w\(String(format: "%03d", 199 - index)).\(ext)"
            let text =
                ext == "json" ? ModesManifests.deploymentJSON("w\(index)") : ModesManifests.deployment("w\(index)")
            try scratch.write(path, text)
            paths.append(path)
        }
        for other in [
            "apps/README.md", "apps/notes.txt", "apps/a/values.txt", "apps/b-nested/deeper/CHANGELOG.md",
            "apps/.hidden.yaml", "apps/script.sh",
        ] {
            try scratch.write(other, "not: a manifest: [\n")
        }
        return (scratch, paths.sorted(by: Self.readOrder))
    }

    /// The tool's order: each folder's entries sorted by name, a folder's files at the folder's place.
    private static func readOrder(_ a: String, _ b: String) -> Bool {
        let left = a.split(separator: "/"), right = b.split(separator: "/")
        for (x, y) in zip(left, right) where x != y { return x < y }
        return left.count < right.count
    }

    @Test func recursiveRunReadsManifestsOnlyInSortedOrder() throws {
        let (scratch, paths) = try Self.workspace()
        let result = try runTool(["-c", "cluster.yaml", "-f", "apps", "-R"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr.prefix(2000))")
        let reported = result.stderr.split(separator: "\n").filter { $0.hasSuffix(" injected") }
            .map { String($0.prefix { $0 != ":" }) }
        #expect(reported == paths)
        #expect(!result.stderr.contains(".md") && !result.stderr.contains(".txt") && !result.stderr.contains(".sh"))
        #expect(!result.stderr.contains(".hidden"))
        let order = paths.map { path -> String in
            let name = (path as NSString).lastPathComponent
            let index = 199 - (Int(name.dropFirst().prefix(3)) ?? 0)
            return "w\(index)"
        }
        let output = result.stdoutText
        var cursor = output.startIndex
        for name in order {
            let marker = path(forName: name, in: output, from: cursor)
            #expect(marker != nil, "\(name) missing or out of order")
            if let marker { cursor = marker }
        }
    }

    @Test func withoutRecursiveOnlyTheTopFolder() throws {
        let (scratch, paths) = try Self.workspace()
        let result = try runTool(["-c", "cluster.yaml", "-f", "apps", "--check"], in: scratch.url)
        #expect(result.status == 1)
        let named = result.stderr.split(separator: "\n").filter { $0.hasSuffix(": would change") }
            .map { String($0.dropLast(": would change".count)) }
        #expect(named == paths.filter { $0.split(separator: "/").count == 2 })
        #expect(named.count == 50)
    }

    @Test func inPlaceOverEveryFile() throws {
        let (scratch, paths) = try Self.workspace()
        let result = try runTool(["-c", "cluster.yaml", "-f", "apps", "-R", "--in-place", "-q"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr.prefix(2000))")
        #expect(result.stderr.isEmpty, "\(result.stderr.prefix(2000))")
        let check = try runTool(["-c", "cluster.yaml", "-f", "apps", "-R", "--check"], in: scratch.url)
        #expect(check.status == 0, "\(check.stderr.prefix(2000))")
        for path in paths {
            let text = String(decoding: try scratch.read(path), as: UTF8.self)
            #expect(text.contains("envoy-bootstrap-config-volume"), "\(path)")
        }
        #expect(try scratch.read("apps/README.md") == Array("not: a manifest: [\n".utf8))
    }

    /// Where the workload `name` (its `"name": "w7"` or `name: w7`) first appears at or after `start`.
    private func path(forName name: String, in output: String, from start: String.Index) -> String.Index? {
        let candidates = ["name: \(name)\n", "\"name\": \"\(name)\""].compactMap {
            output.range(of: $0, range: start..<output.endIndex)?.upperBound
        }
        return candidates.min()
    }
}
