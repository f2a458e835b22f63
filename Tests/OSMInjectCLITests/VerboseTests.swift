import Foundation
import Testing

/// `-v, --verbose`: each check a workload passed, one indented line each, after its report line.
@Suite struct VerboseTests {
    /// The namespace `shop` (monitored, injection enabled) and `data` (declared, in no mesh).
    private static func workspace() throws -> ModesScratch {
        let scratch = try ModesScratch()
        try scratch.write(
            "cluster.yaml", ModesManifests.namespace + "---\napiVersion: v1\nkind: Namespace\nmetadata: {name: data}\n")
        try scratch.write("web.yaml", ModesManifests.deployment("web"))
        return scratch
    }

    static let decisionChecks = [
        "  ✓ namespace \"shop\" is declared",
        "  ✓ namespace \"shop\" is monitored by mesh \"osm\"",
        "  ✓ namespace \"shop\" carries no label openservicemesh.io/ignore",
        "  ✓ namespace \"shop\" carries no label name: osm-system",
        "  ✓ namespace \"shop\" carries no label control-plane",
        "  ✓ the pod does not use the host network",
        "  ✓ namespace \"shop\" is not a Kubernetes system namespace",
        "  ✓ namespace \"shop\" is not the OSM control plane namespace \"osm-system\"",
    ]

    /// The lines of `text` that follow the line `head`, up to the next line that is not a check.
    private static func checks(after head: String, in text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(of: head) else { return [] }
        return Array(lines[(start + 1)...].prefix { $0.hasPrefix("  ✓ ") })
    }

    @Test func injectedWorkloadListsEveryCheckAfterTheOutput() throws {
        let scratch = try Self.workspace()
        let result = try runMerged(toolURL.path, ["-c", "cluster.yaml", "-f", "web.yaml", "-v"], in: scratch.url)
        #expect(result.status == 0, "\(result.output)")
        let head = "web.yaml: deployment \"web\" injected"
        let checks = Self.checks(after: head, in: result.output)
        #expect(Array(checks.prefix(Self.decisionChecks.count)) == Self.decisionChecks)
        #expect(
            checks.contains(
                "  ✓ namespace \"shop\"'s annotation openservicemesh.io/sidecar-injection: enabled enables injection"))
        #expect(checks.contains("  ✓ the pod carries no earlier injection (no volume envoy-bootstrap-config-volume)"))
        #expect(checks.contains { $0.hasPrefix("  ✓ the envoy image is set: envoyproxy/envoy-distroless:") })
        #expect(checks.contains("  ✓ no container of the pod is named envoy, osm-init or osm-healthcheck"))
        let report = try #require(result.output.range(of: head))
        let secret = try #require(result.output.range(of: "kind: Secret\n"))
        #expect(secret.upperBound < report.lowerBound, "the report follows the output")
    }

    @Test func skippedWorkloadListsTheChecksBeforeTheOneThatFailed() throws {
        let scratch = try Self.workspace()
        try scratch.write(
            "more.yaml",
            ModesManifests.deployment("db", namespace: "data") + "---\n"
                + ModesManifests.deployment("optout", injection: "disabled"))
        let result = try runTool(["-c", "cluster.yaml", "-f", "more.yaml", "--verbose"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            Self.checks(
                after: "more.yaml: deployment \"db\" skipped: namespace \"data\" is not monitored by mesh \"osm\"",
                in: result.stderr) == ["  ✓ namespace \"data\" is declared"])
        let optout = Self.checks(
            after:
                "more.yaml: deployment \"optout\" skipped: the pod's openservicemesh.io/sidecar-injection annotation disables injection",
            in: result.stderr)
        #expect(
            optout == Self.decisionChecks
                + ["  ✓ namespace \"shop\"'s annotation openservicemesh.io/sidecar-injection: enabled is valid"])
    }

    @Test func reRunListsTheRestoreLog() throws {
        let scratch = try Self.workspace()
        let first = try runTool(["-c", "cluster.yaml", "-i", "web.yaml"], in: scratch.url)
        try #require(first.status == 0, "\(first.stderr)")
        let result = try runTool(["-c", "cluster.yaml", "web.yaml", "-v", "--check"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        let checks = Self.checks(after: "web.yaml: deployment \"web\" already injected, up to date", in: result.stderr)
        #expect(
            checks.contains {
                $0.hasPrefix(
                    "  ✓ its earlier injection was undone with the restore log of its bootstrap Secret \"envoy-bootstrap-config-"
                )
            })
        #expect(checks.contains("  ✓ no container of the pod is named envoy, osm-init or osm-healthcheck"))
        let uninject = try runTool(["uninject", "web.yaml", "-v"], in: scratch.url)
        #expect(uninject.status == 0, "\(uninject.stderr)")
        let undo = Self.checks(after: "web.yaml: deployment \"web\" uninjected", in: uninject.stderr)
        #expect(
            undo.count == 1 && undo.first?.contains("with the restore log of every edit") == true, "\(uninject.stderr)")
    }

    @Test func verboseLeavesTheOutputAndTheRestOfTheReportAlone() throws {
        let scratch = try Self.workspace()
        for extra in [[], ["-o", "json"], ["--diff"]] {
            let plain = try runTool(["-c", "cluster.yaml", "-f", "web.yaml"] + extra, in: scratch.url)
            let verbose = try runTool(["-c", "cluster.yaml", "-f", "web.yaml", "-v"] + extra, in: scratch.url)
            #expect(plain.status == verbose.status)
            #expect(plain.stdout == verbose.stdout, "\(extra)")
            #expect(!plain.stderr.contains("✓"))
            let withoutChecks = verbose.stderr.split(separator: "\n", omittingEmptySubsequences: false)
                .filter { !$0.hasPrefix("  ✓ ") }.joined(separator: "\n")
            #expect(withoutChecks == plain.stderr, "\(extra)")
        }
    }

    @Test func quietSilencesTheReportButNotErrors() throws {
        let scratch = try Self.workspace()
        let quiet = try runTool(["-c", "cluster.yaml", "-f", "web.yaml", "-q"], in: scratch.url)
        #expect(quiet.status == 0)
        #expect(!quiet.stdout.isEmpty)
        #expect(quiet.stderr.isEmpty, "\(quiet.stderr)")
        try scratch.write("bad.yaml", ModesManifests.deployment("bad", injection: "perhaps"))
        let failed = try runTool(
            ["-c", "cluster.yaml", "-f", "web.yaml", "-f", "bad.yaml", "--quiet"], in: scratch.url)
        #expect(failed.status == 1)
        #expect(failed.stdout.isEmpty)
        #expect(failed.stderr.hasPrefix("bad.yaml:"), "\(failed.stderr)")
        #expect(failed.stderr.contains("error: deployment \"bad\": Invalid annotation value"), "\(failed.stderr)")
        let missing = try runTool(["-q", "gone.yaml"], in: scratch.url)
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("error: gone.yaml:"), "\(missing.stderr)")
    }

    @Test func quietAndVerboseTogetherAreAUsageError() throws {
        let scratch = try Self.workspace()
        for arguments in [["-q", "-v"], ["--quiet", "--verbose"], ["-qv"], ["uninject", "-v", "-q"]] {
            let result = try runTool(arguments + ["web.yaml"], in: scratch.url)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("--quiet and --verbose exclude each other"), "\(result.stderr)")
        }
    }
}
