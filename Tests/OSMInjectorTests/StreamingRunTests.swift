import Foundation
import Testing
import LosslessYAML
@testable import OSMInjector

/// The bounded-memory run (two passes, a document at a time) writes exactly what the in-memory run writes,
/// injection and re-injection alike, over the whole shared corpus.
@Suite struct StreamingRunTests {
    @Test func streamingMatchesTheInMemoryRunOnTheCorpus() throws {
        var problems: [String] = []
        for url in corpusManifests() {
            let bytes = Array(try Data(contentsOf: url))
            guard let stream = try? Parser().parse(bytes) else { continue }
            let injector = Injector(cluster: everyNamespaceEnabled(stream))
            let whole = injector.run(stream)
            var pieces: [UInt8] = []
            let streamed = try injector.runStreaming(bytes) { pieces += $0 }
            if pieces != whole.bytes || streamed.reports != whole.reports {
                problems.append("\(url.lastPathComponent): first injection differs")
                continue
            }
            // Again on the injected output: the re-injection path (restore logs, replaced Secrets).
            var again: [UInt8] = []
            _ = try injector.runStreaming(pieces) { again += $0 }
            let wholeAgain = injector.run(try Parser().parse(pieces))
            if again != wholeAgain.bytes { problems.append("\(url.lastPathComponent): re-injection differs") }
        }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    /// The same with every other namespace left out of the mesh: workloads there are read only to their
    /// metadata by the streaming run, and still reported exactly as the in-memory run reports them.
    @Test func streamingMatchesTheInMemoryRunWithHalfTheNamespaces() throws {
        var problems: [String] = []
        var skipped = 0
        for url in corpusManifests() {
            let bytes = Array(try Data(contentsOf: url))
            guard let stream = try? Parser().parse(bytes) else { continue }
            var cluster = everyNamespaceEnabled(stream)
            for (index, name) in cluster.namespaces.keys.sorted().enumerated() where index % 2 == 1 {
                cluster.namespaces[name] = nil
            }
            let injector = Injector(cluster: cluster)
            let whole = injector.run(stream)
            var pieces: [UInt8] = []
            let streamed = try injector.runStreaming(bytes) { pieces += $0 }
            if pieces != whole.bytes || streamed.reports != whole.reports {
                problems.append(url.lastPathComponent)
            }
            skipped +=
                whole.reports.filter {
                    if case .skipped(.namespaceNotDeclared) = $0.outcome { return true }
                    return false
                }.count
        }
        #expect(problems.isEmpty, "\(problems.prefix(10))")
        #expect(skipped > 50)
    }

    /// Pods of a namespace outside the mesh never reach the webhook: what their templates hold does not
    /// matter, in either run.
    @Test(arguments: [
        "kind: Deployment\nmetadata: {name: a, namespace: elsewhere}\nspec: 5\n",
        "kind: Deployment\nmetadata: {name: a, namespace: elsewhere}\nspec: {template: [1]}\n",
        "kind: Deployment\nmetadata: {name: a, namespace: elsewhere}\n",
        "kind: Deployment\nspec: {template: 5}\nmetadata: {name: a, namespace: elsewhere}\n",
    ])
    func namespaceOutsideTheMeshDecidesFirst(text: String) throws {
        let bytes = Array(text.utf8)
        let injector = Injector(cluster: Self.shop)
        let whole = injector.run(try Parser().parse(bytes))
        var pieces: [UInt8] = []
        let streamed = try injector.runStreaming(bytes) { pieces += $0 }
        #expect(whole.reports.map(\.outcome) == [.skipped(.namespaceNotDeclared("elsewhere"))])
        #expect(streamed.reports == whole.reports)
        #expect(pieces == bytes)
    }

    /// In the mesh, a template that is no mapping is still an error, at its place.
    @Test func malformedTemplateInTheMeshFails() throws {
        let bytes = Array("kind: Deployment\nmetadata: {name: a, namespace: shop}\nspec: 5\n".utf8)
        let injector = Injector(cluster: Self.shop)
        var pieces: [UInt8] = []
        let streamed = try injector.runStreaming(bytes) { pieces += $0 }
        #expect(streamed.reports.count == 1)
        #expect(streamed.reports.first?.isError == true)
        #expect(streamed.reports.first?.mark.line == 3)
        #expect(streamed.reports == injector.run(try Parser().parse(bytes)).reports)
    }

    @Test func emptyAndCommentOnlyInputsPassThrough() throws {
        let injector = Injector(cluster: ClusterState())
        for text in ["", "# only a comment\n", "---\n"] {
            var out: [UInt8] = []
            _ = try injector.runStreaming(Array(text.utf8)) { out += $0 }
            #expect(out == Array(text.utf8), "\(text)")
        }
    }

    /// The first pass reads only the parts that can declare state; a Namespace after its workloads, in the
    /// implicit first document or behind comments still counts, and reads alike when the bytes cannot be split.
    @Test(arguments: [
        "kind: Pod\nmetadata: {name: a, namespace: shop}\nspec: {containers: [{name: c, image: i}]}\n---\n# later\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {openservicemesh.io/monitored-by: osm}\n  annotations: {openservicemesh.io/sidecar-injection: enabled}\n",
        "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: {openservicemesh.io/monitored-by: osm}\n  annotations: {openservicemesh.io/sidecar-injection: enabled}\n---\nkind: Pod\nmetadata: {name: a, namespace: shop}\nspec: {containers: [{name: c, image: i}]}\n",
        "%YAML 1.1\n---\nkind: Pod\nmetadata: {name: a, namespace: shop}\nspec: {containers: [{name: c, image: i}]}\n---\nkind: \"Name\\x73pace\"\nmetadata:\n  name: shop\n  labels: {openservicemesh.io/monitored-by: osm}\n  annotations: {openservicemesh.io/sidecar-injection: enabled}\n",
    ])
    func laterNamespacesCount(text: String) throws {
        let bytes = Array(text.utf8)
        let injector = Injector(cluster: ClusterState())
        let whole = injector.run(try Parser().parse(bytes))
        var streamed: [UInt8] = []
        let output = try injector.runStreaming(bytes) { streamed += $0 }
        #expect(streamed == whole.bytes)
        #expect(output.reports == whole.reports)
        #expect(output.reports.contains { $0.outcome == .injected })
    }

    static func pod(_ name: String) -> String {
        "apiVersion: v1\nkind: Pod\nmetadata: {name: \(name), namespace: shop}\nspec: {containers: [{name: c, image: i}]}\n"
    }

    static let shop = ClusterState(namespaces: [
        "shop": NamespaceInfo(
            name: "shop", labels: [OSMConstants.monitoredByLabel: "osm"],
            annotations: [OSMConstants.sidecarInjectionAnnotation: "enabled"])
    ])

    /// Many documents through the threads: a repeated identity (named after the documents before it) and
    /// the order of the output come out as in the in-memory run.
    @Test func repeatedIdentitiesAcrossManyDocuments() throws {
        let text = (0..<300).map { Self.pod("p\($0 % 7)") + "---\nkind: Service\nmetadata: {name: s\($0)}\n" }
            .joined(separator: "---\n")
        let bytes = Array(text.utf8)
        let injector = Injector(cluster: Self.shop)
        let whole = injector.run(try Parser().parse(bytes))
        var streamed: [UInt8] = []
        let output = try injector.runStreaming(bytes) { streamed += $0 }
        #expect(streamed == whole.bytes)
        #expect(output.reports == whole.reports)
        #expect(whole.secrets.count == 300)
        // Written into the stream, the Secrets are not held as well: memory does not grow with the output.
        #expect(output.secrets.isEmpty)
        var apart = injector
        apart.secrets.inline = false
        let kept = try apart.runStreaming(bytes) { _ in }
        #expect(kept.secrets == whole.secrets)
    }

    /// A syntax error deep in a long stream is the whole stream's first error, as the parser gives it.
    @Test func errorDeepInAStream() throws {
        var documents = (0..<200).map { Self.pod("p\($0)") }
        documents[150] = "kind: Pod\nmetadata: {name: [broken\n"
        let bytes = Array(documents.joined(separator: "---\n").utf8)
        var expected: YAMLError?
        do { _ = try Parser().parse(bytes) } catch { expected = error }
        var streamedError: YAMLError?
        do { _ = try Injector(cluster: Self.shop).runStreaming(bytes) { _ in } } catch { streamedError = error }
        #expect(expected != nil)
        #expect(streamedError == expected)
    }
}
