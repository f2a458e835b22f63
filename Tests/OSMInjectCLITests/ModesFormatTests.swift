import Foundation
import Testing

/// `-o json|yaml`, JSON input, and stdin among files.
@Suite struct ModesFormatTests {
    private static func workspace() throws -> ModesScratch {
        let scratch = try ModesScratch()
        try scratch.write("cluster.yaml", ModesManifests.namespace)
        try scratch.write("web.yaml", ModesManifests.deployment("web"))
        try scratch.write("web.json", ModesManifests.deploymentJSON("web"))
        return scratch
    }

    /// The JSON object of `bytes`, which must be one JSON document.
    private static func object(_ bytes: [UInt8]) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(bytes))
        return try #require(value as? [String: Any])
    }

    /// The kinds of the items of a `kind: List`.
    private static func itemKinds(_ list: [String: Any]) -> [String] {
        ((list["items"] as? [[String: Any]]) ?? []).compactMap { $0["kind"] as? String }
    }

    @Test func jsonOutputOfYAMLInput() throws {
        let scratch = try Self.workspace()
        let result = try runTool(["-c", "cluster.yaml", "-f", "web.yaml", "-o", "json"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        let list = try Self.object(result.stdout)
        #expect(list["kind"] as? String == "List")
        #expect(Self.itemKinds(list) == ["Deployment", "Secret"])
    }

    @Test func oneObjectStaysOneJSONObject() throws {
        let scratch = try Self.workspace()
        let result = try runTool(
            ["-c", "cluster.yaml", "-f", "web.yaml", "-o", "json", "--no-bootstrap-secrets"],
            in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.object(result.stdout)["kind"] as? String == "Deployment")
    }

    @Test func jsonInputGivesJSONByDefault() throws {
        let scratch = try Self.workspace()
        let result = try runTool(["-c", "cluster.yaml", "-f", "web.json"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        let list = try Self.object(result.stdout)
        #expect(list["kind"] as? String == "List")
        #expect(Self.itemKinds(list) == ["Deployment", "Secret"])
        let untouched = try runTool(
            ["-f", "-"], in: scratch.url, stdin: Array("{\"kind\": \"ConfigMap\", \"apiVersion\": \"v1\"}\n".utf8))
        #expect(untouched.stdoutText == "{\"kind\": \"ConfigMap\", \"apiVersion\": \"v1\"}\n")
    }

    @Test func yamlOutputOfJSONInput() throws {
        let scratch = try Self.workspace()
        let result = try runTool(["-c", "cluster.yaml", "-f", "web.json", "-o", "yaml"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        let text = result.stdoutText
        #expect(!text.hasPrefix("{"), "\(text.prefix(200))")
        #expect(text.contains("kind: Deployment\n"))
        #expect(text.contains("\n---\n") && text.contains("kind: Secret\n"))
        #expect(text.contains("name: envoy\n"))
        let reparsed = try runTool(["-c", "cluster.yaml", "-f", "-", "--check"], in: scratch.url, stdin: result.stdout)
        #expect(reparsed.status == 0, "the YAML output is up to date: \(reparsed.stderr)")
    }

    @Test func stdinAmongFilesInTheOrderNamed() throws {
        let scratch = try Self.workspace()
        try scratch.write("api.yaml", ModesManifests.deployment("api"))
        let stdin = Array(ModesManifests.deployment("db").utf8)
        let result = try runTool(
            ["-c", "cluster.yaml", "-f", "web.yaml", "-f", "-", "api.yaml"], in: scratch.url, stdin: stdin)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n").filter { $0.hasSuffix(" injected") }
        #expect(
            lines == [
                "web.yaml: deployment \"web\" injected", "<stdin>: deployment \"db\" injected",
                "api.yaml: deployment \"api\" injected",
            ])
        let text = result.stdoutText
        let positions = ["# the web workload", "# the db workload", "# the api workload"].compactMap {
            text.range(of: $0)?.lowerBound
        }
        #expect(positions.count == 3 && positions == positions.sorted())
    }
}
