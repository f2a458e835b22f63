import Foundation
import Testing
#if canImport(Glibc)
    import Glibc
#endif

/// `--in-place`: changed files rewritten atomically, the others not touched, all or nothing.
@Suite struct ModesInPlaceTests {
    @Test func rewritesChangedFilesOnlyAndKeepsModeBits() throws {
        let scratch = try ModesScratch()
        try scratch.write("cluster.yaml", ModesManifests.namespace)
        try scratch.write("web.yaml", ModesManifests.deployment("web"))
        try scratch.write("settings.yaml", ModesManifests.configMap)
        chmod(scratch.path("web.yaml"), 0o640)
        let expected = try runTool(["-c", "cluster.yaml", "-f", "web.yaml"], in: scratch.url)
        try #require(expected.status == 0, "\(expected.stderr)")
        let untouched = try #require(scratch.identity("settings.yaml"))
        let changedBefore = try #require(scratch.identity("web.yaml"))

        let result = try runTool(["-c", "cluster.yaml", "-i", "web.yaml", "settings.yaml"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try scratch.read("web.yaml") == expected.stdout)
        #expect(try scratch.read("settings.yaml") == Array(ModesManifests.configMap.utf8))
        #expect(scratch.identity("settings.yaml") == untouched)
        let changedAfter = try #require(scratch.identity("web.yaml"))
        #expect(changedAfter.mode == 0o640)
        #expect(changedAfter.inode != changedBefore.inode, "an atomic rename gives a new inode")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).sorted()
                == ["cluster.yaml", "settings.yaml", "web.yaml"])
    }

    @Test func secondRunTouchesNothing() throws {
        let scratch = try ModesScratch()
        try scratch.write("cluster.yaml", ModesManifests.namespace)
        try scratch.write("web.yaml", ModesManifests.deployment("web"))
        let first = try runTool(["-c", "cluster.yaml", "--in-place", "web.yaml"], in: scratch.url)
        try #require(first.status == 0, "\(first.stderr)")
        let before = try #require(scratch.identity("web.yaml"))
        let second = try runTool(["-c", "cluster.yaml", "--in-place", "web.yaml"], in: scratch.url)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(scratch.identity("web.yaml") == before)
    }

    @Test func symlinkTargetIsRewrittenAndLinkKept() throws {
        let scratch = try ModesScratch()
        try scratch.write("cluster.yaml", ModesManifests.namespace)
        try scratch.write("real/web.yaml", ModesManifests.deployment("web"))
        try FileManager.default.createDirectory(atPath: scratch.path("links"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: scratch.path("links/web.yaml"), withDestinationPath: "../real/web.yaml")
        let expected = try runTool(["-c", "cluster.yaml", "-f", "real/web.yaml"], in: scratch.url)
        try #require(expected.status == 0, "\(expected.stderr)")

        let result = try runTool(["-c", "cluster.yaml", "-i", "-f", "links/web.yaml"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(scratch.identity("links/web.yaml")?.isSymlink == true)
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: scratch.path("links/web.yaml"))
                == "../real/web.yaml")
        #expect(try scratch.read("real/web.yaml") == expected.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path("links")) == ["web.yaml"])
    }

    /// Five files, the third with an invalid annotation value: the run fails and all five stay byte for byte.
    @Test func failureOnTheThirdOfFiveChangesNoFile() throws {
        let scratch = try ModesScratch()
        try scratch.write("cluster.yaml", ModesManifests.namespace)
        let names = (1...5).map { "app\($0).yaml" }
        for (index, name) in names.enumerated() {
            try scratch.write(name, ModesManifests.deployment("app\(index + 1)", injection: index == 2 ? "maybe" : nil))
        }
        let before = try names.map { try scratch.read($0) }
        let identities = names.map { scratch.identity($0) }

        let result = try runTool(["-c", "cluster.yaml", "--in-place"] + names, in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("app3.yaml:"), "\(result.stderr)")
        #expect(result.stderr.contains("Invalid annotation value"), "\(result.stderr)")
        #expect(try names.map { try scratch.read($0) } == before)
        #expect(names.map { scratch.identity($0) } == identities)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).count == 6, "no temporary file left")
    }

    @Test func inPlaceWithStdinIsAUsageError() throws {
        let scratch = try ModesScratch()
        try scratch.write("web.yaml", ModesManifests.deployment("web"))
        for arguments in [["--in-place", "-f", "-"], ["-i"], ["-i", "-f", "web.yaml", "-"]] {
            let result = try runTool(arguments, in: scratch.url, stdin: Array(ModesManifests.configMap.utf8))
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("stdin"), "\(result.stderr)")
        }
        #expect(try scratch.read("web.yaml") == Array(ModesManifests.deployment("web").utf8))
    }
}
