import Foundation
import Testing

/// The command line of `osm-inject namespace`: usage errors, inputs, and that a failed command changes nothing.
@Suite struct NamespaceCommandTests {
    static let cluster = """
        # namespaces
        kind: Namespace
        apiVersion: v1
        metadata:
          name: a
        ---
        kind: Namespace
        apiVersion: v1
        metadata:
          name: b
          labels: {openservicemesh.io/ignore: "true"}

        """

    @Test(arguments: [
        ["namespace", "add", "a"],
        ["namespace", "add", "a", "-f", "-"],
        ["namespace", "add", "-c", "ns.yaml"],
        ["namespace", "remove", "-c", "ns.yaml"],
        ["namespace", "remove", "a", "b", "-c", "ns.yaml"],
        ["namespace", "ignore", "-c", "ns.yaml"],
        ["namespace", "ignore", "a"],
        ["namespace", "list", "one", "two", "-c", "ns.yaml"],
        ["namespace", "add", "a", "--mesh-name", "-c", "ns.yaml", "--no-such-flag"],
        ["namespace", "frobnicate"],
        ["namespace", "ignore", "a", "--mesh-name", "osm", "-c", "ns.yaml"],
    ])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        let folder = try NamespaceScratch.folder(["ns.yaml": Self.cluster])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runTool(arguments, in: folder)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try NamespaceScratch.text(folder, "ns.yaml") == Self.cluster)
    }

    @Test func aFailedCommandChangesNoFile() throws {
        let folder = try NamespaceScratch.folder([
            "ns.yaml": Self.cluster, "more.yaml": "kind: Namespace\nmetadata:\n  name: c\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runTool(["namespace", "add", "c", "new", "b", "-c", "ns.yaml", "-f", "more.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty, "no success line for what was not written")
        #expect(
            result.stderr == "ns.yaml:11:39: error: Cannot add ignored namespace\n"
                + "    labels: {openservicemesh.io/ignore: \"true\"}\n" + String(repeating: " ", count: 40) + "^\n")
        #expect(try NamespaceScratch.text(folder, "ns.yaml") == Self.cluster)
        #expect(try NamespaceScratch.text(folder, "more.yaml") == "kind: Namespace\nmetadata:\n  name: c\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["more.yaml", "ns.yaml"])
    }

    @Test func invalidYAMLIsAnErrorAtItsPlace() throws {
        let folder = try NamespaceScratch.folder([
            "ns.yaml": Self.cluster, "bad.yaml": "kind: Namespace\nmetadata: [\n",
        ])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runTool(["namespace", "ignore", "a", "-c", "ns.yaml", "-f", "bad.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("bad.yaml:3:"), "\(result.stderr)")
        #expect(try NamespaceScratch.text(folder, "ns.yaml") == Self.cluster)
    }

    @Test func aMissingFileIsAnError() throws {
        let folder = try NamespaceScratch.folder(["ns.yaml": Self.cluster])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runTool(["namespace", "ignore", "a", "-c", "ns.yaml", "-f", "nope.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr == "error: nope.yaml: cannot read the input file: no such file or directory\n")
    }

    @Test func aFileNamedTwiceIsReadOnce() throws {
        let folder = try NamespaceScratch.folder(["ns.yaml": Self.cluster])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runTool(["namespace", "add", "a", "-c", "ns.yaml", "-f", "./ns.yaml", "-f", "."], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText == "Namespace [a] successfully added to mesh [osm]\n")
        #expect(try NamespaceScratch.text(folder, "ns.yaml").components(separatedBy: "monitored-by").count == 2)
    }

    @Test func directoriesAreReadRecursivelyWithR() throws {
        let folder = try NamespaceScratch.folder(["ns.yaml": Self.cluster])
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("deep/er"), withIntermediateDirectories: true)
        try NamespaceScratch.write(folder, "deep/er/d.yaml", "kind: Namespace\nmetadata:\n  name: d\n")
        let flat = try runTool(["namespace", "ignore", "d", "-f", "deep"], in: folder)
        #expect(flat.status == 1)
        #expect(flat.stderr == "error: Failed to retrieve namespace [d]: namespaces \"d\" not found\n")
        let recursive = try runTool(["namespace", "ignore", "d", "-f", "deep", "-R"], in: folder)
        #expect(recursive.status == 0)
        #expect(
            try NamespaceScratch.text(folder, "deep/er/d.yaml")
                == "kind: Namespace\nmetadata:\n  name: d\n  labels:\n    openservicemesh.io/ignore: \"true\"\n")
    }

    @Test func listReadsStdinWhenNoFileIsNamed() throws {
        let stdin = Array(
            "kind: Namespace\nmetadata:\n  name: x\n  labels: {openservicemesh.io/monitored-by: osm}\n".utf8)
        let result = try runTool(["ns", "list"], stdin: stdin)
        #expect(result.status == 0)
        #expect(result.stdoutText == "NAMESPACE   MESH   SIDECAR-INJECTION\nx           osm    -\n")
    }

    @Test func theAliasAndTheHelp() throws {
        let help = try runTool(["namespace", "add", "--help"])
        #expect(help.status == 0)
        #expect(help.stdoutText.contains("--disable-sidecar-injection"))
        let root = try runTool(["--help"])
        #expect(root.stdoutText.contains("namespace"))
        #expect(root.stdoutText.contains("metrics"))
    }

    @Test func symlinksAreFollowedAndStayLinks() throws {
        let folder = try NamespaceScratch.folder(["real.yaml": Self.cluster])
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("ns.yaml").path,
            withDestinationPath: "real.yaml")
        #expect(try runTool(["namespace", "ignore", "a", "-c", "ns.yaml"], in: folder).status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("ns.yaml").path)
        #expect(attributes[.type] as? FileAttributeType == .typeSymbolicLink)
        #expect(try NamespaceScratch.text(folder, "real.yaml").contains("openservicemesh.io/ignore: \"true\"\n"))
    }
}
