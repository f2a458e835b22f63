import Testing
import LosslessYAML
@testable import OSMInjector

/// A key written twice in a document osm-inject reads as state or reads for an injection is an error at the
/// second key; documents it passes through are not read, and stay as they are. Both runs agree.
@Suite struct DuplicateKeyTests {
    static let shop = StreamingRunTests.shop
    static let namespace =
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {openservicemesh.io/monitored-by: osm}\n  annotations: {openservicemesh.io/sidecar-injection: enabled}\n"

    /// The reports of the in-memory run and of the streaming run, and both outputs.
    private func runs(_ text: String, cluster: ClusterState = shop) throws -> (
        whole: Injector.Output, streamed: Injector.Output, streamedBytes: [UInt8]
    ) {
        let bytes = Array(text.utf8)
        let injector = Injector(cluster: cluster)
        let whole = injector.run(try Parser().parse(bytes))
        var pieces: [UInt8] = []
        let streamed = try injector.runStreaming(bytes) { pieces += $0 }
        return (whole, streamed, pieces)
    }

    @Test(arguments: [
        // A workload of a namespace in the mesh, the second key quoted.
        (
            "kind: Pod\nmetadata: {name: a, namespace: shop}\nspec:\n  containers:\n  - name: c\n    image: i\n    \"image\": j\n",
            7, 5, "image", 6
        ),
        // Disabled by its annotation: still read for the webhook's decision.
        (
            "kind: Pod\nmetadata:\n  name: a\n  namespace: shop\n  annotations: {openservicemesh.io/sidecar-injection: disabled}\n  name: b\nspec: {containers: [{name: c, image: i}]}\n",
            6, 3, "name", 3
        ),
        // The case: a MeshConfig and a Namespace pasted into one document without `---`.
        (
            "apiVersion: config.openservicemesh.io/v1alpha2\nkind: MeshConfig\nmetadata: {name: osm-mesh-config}\napiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n",
            4, 1, "apiVersion", 1
        ),
        // A Namespace inside a List, and a List's own keys when it holds one.
        ("kind: List\nitems:\n- kind: Namespace\n  metadata: {name: shop, name: shop}\n", 4, 26, "name", 4),
        (
            "kind: List\napiVersion: v1\nitems:\n- kind: Namespace\n  metadata: {name: shop}\napiVersion: v1\n", 6, 1,
            "apiVersion", 2
        ),
        // A workload item of a List, and the List's own keys.
        (
            "kind: List\nmetadata: {}\nitems:\n- kind: Pod\n  metadata: {name: a, namespace: shop}\n  spec: {containers: [{name: c, image: i}]}\nmetadata: {}\n",
            7, 1, "metadata", 2
        ),
    ])
    func isAnErrorAtTheSecondKey(_ testCase: (String, Int, Int, String, Int)) throws {
        let (text, line, column, key, firstLine) = testCase
        let (whole, streamed, _) = try runs(text)
        let failures = whole.reports.compactMap { report -> (WorkloadReport, InjectionError)? in
            guard case .failed(let error) = report.outcome else { return nil }
            return (report, error)
        }
        try #require(failures.count == 1, "\(whole.reports)")
        let (report, error) = failures[0]
        #expect(report.message(of: error) == "duplicate key \"\(key)\" (first at line \(firstLine))")
        #expect(error.mark?.line == line)
        #expect(error.mark?.column == column)
        #expect(streamed.reports == whole.reports)
    }

    @Test(arguments: [
        // A workload of a namespace the webhook never sees, and objects nobody edits.
        "kind: Deployment\nmetadata: {name: a, namespace: elsewhere}\nspec:\n  template:\n    spec: {containers: [{name: c, image: i, image: j}]}\n",
        "kind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80, port: 81}]}\n",
        "kind: ConfigMap\nmetadata: {name: m}\ndata: {a: x, a: y}\n",
        // `1` and `"1"` are two keys to the decoder, and merge keys are not compared.
        "kind: Pod\nmetadata: {name: a, namespace: shop}\nspec:\n  containers: [{name: c, image: i}]\n  x-extension: {1: x, \"1\": y, <<: {a: 1}, <<: {b: 2}}\n",
    ])
    func passesThroughWhereNotRead(text: String) throws {
        let (whole, streamed, streamedBytes) = try runs(text)
        #expect(!whole.hasErrors, "\(whole.reports)")
        #expect(streamed.reports == whole.reports)
        #expect(streamedBytes == whole.bytes)
        if !whole.reports.contains(where: { $0.outcome == .injected }) { #expect(whole.bytes == Array(text.utf8)) }
    }

    /// A List undone whole for its injected item: a second run, and uninject, check what the first run read and
    /// no more (a sibling of a namespace outside the mesh, a workload without a pod template).
    @Test func aSecondRunChecksWhatTheFirstDid() throws {
        let text =
            "apiVersion: v1\nkind: List\nitems:\n"
            + "- apiVersion: v1\n  kind: Pod\n  metadata: {name: a, namespace: shop}\n  spec: {containers: [{name: c, image: i}]}\n"
            + "- apiVersion: v1\n  kind: Pod\n  metadata: {name: b, namespace: elsewhere}\n  spec: {containers: [{name: c, image: i, image: j}]}\n"
            + "- kind: Deployment\n  metadata: {name: d, namespace: shop, labels: {x: y, x: z}}\n"
        let first = Injector(cluster: Self.shop).run(try Parser().parse(Array(text.utf8)))
        #expect(!first.hasErrors, "\(first.reports.map(\.line))")
        #expect(first.reports.contains { $0.outcome == .injected })
        let (second, streamed, streamedBytes) = try runs(String(decoding: first.bytes, as: UTF8.self))
        #expect(!second.hasErrors, "\(second.reports.map(\.line))")
        #expect(second.bytes == first.bytes)
        #expect(streamed.reports == second.reports && streamedBytes == second.bytes)
        let undone = Injector(cluster: Self.shop, mode: .uninject).run(try Parser().parse(first.bytes))
        #expect(!undone.hasErrors, "\(undone.reports.map(\.line))")
        #expect(undone.bytes == Array(text.utf8))
    }

    /// A workload injected before is read whole to be undone: a key written twice since is an error, at its
    /// place in the file, in both runs and when uninjecting.
    @Test func injectedWorkloadIsCheckedBeforeItsUndo() throws {
        let pod =
            "apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: shop}\nspec:\n  containers:\n  - name: c\n    image: i\n"
        let injected = Injector(cluster: Self.shop).run(try Parser().parse(Array(pod.utf8)))
        try #require(injected.reports.map(\.outcome) == [.injected])
        var text = String(decoding: injected.bytes, as: UTF8.self)
        text = text.replacingOccurrences(of: "    image: i\n", with: "    image: i\n    image: i\n")
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "    image: i" }.map
        { $0 + 2 }
        let (whole, streamed, _) = try runs(text)
        #expect(
            whole.reports.compactMap(\.failure).map(\.message) == [
                "duplicate key \"image\" (first at line \((line ?? 0) - 1))"
            ])
        #expect(whole.reports.compactMap(\.failure).first?.mark?.line == line)
        #expect(streamed.reports == whole.reports)
        let undone = Injector(cluster: Self.shop, mode: .uninject).run(try Parser().parse(Array(text.utf8)))
        #expect(undone.reports.compactMap(\.failure).first?.mark?.line == line)
    }
}
