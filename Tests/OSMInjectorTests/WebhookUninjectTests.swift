import Foundation
import Testing
import LosslessYAML
@testable import OSMInjector

/// A sidecar injected by OSM's webhook (its Secret carries no restore log) is uninjected from what the pod
/// and its bootstrap Secret tell.
@Suite struct WebhookUninjectTests {
    static let input = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/inject/basic-deployment/input.yaml")

    /// The injected stream with the restore log taken out of its Secret, as the webhook's Secret would be.
    private func webhookStyle(_ bytes: [UInt8], cluster: ClusterState) throws -> [UInt8] {
        let injected = Injector(cluster: cluster).run(try Parser().parse(bytes))
        let stream = try Parser().parse(injected.bytes)
        var out: [UInt8] = []
        for document in stream.documents {
            let root = ObjectView(document: document)
            if (try? root.string("kind")) == "Secret", let metadata = try root.mapping("metadata") {
                var editor = DocumentEditor(source: stream.source, document: document)
                try editor.removePair("annotations", from: metadata.node)
                out += try editor.output()
            } else {
                out += stream.bytes(of: document)
            }
        }
        return out
    }

    @Test func removesTheSidecarAndRestoresProbesFromTheBootstrap() throws {
        let original = Array(try Data(contentsOf: Self.input))
        let stream = try Parser().parse(original)
        var cluster = ClusterState()
        for document in stream.documents { try cluster.absorb(document) }
        let injected = try webhookStyle(original, cluster: cluster)
        #expect(!String(decoding: injected, as: UTF8.self).contains(RestoreLog.annotation))

        let undone = Injector(cluster: cluster, mode: .uninject).run(try Parser().parse(injected))
        #expect(!undone.hasErrors, "\(undone.reports.map(\.line))")
        let text = String(decoding: undone.bytes, as: UTF8.self)
        #expect(!text.contains("kind: Secret"))
        #expect(!text.contains("envoy"))
        #expect(!text.contains("osm-"))
        // Everything comes back but the named probe port, which the bootstrap only knows as a number.
        let expected = String(decoding: original, as: UTF8.self)
            .replacingOccurrences(of: "              port: http\n", with: "              port: 8080\n")
        #expect(text == expected)
    }

    @Test func withoutItsSecretUninjectChangesNothing() throws {
        let original = Array(try Data(contentsOf: Self.input))
        let stream = try Parser().parse(original)
        var cluster = ClusterState()
        for document in stream.documents { try cluster.absorb(document) }
        var injector = Injector(cluster: cluster)
        injector.emitsBootstrapSecrets = false
        let injected = injector.run(stream).bytes
        let undone = Injector(cluster: cluster, mode: .uninject).run(try Parser().parse(injected))
        #expect(undone.hasErrors)
        #expect(undone.reports.contains { $0.line.contains("bootstrap Secret is not in the input") })
    }
}
