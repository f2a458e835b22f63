import Foundation
import Testing

/// The report's wording: the shared-UUID note only where it applies and once per run, `--check` saying what
/// would be done, and a missing input and a missing config file named as such.
@Suite struct ReportWordingTests {
    static let note = "note: the bootstrap Secrets name one proxy UUID per workload."

    /// A workload of `kind` in `shop` with `spec` lines before its template (indented two spaces).
    static func workload(_ kind: String, _ name: String, spec: String = "", apiVersion: String = "apps/v1") -> String {
        """
        apiVersion: \(apiVersion)
        kind: \(kind)
        metadata: {name: \(name), namespace: shop}
        spec:
        \(spec)  selector: {matchLabels: {app: \(name)}}
          template:
            metadata: {labels: {app: \(name)}}
            spec: {containers: [{name: \(name), image: nginx}]}

        """
    }

    static func inject(_ manifests: [String: String], _ extra: [String] = []) throws -> RunResult {
        let scratch = try ScratchFolder()
        try scratch.write("ns.yaml", ModesManifests.namespace)
        var arguments = ["-c", "ns.yaml"]
        for (name, text) in manifests.sorted(by: { $0.key < $1.key }) {
            try scratch.write(name, text)
            arguments += ["-f", name]
        }
        return try runTool(arguments + extra, in: scratch.url)
    }

    @Test func noNoteForWorkloadsOfOnePod() throws {
        let result = try Self.inject([
            "a.yaml": Self.workload("Deployment", "single"),
            "b.yaml": Self.workload("Deployment", "one", spec: "  replicas: 1\n"),
            "c.yaml": Self.workload("Job", "migrate", apiVersion: "batch/v1"),
            "d.yaml":
                "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\nspec: {containers: [{name: p, image: p}]}\n",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("deployment \"single\" injected"))
        #expect(!result.stderr.contains("note:"), "\(result.stderr)")
    }

    @Test(arguments: [
        ("Deployment", "  replicas: 3\n", "apps/v1"), ("StatefulSet", "  replicas: 2\n", "apps/v1"),
        ("DaemonSet", "", "apps/v1"), ("Job", "  parallelism: 4\n", "batch/v1"),
    ])
    func theNoteForAWorkloadOfSeveralPods(kind: String, spec: String, apiVersion: String) throws {
        let result = try Self.inject(["a.yaml": Self.workload(kind, "many", spec: spec, apiVersion: apiVersion)])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: Self.note).count == 2, "\(result.stderr)")
    }

    @Test func theNoteComesOnceAtTheEndOfTheRun() throws {
        let result = try Self.inject(
            [
                "a.yaml": Self.workload("Deployment", "web", spec: "  replicas: 3\n"),
                "b.yaml": Self.workload("DaemonSet", "agent"),
            ], ["--check"])
        #expect(result.stderr.components(separatedBy: Self.note).count == 2, "\(result.stderr)")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.last?.hasPrefix(Self.note) == true, "\(result.stderr)")
    }

    @Test func checkSaysWhatWouldBeDone() throws {
        let result = try Self.inject(
            [
                "a.yaml": Self.workload("Deployment", "web"),
                "b.yaml": Self.workload("Deployment", "other").replacingOccurrences(of: "shop", with: "elsewhere"),
            ],
            ["--check"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("a.yaml: would inject deployment \"web\"\n"), "\(result.stderr)")
        #expect(!result.stderr.contains(" injected"), "\(result.stderr)")
        #expect(result.stderr.contains("b.yaml: deployment \"other\" skipped: "), "\(result.stderr)")
        #expect(result.stderr.contains("a.yaml: would change\n"), "\(result.stderr)")
        let diff = try Self.inject(["a.yaml": Self.workload("Deployment", "web")], ["--diff"])
        #expect(diff.stderr.contains("a.yaml: would inject deployment \"web\"\n"), "\(diff.stderr)")
    }

    @Test func uninjectCheckSaysWhatWouldBeDone() throws {
        let scratch = try ScratchFolder()
        try scratch.write("ns.yaml", ModesManifests.namespace)
        let injected = try runTool(
            ["-c", "ns.yaml", "-"], in: scratch.url, stdin: Array(Self.workload("Deployment", "web").utf8))
        try scratch.write("web.yaml", injected.stdout)
        let result = try runTool(["uninject", "--check", "-f", "web.yaml"], in: scratch.url)
        #expect(result.status == 1)
        #expect(result.stderr.contains("web.yaml: would uninject deployment \"web\"\n"), "\(result.stderr)")
    }

    @Test func aMissingInputAndAMissingConfigSayWhichIsMissing() throws {
        let scratch = try ScratchFolder()
        try scratch.write("ns.yaml", ModesManifests.namespace)
        try scratch.write("web.yaml", Self.workload("Deployment", "web"))
        let input = try runTool(["-c", "ns.yaml", "-f", "nope.yaml"], in: scratch.url)
        #expect(input.status == 1 && input.stdout.isEmpty)
        #expect(input.stderr == "error: nope.yaml: cannot read the input file: no such file or directory\n")
        let config = try runTool(["-c", "nope.yaml", "-f", "web.yaml"], in: scratch.url)
        #expect(config.status == 1 && config.stdout.isEmpty)
        #expect(config.stderr == "error: nope.yaml: cannot read the config file (-c): no such file or directory\n")
    }
}
