import Foundation
import Testing

/// Every fixture that claims to be a Kubernetes object deserializes into the model of the official Kubernetes
/// Python client (`kubernetes` from PyPI, in the virtual environment `.ci/run` makes): the inputs, the
/// declared state and the recorded outputs, bootstrap Secrets included, and the integration examples. `Tests/Tools/k8s_deserialize.py`
/// says which documents it leaves out (custom resources, documents marked local-config).
@Suite struct KubernetesClientTests {
    static let script = repositoryRoot.appendingPathComponent("Tests/Tools/k8s_deserialize.py")

    /// Every YAML and JSON file under `fixtures/` and `integrations/`.
    static let fixtureFiles: [String] = {
        var files: [String] = []
        for folder in ["fixtures", "integrations"] {
            let root = repositoryRoot.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
                continue
            }
            for case let url as URL in walker where ["yaml", "yml", "json"].contains(url.pathExtension) {
                files.append(url.path)
            }
        }
        return files.sorted()
    }()

    /// Runs the checker over `files`.
    static func deserialize(_ files: [String]) throws -> RunResult {
        try ExternalTools.run(try ExternalTools.inVenv("python"), [script.path] + files)
    }

    @Test func everyFixtureObjectDeserializes() throws {
        #expect(Self.fixtureFiles.count > 200)
        let result = try Self.deserialize(Self.fixtureFiles)
        #expect(result.status == 0, "\(result.stdoutText)\(result.stderr)")
        // The checker says how many objects it read: hundreds, Secrets among them (checked below).
        let counts = result.stdoutText.split(separator: "\n").last.map(String.init) ?? ""
        let checked = counts.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        #expect(checked > 300, "\(counts)")
    }

    @Test func injectedOutputWithItsSecretDeserializes() throws {
        let scratch = try ScratchFolder()
        let fixture = repositoryRoot.appendingPathComponent("fixtures/inject/basic-deployment/input.yaml")
        let injected = try runTool(["-f", fixture.path])
        #expect(injected.status == 0)
        #expect(injected.stdoutText.contains("kind: Secret"))
        let path = try scratch.write("injected.yaml", injected.stdout)
        let result = try Self.deserialize([path])
        #expect(result.status == 0, "\(result.stdoutText)\(result.stderr)")
        #expect(result.stdoutText.contains("checked 4 objects"), "\(result.stdoutText)")
    }

    @Test func aDeploymentWithoutSelectorIsRejected() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.write(
            "web.yaml",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx}]}

            """)
        let result = try Self.deserialize([path])
        #expect(result.status == 1)
        #expect(result.stdoutText.contains("selector"), "\(result.stdoutText)")
    }

    @Test func anUnknownKindIsRejectedNotSkipped() throws {
        let scratch = try ScratchFolder()
        let path = try scratch.write("odd.yaml", "apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: web}\n")
        let result = try Self.deserialize([path])
        #expect(result.status == 1)
        #expect(result.stdoutText.contains("no model V1Deploymnet"), "\(result.stdoutText)")
    }
}
