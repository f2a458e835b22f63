import Foundation
import Testing

/// kubectl's built-in kustomize on `integrations/kustomize`, exactly as docs/integrations.md says: it cannot
/// run the exec function (no `--enable-exec`; with `--enable-alpha-plugins` alone it skips the transformer and
/// exits 0), and `kubectl kustomize base | osm-inject` is the route that injects. Should a kubectl release
/// start running exec functions, these tests fail and the documentation must change with them.
@Suite struct KustomizeIntegrationTests {
    static let folder = repositoryRoot.appendingPathComponent("integrations/kustomize")

    static func kubectl(_ arguments: [String]) throws -> RunResult {
        let kubectl = try ExternalTools.onPath(
            "kubectl", hint: "install kubectl (Debian package kubectl from the Kubernetes apt repository)")
        return try ExternalTools.run(kubectl, arguments, environment: ["PATH": ExternalTools.pathWithTool])
    }

    @Test func kubectlHasNoEnableExecFlag() throws {
        let result = try Self.kubectl(["kustomize", "--enable-alpha-plugins", "--enable-exec", Self.folder.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown flag: --enable-exec"), "\(result.stderr)")
    }

    @Test func kubectlWithAlphaPluginsSkipsTheFunctionSilently() throws {
        let result = try Self.kubectl(["kustomize", "--enable-alpha-plugins", Self.folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText.contains("kind: Deployment"))
        #expect(
            !result.stdoutText.contains("name: envoy"), "kubectl ran the exec function: update docs/integrations.md")
        #expect(!result.stdoutText.contains("kind: Secret"))
    }

    @Test func kubectlWithoutAlphaPluginsFails() throws {
        let result = try Self.kubectl(["kustomize", Self.folder.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("external plugins disabled"), "\(result.stderr)")
    }

    @Test func kubectlKustomizePipedThroughOSMInjectInjects() throws {
        let built = try Self.kubectl(["kustomize", Self.folder.appendingPathComponent("base").path])
        try #require(built.status == 0, "\(built.stderr)")
        let injected = try runTool([], stdin: built.stdout)
        #expect(injected.status == 0, "\(injected.stderr)")
        #expect(injected.stdoutText.contains("      - name: envoy\n"), "\(injected.stdoutText)")
        #expect(injected.stdoutText.contains("kind: Secret\n"))
        #expect(injected.stderr.hasPrefix("<stdin>: deployment \"web\" injected\n"), "\(injected.stderr)")
        // The injected stream, its Secret included, is what a Kubernetes client accepts.
        let scratch = try ScratchFolder()
        let path = try scratch.write("injected.yaml", injected.stdout)
        let check = try ExternalTools.run(
            try ExternalTools.inVenv("python"),
            [KubernetesClientTests.script.path, path])
        #expect(check.status == 0, "\(check.stdoutText)")
    }
}
