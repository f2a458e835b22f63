import Testing
import LosslessYAML
@testable import OSMInjector

/// The pipeline invariants of the inject fuzzer (`Fuzz/Sources/FuzzChecks/InjectInvariants.swift`) on the inputs
/// it found or that seeded it: the output parses, untouched documents keep their bytes, a second injection
/// changes nothing and uninject gives the input back.
@Suite struct FuzzRegressionInjectorTests {
    /// A pod of a namespace with Prometheus metrics whose `annotations` is an empty flow mapping: the three
    /// Prometheus annotations go into `{}` and need commas between them.
    @Test
    func emptyFlowAnnotationsWithMetrics() throws {
        let text =
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: {}\nspec:\n  containers: [{name: a, image: b}]\n"
        try expectPipelineInvariants(text, metrics: true)
    }

    /// An input that already holds a Secret with the name the injection gives the bootstrap Secret (left over
    /// from an earlier injection, here without a restore log): the output must not hold two Secrets of that name
    /// (`kubectl apply` keeps the later, maybe the stale one). Found by the inject fuzzer (reduced from 10 KB to
    /// 141 bytes). The injection fails, at the left-over Secret: replacing a Secret osm-inject did not write
    /// (and writing it back on uninject) is the user's call, not the tool's.
    @Test
    func leftOverSecretWithTheBootstrapName() throws {
        let uuid = ProxyUUID.make(namespace: "default", kind: "Deployment", name: "web")
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              template:
                spec:
                  containers:
                  - name: app
                    image: nginx
            ---
            apiVersion: v1
            kind: Secret
            metadata:
              name: \(OSMConstants.bootstrapSecretPrefix)\(uuid)

            """
        let stream = try Parser().parse(Array(text.utf8))
        let cluster = everyNamespaceEnabled(stream)
        let first = Injector(cluster: cluster).run(stream)
        let report = try #require(first.reports.first { $0.isError }, "\(first.reports.map(\.line))")
        #expect(report.name == "web" && report.line.contains("left over"), "\(report.line)")
        guard case .failed(let error) = report.outcome else { return }
        #expect(error.mark.map { [$0.line, $0.column] } == [12, 1], "\(String(describing: error.mark))")
        let undone = Injector(cluster: cluster, mode: .uninject).run(stream)
        #expect(!undone.hasErrors && undone.bytes == Array(text.utf8))
    }

    /// The Secret of an injected workload twice in the input (a stale copy beside the new one): which one
    /// describes the workload is unknown, so re-injection and uninject fail at the second.
    @Test
    func bootstrapSecretTwice() throws {
        let (workloads, secrets) = try SecretPlacementTests.injected(["web"])
        let text = workloads[0] + "---\n" + secrets[0] + "---\n" + secrets[0]
        let stream = try Parser().parse(Array(text.utf8))
        let cluster = everyNamespaceEnabled(stream)
        let second = try #require(stream.documents.last?.root.range.start)
        for mode in [Injector.Mode.inject, .uninject] {
            let output = Injector(cluster: cluster, mode: mode).run(stream)
            let report = try #require(output.reports.first { $0.isError }, "\(output.reports.map(\.line))")
            #expect(report.line.contains("is in the input 2 times"), "\(report.line)")
            guard case .failed(let error) = report.outcome else { continue }
            #expect(error.mark == second)
        }
        // A stale Secret of an earlier run beside the workload it was written for, uninjected since.
        let stale =
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: nginx\n---\n"
            + secrets[0]
        let again = Injector(cluster: cluster).run(try Parser().parse(Array(stale.utf8)))
        #expect(again.reports.contains { $0.isError && $0.line.contains("left over") }, "\(again.reports.map(\.line))")
    }

    /// An injected workload whose injected `volumes` entry was duplicated by hand (a repeated key): read
    /// leniently, undoing the logged edits removed the last copy while the first still named the bootstrap
    /// Secret. A key written twice is now an error at the repetition, for inject and uninject alike, and
    /// nothing changes. Found by the inject fuzzer.
    @Test
    func injectedPartsDuplicatedByHand() throws {
        let original =
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: app\n        image: nginx\n"
        let stream = try Parser().parse(Array(original.utf8))
        let cluster = everyNamespaceEnabled(stream)
        let injected = String(decoding: Injector(cluster: cluster).run(stream).bytes, as: UTF8.self)
        // Repeat the `volumes:` entry (four lines) right before itself.
        let start = try #require(injected.range(of: "      volumes:\n"))
        let end = try #require(
            injected.range(of: "secretName: envoy-bootstrap-config-", range: start.upperBound..<injected.endIndex))
        let lineEnd = try #require(injected[end.upperBound...].firstIndex(of: "\n"))
        let block = injected[start.lowerBound...lineEnd]
        let doubled = String(injected[..<start.lowerBound]) + block + String(injected[start.lowerBound...])
        let line = doubled[..<start.lowerBound].filter { $0 == "\n" }.count + 1
        let x = try Parser().parse(Array(doubled.utf8))
        for mode in [Injector.Mode.inject, .uninject] {
            let again = Injector(cluster: cluster, mode: mode).run(x)
            let errors = again.reports.compactMap(\.failure)
            #expect(
                errors.map(\.message) == ["duplicate key \"volumes\" (first at line \(line))"],
                "\(again.reports.map(\.line))")
            #expect(errors.first?.mark?.line == line + block.filter { $0 == "\n" }.count)
        }
    }

    /// A restore log that no longer describes its workload (here its `volumes` entry names another key) undoes
    /// it only in part: the bootstrap volume stays. Uninject must fail rather than write a workload that still
    /// names the Secret it drops, and an injection whose pod annotation disables injection must leave the
    /// document as it was, with its Secret. Found by the inject fuzzer (a log and a container name mangled).
    @Test
    func restoreLogThatLeavesTheBootstrapVolume() throws {
        let (workloads, secrets) = try SecretPlacementTests.injected(["web"])
        let secret = secrets[0].replacingOccurrences(of: "\\\"volumes\\\"", with: "\\\"vol\\\"")
        #expect(secret != secrets[0])
        let metadata = try #require(workloads[0].range(of: "    metadata:\n      labels:\n"))
        let disabled = workloads[0].replacingCharacters(
            in: metadata,
            with: "    metadata:\n      annotations:\n"
                + "        openservicemesh.io/sidecar-injection: disabled\n      labels:\n")
        for workload in [workloads[0], disabled] {
            let text = workload + "---\n" + secret
            let stream = try Parser().parse(Array(text.utf8))
            let cluster = everyNamespaceEnabled(stream)
            let undone = Injector(cluster: cluster, mode: .uninject).run(stream)
            #expect(
                undone.reports.contains { $0.isError && $0.line.contains("bootstrap volume is still there") },
                "\(undone.reports.map(\.line))")
            let again = Injector(cluster: cluster).run(stream)
            #expect(
                !again.hasErrors && again.reports.allSatisfy { $0.outcome == .leftAsItWas },
                "\(again.reports.map(\.line))")
            #expect(again.bytes == Array(text.utf8), "\(String(decoding: again.bytes, as: UTF8.self))")
        }
    }

    /// Two workloads of one identity (kind, namespace, name), the first naming the bootstrap Secret of that
    /// identity without it being in the input: the first run injects the second and writes the Secret; the
    /// second run then takes the Secret for the first workload's and re-injects that one, so a second injection
    /// changes the output. Found by the inject fuzzer (reduced by libFuzzer to 314 bytes). The workload injected
    /// before now holds its identity, so the second takes the next one (`api#1`) and a Secret of its own.
    @Test
    func twoWorkloadsOfOneIdentityOneNamingTheSecret() throws {
        let uuid = ProxyUUID.make(namespace: "shop", kind: "Pod", name: "api")
        let text = """
            kind: Pod
            metadata:
              name: api
              namespace: shop
            spec:
              volumes:
              - name: envoy-bootstrap-config-volume
                secret:
                  secretName: \(OSMConstants.bootstrapSecretPrefix)\(uuid)
            ---
            kind: Pod
            metadata:
              name: api
              namespace: shop
            spec:
              containers:
              - name: a
                image: b

            """
        let stream = try Parser().parse(Array(text.utf8))
        let cluster = everyNamespaceEnabled(stream)
        let first = Injector(cluster: cluster).run(stream)
        #expect(!first.hasErrors, "\(first.reports.map(\.line))")
        let second = Injector(cluster: cluster).run(try Parser().parse(first.bytes))
        #expect(second.bytes == first.bytes, "\(second.reports.map(\.line))")
    }

    /// A pod template's metadata whose last entry is an explicit key without a value: libyaml puts the empty
    /// value at the next token (`spec:`), and the label the injection adds went below that, into `spec`; the
    /// second run then added it again. The inject fuzzer's input, as found in a time-bounded run.
    @Test
    func labelAfterAnExplicitKeyWithoutValue() throws {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: hello
            spec:
              selector:
                matchLabels:
                  app: hello
              template:
                metadata:
                  annotations:
                  ? inject.istio.io/   readinessProbe:
                     bels:
                    app: hello
                spec:
                  containers:
                  - name: hello
                    image: "fake.docker.io/google-samples/hello-go-gke:1.0"
                    readinessProbe:
                      httpGet:
                        port: 80

            """
        try expectPipelineInvariants(text, metrics: false)
        let stream = try Parser().parse(Array(text.utf8))
        let output = Injector(cluster: everyNamespaceEnabled(stream)).run(stream)
        let injected = try Parser().parse(output.bytes)
        let template = try #require(injected.documents.first?.root["spec"]?["template"])
        #expect(template["metadata"]?["labels"]?["osm-proxy-uuid"] != nil)
        #expect(template["spec"]?["labels"] == nil)
    }

    /// libyaml breaks lines at a lone CR (old Mac line ends, or a stray CR in a CRLF file), and so must the
    /// injection's edits. Found by the inject fuzzer in a CRLF fixture with one stray CR.
    @Test
    func loneCarriageReturnLineBreaks() throws {
        let text = "apiVersion: v1\rkind: Pod\rmetadata:\r  name: p\rspec:\r  containers:\r  - name: a\r    image: b\r"
        try expectPipelineInvariants(text, metrics: false)
        let stray =
            "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: a\rimage: b\r\n"
        try expectPipelineInvariants(stray, metrics: false)
    }

    /// Line breaks other than LF where the injection writes a document after the workload: a NEL-separated
    /// stream (the writer added an LF after the NEL, which uninject kept) and a document ended by `...` and a
    /// lone CR (the document's end stopped before the CR). Found by replaying corpus files with their line
    /// breaks changed through the inject checks.
    @Test
    func otherLineBreaksAroundTheBootstrapSecret() throws {
        let pod = [
            "apiVersion: v1", "kind: Pod", "metadata:", "  name: p", "spec:", "  containers:", "  - name: a",
            "    image: b",
        ]
        try expectPipelineInvariants((pod + ["---", "kind: Service", ""]).joined(separator: "\u{85}"), metrics: false)
        try expectPipelineInvariants((pod + ["...", ""]).joined(separator: "\r"), metrics: false)
    }

    /// A workload that names another workload's bootstrap Secret (as a copy of an injected manifest does):
    /// the first run injects the other workload and writes that Secret; a second run over the output must
    /// change nothing rather than undo the copy with the other workload's restore log. The input is the inject
    /// fuzzer's own reduction (a Windows Deployment; the copy has no name and no containers).
    @Test
    func workloadNamingAnotherWorkloadsSecret() throws {
        let uuid = ProxyUUID.make(namespace: "shop", kind: "Deployment", name: "iis")
        let text = """

            kind: Deployment

            spec:
              template:
                metadata:
                spec:
                  containers:
                  volumes:
                    - name: envoy-bootstrap-config-volume
                      secret:
                       secretName: \(OSMConstants.bootstrapSecretPrefix)\(uuid)
            ---
            kind: Deployment
            metadata:
              name: iis
              namespace: shop
            spec:
             template:
              spec:
               nodeSelector:
                 kubernetes.io/os: Windows

            """
        let stream = try Parser().parse(Array(text.utf8))
        let cluster = everyNamespaceEnabled(stream)
        let first = Injector(cluster: cluster).run(stream)
        #expect(!first.hasErrors, "\(first.reports.map(\.line))")
        let second = Injector(cluster: cluster).run(try Parser().parse(first.bytes))
        #expect(!second.hasErrors, "\(second.reports.map(\.line))")
        #expect(second.bytes == first.bytes, "a second run changed the output")
    }

    /// A document that ends, without a final line break, in a literal block (the last container's `args`):
    /// the containers added after it need a line break first, so the block's chomping becomes strip (its value
    /// must not gain that break), or blanks after its last break go. Uninject left `|-` where `|` stood; the
    /// restore log now carries the original bytes of such adjustments. Found by the fixed-seed inject fuzzer
    /// (`Fuzz/regressions/inject-b109a5c9`).
    @Test(arguments: [
        "kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: b\n    args:\n    - |\n      sleep 30\n      /s",
        "kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: b\n    args:\n    - |+\n      sleep 30\n      /s",
        "kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: b\n    args:\n    - |\n      sleep 30\n   ",
    ])
    func literalBlockEndingTheDocumentWithoutLineBreak(text: String) throws {
        try expectPipelineInvariants(text, metrics: false)
    }

    /// A `volumes` list whose last item ends with an explicit key without a value (`? sources: …`): libyaml
    /// puts the empty value at the next token, the `containers:` line, so the list seemed to end there and the
    /// bootstrap volume went under `containers`, an output that did not parse. A trailing empty node, at any
    /// depth, now counts for nothing where an entry or item is added. Found by the fixed-seed inject fuzzer run
    /// (`Fuzz/regressions/inject-530c4aa1`).
    @Test
    func listEndingWithAnExplicitKeyWithoutValue() throws {
        let text = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: busybox
            spec:
              volumes:
                - name: token
                  projected:
                  ? sources:
                      - serviceAccountToken:
                          path: token
              containers:
              - name: busybox
                image: busybox

            """
        try expectPipelineInvariants(text, metrics: true)
        let stream = try Parser().parse(Array(text.utf8))
        let output = Injector(cluster: everyNamespaceEnabled(stream)).run(stream)
        let injected = try Parser().parse(output.bytes)
        let volumes = injected.documents.first?.root["spec"]?["volumes"]?.items ?? []
        #expect(volumes.count == 2)
        #expect(volumes.last?["name"]?.scalar?.value == OSMConstants.envoyBootstrapConfigVolumeName)
    }

    /// A pod whose `containers` list carries an anchor (to reuse it elsewhere) or a tag: the envoy container
    /// is appended at the dashes' indentation. Found by the edit fuzzer.
    @Test
    func anchoredContainerList() throws {
        for decoration in ["&c", "!!seq"] {
            let text =
                "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: \(decoration)\n  - name: a\n    image: b\n"
            try expectPipelineInvariants(text, metrics: false)
        }
    }

    /// Two containers with one name (the API server refuses the pod only after the webhook): uninject must
    /// restore the probe of the container it was rewritten in. Found by the inject fuzzer, reduced to 156 bytes.
    /// The log addresses such containers by index; a log that names one of them (as earlier versions wrote)
    /// is refused rather than applied to the wrong container.
    @Test
    func containersWithOneName() throws {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              template:
                spec:
                  containers:
                  - name: web
                    image: a
                    livenessProbe:
                      httpGet: {path: /h, port: 80}
                  - name: web
                    image: b

            """
        try expectPipelineInvariants(text, metrics: false)

        let stream = try Parser().parse(Array(text.utf8))
        let cluster = everyNamespaceEnabled(stream)
        let injected = String(decoding: Injector(cluster: cluster).run(stream).bytes, as: UTF8.self)
        let byName = injected.replacingOccurrences(of: "containers[0]", with: "containers[name=web]")
        #expect(byName != injected)
        let undone = Injector(cluster: cluster, mode: .uninject).run(try Parser().parse(Array(byName.utf8)))
        let report = try #require(undone.reports.first { $0.isError })
        #expect(report.line.contains("several items named \"web\""), "\(report.line)")
        guard case .failed(let error) = report.outcome else { return }
        #expect(error.mark?.line == 13, "\(String(describing: error.mark))")
    }

    /// Shapes the fuzzers start from: flow and block styles, JSON, CRLF, lists, anchors, comments, documents
    /// without a final line break, empty documents between workloads.
    @Test(arguments: [
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: b}]}",
        "{\"apiVersion\": \"v1\", \"kind\": \"Pod\", \"metadata\": {\"name\": \"p\"}, \"spec\": {\"containers\": [{\"name\": \"a\", \"image\": \"b\"}]}}\n",
        "apiVersion: v1\r\nkind: Pod\r\nmetadata:\r\n  name: p\r\nspec:\r\n  containers:\r\n  - name: a\r\n    image: b\r\n",
        "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p}\n  spec:\n    containers:\n    - name: a\n      image: b\n",
        "x: &c [{name: a, image: b}]\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: *c\n",
        "---\n# c\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p  # n\n  labels: {}\nspec:\n  containers:\n    - name: a\n      image: b\n...\n---\n",
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d, namespace: other}\nspec:\n  template:\n    metadata:\n      annotations:\n        a: |\n          x\n    spec:\n      containers:\n      - {name: a, image: b}\n      initContainers: []\n      volumes: []\n",
    ])
    func seedShapes(_ text: String) throws {
        try expectPipelineInvariants(text, metrics: false)
        try expectPipelineInvariants(text, metrics: true)
    }

    /// Inject with every named namespace in the mesh, then check the fuzzer's invariants.
    private func expectPipelineInvariants(_ text: String, metrics: Bool) throws {
        let input = Array(text.utf8)
        let stream = try Parser().parse(input)
        var cluster = everyNamespaceEnabled(stream)
        if metrics {
            for name in cluster.namespaces.keys {
                cluster.namespaces[name]?.annotations[OSMConstants.metricsAnnotation] = "enabled"
            }
        }
        let first = Injector(cluster: cluster).run(stream)
        #expect(!first.hasErrors, "\(first.reports.map(\.line))")
        #expect(first.reports.contains { $0.outcome == .injected })
        let injected = try #require(
            try? Parser().parse(first.bytes),
            "the output does not parse: \(String(decoding: first.bytes, as: UTF8.self))")
        let second = Injector(cluster: cluster).run(injected)
        #expect(second.bytes == first.bytes, "a second injection changed the output")
        let undone = Injector(cluster: cluster, mode: .uninject).run(injected)
        #expect(!undone.hasErrors)
        #expect(
            undone.bytes == input,
            "uninject did not restore the input: \(String(decoding: undone.bytes, as: UTF8.self).debugDescription)")
    }
}
