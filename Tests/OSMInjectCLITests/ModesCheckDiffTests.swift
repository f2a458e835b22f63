import Foundation
import Testing

/// `--check` and `--diff`: a verdict for hooks and CI, no file written.
@Suite struct ModesCheckDiffTests {
    /// One file that needs a sidecar, one that is up to date (a ConfigMap), and the namespace.
    private static func workspace() throws -> ModesScratch {
        let scratch = try ModesScratch()
        try scratch.write("cluster.yaml", ModesManifests.namespace)
        try scratch.write("apps/web.yaml", ModesManifests.deployment("web"))
        try scratch.write("apps/settings.yaml", ModesManifests.configMap)
        return scratch
    }

    @Test func checkNamesChangedFilesAndExitsOne() throws {
        let scratch = try Self.workspace()
        let before = try scratch.read("apps/web.yaml")
        let result = try runTool(["-c", "cluster.yaml", "-f", "apps", "--check"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("apps/web.yaml: would change"), "\(result.stderr)")
        #expect(!result.stderr.contains("settings.yaml: would change"), "\(result.stderr)")
        #expect(try scratch.read("apps/web.yaml") == before)
    }

    @Test func checkExitsZeroWhenUpToDate() throws {
        let scratch = try Self.workspace()
        let injected = try runTool(["-c", "cluster.yaml", "-f", "apps/web.yaml"], in: scratch.url)
        try #require(injected.status == 0, "\(injected.stderr)")
        try scratch.write("apps/web.yaml", injected.stdoutText)
        let result = try runTool(["-c", "cluster.yaml", "-f", "apps", "--check"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(!result.stderr.contains("would change"), "\(result.stderr)")
        #expect(
            result.stderr.contains("apps/web.yaml: deployment \"web\" already injected, up to date"), "\(result.stderr)"
        )
    }

    @Test func diffPrintsUnifiedDiffAndExitsOne() throws {
        let scratch = try Self.workspace()
        let before = try scratch.read("apps/web.yaml")
        let result = try runTool(["-c", "cluster.yaml", "-f", "apps", "--diff"], in: scratch.url)
        #expect(result.status == 1)
        let diff = result.stdoutText
        #expect(diff.hasPrefix("--- a/apps/web.yaml\n+++ b/apps/web.yaml\n@@ -"), "\(diff.prefix(200))")
        #expect(diff.contains("\n+        - name: envoy\n"), "\(diff)")
        #expect(diff.contains("\n+kind: Secret\n"))
        #expect(!diff.contains("settings.yaml"))
        let lines = diff.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(
            lines.allSatisfy {
                $0.hasPrefix("---") || $0.hasPrefix("+++") || $0.hasPrefix("@@") || $0.hasPrefix(" ")
                    || $0.hasPrefix("+") || $0.hasPrefix("-") || $0.hasPrefix("\\")
            })
        #expect(try scratch.read("apps/web.yaml") == before)
    }

    @Test func diffIsEmptyAndExitsZeroWhenUpToDate() throws {
        let scratch = try Self.workspace()
        let injected = try runTool(["-c", "cluster.yaml", "-f", "apps/web.yaml"], in: scratch.url)
        try #require(injected.status == 0, "\(injected.stderr)")
        try scratch.write("apps/web.yaml", injected.stdoutText)
        let result = try runTool(["-c", "cluster.yaml", "-f", "apps", "--diff"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty, "\(result.stdoutText)")
    }

    @Test func checkAndDiffOnUninject() throws {
        let scratch = try Self.workspace()
        let injected = try runTool(["-c", "cluster.yaml", "-f", "apps/web.yaml"], in: scratch.url)
        try #require(injected.status == 0, "\(injected.stderr)")
        try scratch.write("apps/web.yaml", injected.stdoutText)
        let check = try runTool(["uninject", "-f", "apps", "--check"], in: scratch.url)
        #expect(check.status == 1)
        #expect(check.stderr.contains("apps/web.yaml: would change"), "\(check.stderr)")
        let diff = try runTool(["uninject", "-f", "apps", "--diff"], in: scratch.url)
        #expect(diff.status == 1)
        #expect(diff.stdoutText.contains("\n-        - name: envoy\n"), "\(diff.stdoutText)")
    }
}
