import Foundation
import Testing

/// Re-running osm-inject after the declared state or the manifest changed, and `uninject` afterwards, through
/// the built binary: one folder per change under `fixtures/reinject/`.
///
/// A case folder holds the inputs `original.yaml` (a manifest with comments), `config-before.yaml` and
/// `config-after.yaml` (MeshConfig and Namespaces), optionally `user-edit.txt` (the user's edit of the
/// injected file between the runs: `<<<<<<< find`, the exact old lines, `=======`, the new lines,
/// `>>>>>>> replace`; each old text must occur exactly once) with `original-after.yaml` (the original with
/// the same edit, which uninject must give back), and the recorded results:
///
/// 1. `injected.yaml` = `osm-inject -c config-before.yaml original.yaml`;
/// 2. `injected-edited.yaml` (with an edit only) = `injected.yaml` with `user-edit.txt` applied;
/// 3. `reinjected.yaml` and `reinjected-report.txt` = `osm-inject -c config-after.yaml injected.yaml`
///    (run on the edited file when there is an edit; the report names it `injected.yaml`);
/// 4. `uninjected.yaml` = `osm-inject uninject reinjected.yaml`.
///
/// Each run feeds on the previous run's actual output, not on the recorded file, so the chain itself is
/// tested. `OSM_INJECT_RECORD=1 swift test` rewrites the results and fails the run, like the golden fixtures.
/// Besides the byte comparisons, the invariants of issue 6 are asserted directly (see `Expectation`).
@Suite struct ReinjectFixtureTests {
    static let root = repositoryRoot.appendingPathComponent("fixtures/reinject")

    /// The case folders (the README beside them is not one).
    static let cases: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).filter { name in
            var isFolder: ObjCBool = false
            let path = root.appendingPathComponent(name).path
            guard !name.hasPrefix("."), FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                return false
            }
            return isFolder.boolValue
        }.sorted()
    }()

    /// What a case must show beyond its recorded bytes.
    struct Expectation: Sendable {
        /// A text every report line of the re-run's workloads contains (`updated: images`).
        var verdict: String
        /// How many lines differ between the re-run's input and output (removed plus added, by a line
        /// diff); nil when not counted.
        var changedLines: Int?
        /// Every removed or added line contains one of these texts.
        var changedLinesContain: [String] = []
        /// The re-run gives the original (or the user-edited original) back: the workload was uninjected.
        var restoresOriginal = false
    }

    /// The expectations of every case, by folder name.
    static let expectations: [String: Expectation] = [
        "envoy-image-changed": Expectation(
            verdict: "updated: images", changedLines: 2,
            changedLinesContain: ["          image: registry.example.com/envoy:v1.22."]),
        "log-level-changed": Expectation(
            verdict: "updated: envoy arguments", changedLines: 2,
            changedLinesContain: ["        - error", "        - debug"]),
        "exclusion-lists-changed": Expectation(
            verdict: "updated: osm-init script", changedLines: 4,
            changedLinesContain: ["-A OSM_PROXY_OUTBOUND ", "-I OSM_PROXY_INBOUND "]),
        "namespace-metrics-on": Expectation(
            verdict: "updated: metrics annotations", changedLines: 6,
            changedLinesContain: ["      annotations:", "prometheus.io/", "osm-inject/restore: "]),
        "namespace-metrics-off": Expectation(
            verdict: "updated: metrics annotations", changedLines: 5,
            changedLinesContain: ["prometheus.io/", "osm-inject/restore: "]),
        "pod-exclusion-annotation-changed": Expectation(
            verdict: "updated: osm-init script", changedLines: 1,
            changedLinesContain: ["-A OSM_PROXY_OUTBOUND -d 198.51.100.7/32 -j RETURN"]),
        "probe-added-and-removed": Expectation(
            verdict: "updated: probes", changedLines: 6,
            changedLinesContain: ["path: /", "port: ", "osm-inject/restore: "]),
        "namespace-removed-from-mesh": Expectation(
            verdict: "uninjected: namespace \"batch\" is not monitored by mesh \"osm\"", restoresOriginal: true),
        "pod-annotation-disabled": Expectation(
            verdict: "uninjected: the pod's openservicemesh.io/sidecar-injection annotation disables injection",
            restoresOriginal: true),
        "nothing-changed": Expectation(verdict: "already injected, up to date", changedLines: 0),
    ]

    @Test func everyCaseHasItsExpectation() {
        #expect(Set(Self.cases) == Set(Self.expectations.keys))
    }

    @Test(arguments: cases)
    func fixture(_ name: String) throws {
        let folder = Self.root.appendingPathComponent(name)
        let work = try ReinjectScratch()
        defer { work.remove() }
        let editURL = folder.appendingPathComponent("user-edit.txt")
        let edit =
            FileManager.default.fileExists(atPath: editURL.path)
            ? try String(contentsOf: editURL, encoding: .utf8) : nil
        let afterName = edit == nil ? "original.yaml" : "original-after.yaml"
        let original = try Self.read(folder, afterName)

        // 1. The first injection.
        let first = try runTool(["-c", "config-before.yaml", "original.yaml"], in: folder)
        #expect(first.status == 0, "\(name): first injection failed: \(first.stderr)")
        // 2. The user's edit.
        var input = first.stdout
        if let edit { input = try ReinjectEdit.apply(edit, to: input) }
        // 3. The re-run with the new declared state.
        try work.write("injected.yaml", input)
        try work.write("config-after.yaml", try Self.read(folder, "config-after.yaml"))
        let rerun = try runTool(["-c", "config-after.yaml", "injected.yaml"], in: work.url)
        #expect(rerun.status == 0, "\(name): re-run failed: \(rerun.stderr)")
        // 4. Uninject.
        try work.write("reinjected.yaml", rerun.stdout)
        let undone = try runTool(["uninject", "reinjected.yaml"], in: work.url)
        #expect(undone.status == 0, "\(name): uninject failed: \(undone.stderr)")

        if isRecording {
            try Data(first.stdout).write(to: folder.appendingPathComponent("injected.yaml"))
            let editedURL = folder.appendingPathComponent("injected-edited.yaml")
            if edit != nil {
                try Data(input).write(to: editedURL)
            } else {
                try? FileManager.default.removeItem(at: editedURL)
            }
            try Data(rerun.stdout).write(to: folder.appendingPathComponent("reinjected.yaml"))
            try Data(rerun.stderr.utf8).write(to: folder.appendingPathComponent("reinjected-report.txt"))
            try Data(undone.stdout).write(to: folder.appendingPathComponent("uninjected.yaml"))
            Issue.record("recorded \(name); run again without OSM_INJECT_RECORD")
            return
        }

        // The recorded bytes.
        try Self.expectRecorded(first.stdout, folder, "injected.yaml", name)
        if edit != nil { try Self.expectRecorded(input, folder, "injected-edited.yaml", name) }
        try Self.expectRecorded(rerun.stdout, folder, "reinjected.yaml", name)
        try Self.expectRecorded(Array(rerun.stderr.utf8), folder, "reinjected-report.txt", name)
        try Self.expectRecorded(undone.stdout, folder, "uninjected.yaml", name)

        // Uninject gives back the (user-edited) original byte for byte.
        Self.expectBytes(undone.stdout, original, "\(name): uninject did not restore \(afterName)")
        try expectInvariants(
            name, input: input, rerun: rerun, original: original, afterName: afterName,
            folder: folder, work: work)
    }

    /// The invariants of a re-run beyond its recorded bytes.
    private func expectInvariants(
        _ name: String, input: [UInt8], rerun: RunResult, original: [UInt8],
        afterName: String, folder: URL, work: ReinjectScratch
    ) throws {
        guard let expectation = Self.expectations[name] else {
            Issue.record("\(name): no expectation")
            return
        }
        let verdicts = rerun.stderr.split(separator: "\n").filter { $0.hasPrefix("injected.yaml: ") }
        #expect(!verdicts.isEmpty, "\(name): no report line")
        for line in verdicts {
            #expect(
                line.contains(expectation.verdict), "\(name): report line \"\(line)\" lacks \"\(expectation.verdict)\"")
        }
        // A fresh injection of the (user-edited) original with the new state gives the same bytes.
        let fresh = try runTool(["-c", "config-after.yaml", afterName], in: folder)
        #expect(fresh.status == 0, "\(name): fresh injection of \(afterName) failed: \(fresh.stderr)")
        Self.expectBytes(
            rerun.stdout, fresh.stdout, "\(name): the re-run differs from a fresh injection of \(afterName)")
        if expectation.restoresOriginal {
            Self.expectBytes(rerun.stdout, original, "\(name): the re-run did not give \(afterName) back")
        }
        // The changed lines.
        let changed = ReinjectLineDiff.changedLines(input, rerun.stdout)
        if let count = expectation.changedLines {
            #expect(
                changed.count == count,
                "\(name): \(changed.count) changed lines, expected \(count): \(changed.prefix(8))")
        }
        if !expectation.changedLinesContain.isEmpty {
            let stray = changed.filter { line in !expectation.changedLinesContain.contains { line.contains($0) } }
            #expect(stray.isEmpty, "\(name): unexpected changed lines: \(stray.prefix(8))")
        }
        // `--check` on the re-run's input: 0 exactly when nothing would change.
        let check = try runTool(["--check", "-c", "config-after.yaml", "injected.yaml"], in: work.url)
        #expect(check.stdout.isEmpty, "\(name): --check wrote to stdout")
        #expect(check.status == (input == rerun.stdout ? 0 : 1), "\(name): --check exit status \(check.status)")
        // A second re-run changes nothing.
        let again = try runTool(["-c", "config-after.yaml", "reinjected.yaml"], in: work.url)
        #expect(again.status == 0, "\(name): second re-run failed: \(again.stderr)")
        Self.expectBytes(again.stdout, rerun.stdout, "\(name): a second re-run changed the output")
        if !expectation.restoresOriginal {
            let lines = again.stderr.split(separator: "\n").filter { $0.hasPrefix("reinjected.yaml: ") }
            #expect(
                !lines.isEmpty && lines.allSatisfy { $0.hasSuffix("already injected, up to date") },
                "\(name): second re-run report: \(again.stderr)")
        }
    }

    @Test func nothingChangedIsByteIdenticalAndChecksClean() throws {
        let folder = Self.root.appendingPathComponent("nothing-changed")
        let injected = try Self.read(folder, "injected.yaml")
        Self.expectBytes(
            try Self.read(folder, "reinjected.yaml"), injected, "reinjected.yaml differs from injected.yaml")
        let check = try runTool(["--check", "-c", "config-after.yaml", "injected.yaml"], in: folder)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(!check.stderr.contains("would change"))
    }

    @Test func envoyImageChangeIsAOneLineDiffInTheWorkload() throws {
        let folder = Self.root.appendingPathComponent("envoy-image-changed")
        let before = String(decoding: try Self.read(folder, "injected.yaml"), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
        let after = String(decoding: try Self.read(folder, "reinjected.yaml"), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false)
        #expect(before.count == after.count)
        let differing = zip(before, after).enumerated().filter { $0.element.0 != $0.element.1 }
        #expect(differing.count == 1, "\(differing.map { "line \($0.offset + 1)" })")
        if let line = differing.first {
            #expect(line.element.0 == "          image: registry.example.com/envoy:v1.22.2")
            #expect(line.element.1 == "          image: registry.example.com/envoy:v1.22.3")
            let secretStart = before.firstIndex { $0 == "kind: Secret" } ?? before.count
            #expect(line.offset < secretStart, "the changed line is not in the workload")
        }
    }

    // MARK: - Bugs found (minimal inputs)

    /// A pod with one container whose HTTP liveness probe the injection rewrites.
    static let probedPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: shop
        spec:
          containers:
          - name: web
            image: nginx
            livenessProbe:
              httpGet:
                path: /healthz
                port: 8080

        """

    /// What the runs around a user's edit of an injected file gave.
    private struct EditedRun {
        /// The injected file with the edit.
        var input: [UInt8]
        /// The original with the equivalent edit: what uninject should give.
        var originalAfter: [UInt8]
        /// The re-run on `input`, and uninject of its output.
        var rerun: RunResult
        var undone: RunResult
        /// Uninject straight on `input`.
        var directUndo: RunResult
        /// A fresh injection of `originalAfter`.
        var fresh: RunResult
    }

    /// Injects `original`, applies `edit` to the output, then re-runs, uninjects and injects `original` with
    /// `originalEdit` (the same change as the user would write it in the original) afresh, with one state.
    private func rerunAfterEdit(
        original: String, edit: String, originalEdit: String,
        adjust: (String) -> String = { $0 }
    ) throws -> EditedRun {
        let work = try ReinjectScratch()
        defer { work.remove() }
        try work.write("config.yaml", Array(meshNamespace.utf8))
        try work.write("original.yaml", Array(original.utf8))
        let first = try runTool(["-c", "config.yaml", "original.yaml"], in: work.url)
        let input = Array(adjust(String(decoding: try ReinjectEdit.apply(edit, to: first.stdout), as: UTF8.self)).utf8)
        try work.write("injected.yaml", input)
        let rerun = try runTool(["-c", "config.yaml", "injected.yaml"], in: work.url)
        try work.write("reinjected.yaml", rerun.stdout)
        let undone = try runTool(["uninject", "reinjected.yaml"], in: work.url)
        let directUndo = try runTool(["uninject", "injected.yaml"], in: work.url)
        let originalAfter = try ReinjectEdit.apply(originalEdit, to: Array(original.utf8))
        try work.write("original-after.yaml", originalAfter)
        let fresh = try runTool(["-c", "config.yaml", "original-after.yaml"], in: work.url)
        return EditedRun(
            input: input, originalAfter: originalAfter, rerun: rerun, undone: undone,
            directUndo: directUndo, fresh: fresh)
    }

    /// Removes the rewritten liveness probe of `probedPod` from its injected form.
    static let removeRewrittenProbe = """
        <<<<<<< find
            livenessProbe:
              httpGet:
                path: /osm-liveness-probe
                port: 15901
        =======
        >>>>>>> replace

        """

    /// Removes the liveness probe of `probedPod` from the original.
    static let removeOriginalProbe = """
        <<<<<<< find
            livenessProbe:
              httpGet:
                path: /healthz
                port: 8080
        =======
        >>>>>>> replace

        """

    @Test
    func rewrittenProbeRemovedBetweenRuns() throws {
        let run = try rerunAfterEdit(
            original: Self.probedPod, edit: Self.removeRewrittenProbe,
            originalEdit: Self.removeOriginalProbe)
        #expect(run.rerun.stderr.contains("pod \"web\" updated"), "\(run.rerun.stderr)")
        Self.expectBytes(
            run.rerun.stdout, run.fresh.stdout, "the re-run differs from a fresh injection of the edited pod")
        Self.expectBytes(run.undone.stdout, run.originalAfter, "uninject did not give the edited pod")
    }

    /// The restore log's `volumes` entry made to name another key: undoing the logged edits would leave the
    /// bootstrap volume, so the restore log no longer describes the pod.
    static func misleadLog(_ text: String) -> String {
        text.replacingOccurrences(of: #"{\"key\":\"volumes\""#, with: #"{\"key\":\"vol\""#)
    }

    @Test
    func reportDoesNotBlameAMissingSecretThatIsPresent() throws {
        let run = try rerunAfterEdit(
            original: Self.probedPod, edit: Self.removeRewrittenProbe,
            originalEdit: Self.removeOriginalProbe)
        #expect(String(decoding: run.input, as: UTF8.self).contains("kind: Secret"))
        #expect(!run.rerun.stderr.contains("its bootstrap Secret is not in the input"), "\(run.rerun.stderr)")
        // The removed probe does not stop the log from applying; a log that no longer describes the pod does.
        let unchanged = "<<<<<<< find\nkind: Pod\n=======\nkind: Pod\n>>>>>>> replace\n"
        let repeated = try rerunAfterEdit(
            original: Self.probedPod, edit: unchanged, originalEdit: unchanged,
            adjust: Self.misleadLog)
        #expect(String(decoding: repeated.input, as: UTF8.self).contains(#"{\"key\":\"vol\""#))
        #expect(String(decoding: repeated.input, as: UTF8.self).contains("kind: Secret"))
        #expect(repeated.rerun.status == 0, "\(repeated.rerun.stderr)")
        #expect(!repeated.rerun.stderr.contains("its bootstrap Secret is not in the input"), "\(repeated.rerun.stderr)")
        #expect(
            repeated.rerun.stderr.contains("pod \"web\" already injected, left as it was"), "\(repeated.rerun.stderr)")
        Self.expectBytes(repeated.rerun.stdout, repeated.input, "the pod left as it was lost bytes or its Secret")
    }

    @Test
    func containerInsertedBeforeTheInjectedOne() throws {
        let edit = """
            <<<<<<< find
              containers:
              - name: web
            =======
              containers:
              - name: cache
                image: redis
                livenessProbe:
                  httpGet:
                    path: /ping
                    port: 6379
              - name: web
            >>>>>>> replace

            """
        let run = try rerunAfterEdit(original: Self.probedPod, edit: edit, originalEdit: edit)
        // Re-run: either a fresh injection of the edited pod, or the pod left as it was with a warning.
        if !run.rerun.stderr.contains("warning:") {
            Self.expectBytes(
                run.rerun.stdout, run.fresh.stdout, "the re-run differs from a fresh injection of the edited pod")
            Self.expectBytes(run.undone.stdout, run.originalAfter, "uninject did not give the edited pod")
        }
        // Uninject of the edited file either refuses or gives the edited original: web's probe stays on web.
        if run.directUndo.status == 0 {
            Self.expectBytes(
                run.directUndo.stdout, run.originalAfter, "uninject of the edited file moved probes between containers")
        }
    }

    /// A MeshConfig with these `spec.sidecar` settings, followed by the namespace "shop".
    static func config(sidecar: String) -> [UInt8] {
        Array(
            """
            apiVersion: config.openservicemesh.io/v1alpha2
            kind: MeshConfig
            metadata:
              name: osm-mesh-config
              namespace: osm-system
            spec:
              sidecar:
                \(sidecar)
            ---

            """.utf8) + Array(meshNamespace.utf8)
    }

    /// Injects `original` under `before`, re-runs under `after` and returns the re-run's report.
    private func rerunReport(_ original: [UInt8], before: [UInt8], after: [UInt8]) throws -> String {
        let work = try ReinjectScratch()
        defer { work.remove() }
        try work.write("before.yaml", before)
        try work.write("after.yaml", after)
        try work.write("original.yaml", original)
        let first = try runTool(["-c", "before.yaml", "original.yaml"], in: work.url)
        try work.write("injected.yaml", first.stdout)
        return try runTool(["-c", "after.yaml", "injected.yaml"], in: work.url).stderr
    }

    /// The re-run's report after a log level change.
    private func logLevelReport(from before: String, to after: String) throws -> String {
        try rerunReport(
            Array(Self.probedPod.utf8), before: Self.config(sidecar: "logLevel: \(before)"),
            after: Self.config(sidecar: "logLevel: \(after)"))
    }

    @Test func logLevelErrorToDebugIsReportedAsEnvoyArguments() throws {
        #expect(try logLevelReport(from: "error", to: "debug").contains("updated: envoy arguments"))
    }

    @Test
    func logLevelInfoToWarnIsReportedAsEnvoyArguments() throws {
        let report = try logLevelReport(from: "info", to: "warn")
        #expect(report.contains("updated: envoy arguments"), "\(report)")
    }

    @Test
    func crlfImageChangeIsReportedAsImagesOnly() throws {
        let pod = Self.probedPod.replacingOccurrences(of: "\n", with: "\r\n")
        let report = try rerunReport(
            Array(pod.utf8), before: Self.config(sidecar: "envoyImage: envoy:v1"),
            after: Self.config(sidecar: "envoyImage: envoy:v2"))
        #expect(report.contains("pod \"web\" updated: images\n"), "\(report)")
    }

    @Test func lfImageChangeIsReportedAsImagesOnly() throws {
        let report = try rerunReport(
            Array(Self.probedPod.utf8), before: Self.config(sidecar: "envoyImage: envoy:v1"),
            after: Self.config(sidecar: "envoyImage: envoy:v2"))
        #expect(report.contains("pod \"web\" updated: images\n"), "\(report)")
    }

    @Test
    func metricsChangeDoesNotReportProbes() throws {
        let report = try String(
            contentsOf: Self.root.appendingPathComponent("namespace-metrics-on/reinjected-report.txt"),
            encoding: .utf8)
        #expect(report.contains("updated: metrics annotations"))
        #expect(!report.contains("probes"), "\(report)")
    }

    // MARK: - Helpers

    static func read(_ folder: URL, _ file: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(file)))
    }

    static func expectRecorded(
        _ actual: [UInt8], _ folder: URL, _ file: String, _ name: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        expectBytes(actual, try read(folder, file), "\(name): differs from \(file)", sourceLocation: sourceLocation)
    }

    /// Expects equal bytes; the message names the first differing line (not the bytes).
    static func expectBytes(
        _ actual: [UInt8], _ expected: [UInt8], _ message: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let same = actual == expected
        #expect(same, "\(message): \(firstDifference(actual, expected))", sourceLocation: sourceLocation)
    }
}

/// A scratch folder for one test.
private struct ReinjectScratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("osm-inject-reinject-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: url.appendingPathComponent(name))
    }

    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// The user's edit of an injected file, as find-and-replace blocks.
private enum ReinjectEdit {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Applies every block of `edit` to `bytes`; each old text must occur exactly once.
    static func apply(_ edit: String, to bytes: [UInt8]) throws -> [UInt8] {
        var text = String(decoding: bytes, as: UTF8.self)
        for (old, new) in try blocks(edit) {
            let count = text.components(separatedBy: old).count - 1
            guard count == 1 else {
                throw Failure(description: "the edit's text occurs \(count) times, not once:\n\(old)")
            }
            text = text.replacingOccurrences(of: old, with: new)
        }
        return Array(text.utf8)
    }

    /// The (old, new) texts of the blocks, lines ending in "\n".
    static func blocks(_ edit: String) throws -> [(String, String)] {
        var result: [(String, String)] = []
        var old: String?, new: String?
        for line in edit.split(separator: "\n", omittingEmptySubsequences: false) {
            switch line {
            case "<<<<<<< find": old = ""
            case "=======":
                guard old != nil else { throw Failure(description: "\"=======\" outside a block") }
                new = ""
            case ">>>>>>> replace":
                guard let o = old, let n = new else { throw Failure(description: "an unfinished block") }
                result.append((o, n))
                old = nil
                new = nil
            default:
                if let n = new { new = n + line + "\n" } else if let o = old { old = o + line + "\n" }
            }
        }
        guard old == nil, !result.isEmpty else { throw Failure(description: "no complete block in the edit") }
        return result
    }
}

/// A line diff (longest common subsequence) for counting what a run changed.
private enum ReinjectLineDiff {
    /// The lines removed from `old` and added in `new`, removed first, each in file order.
    static func changedLines(_ old: [UInt8], _ new: [UInt8]) -> [String] {
        // Split on the byte: in a Swift String "\r\n" is one Character, which "\n" does not match.
        let a = old.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        let b = new.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        // Common prefix and suffix first: the table stays small.
        var start = 0
        while start < a.count, start < b.count, a[start] == b[start] { start += 1 }
        var endA = a.count, endB = b.count
        while endA > start, endB > start, a[endA - 1] == b[endB - 1] {
            endA -= 1
            endB -= 1
        }
        let x = Array(a[start..<endA]), y = Array(b[start..<endB])
        var table = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in stride(from: x.count - 1, through: 0, by: -1) {
            for j in stride(from: y.count - 1, through: 0, by: -1) {
                table[i][j] = x[i] == y[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        var removed: [String] = [], added: [String] = []
        var i = 0, j = 0
        while i < x.count || j < y.count {
            if i < x.count, j < y.count, x[i] == y[j] {
                i += 1
                j += 1
            } else if j < y.count, i == x.count || table[i][j + 1] >= table[i + 1][j] {
                added.append(y[j])
                j += 1
            } else {
                removed.append(x[i])
                i += 1
            }
        }
        return removed + added
    }
}
