import Foundation
import Testing
import LosslessYAML
@testable import OSMInjector

/// Injects into the whole shared corpus with every namespace in the mesh, and checks the output.
@Suite struct CorpusInjectionTests {
    @Test func everyOutputReparsesWithOneEnvoyPerInjectedWorkload() throws {
        var problems: [String] = []
        var injected = 0
        var twoMeshFiles = 0
        for url in corpusManifests() {
            let bytes = Array(try Data(contentsOf: url))
            guard let stream = try? Parser().parse(bytes) else { continue }
            let cluster = everyNamespaceEnabled(stream)
            var injector = Injector(cluster: cluster)
            injector.emitsBootstrapSecrets = false
            let output = injector.run(stream)
            for report in output.reports {
                guard case .failed(let error) = report.outcome else { continue }
                // The only refusals the corpus may cause: a second envoy (Contour ships one), OSM's own checks,
                // annotations Kubernetes itself would refuse (unquoted booleans), and keys written twice, which
                // kubectl's strict validation refuses too. Another mesh's sidecar is no refusal: the webhook
                // injects such a pod, and so does osm-inject, with a warning.
                let expected = ["already has a container named", "Invalid", "must be a string", "duplicate key"]
                if !expected.contains(where: { error.message.contains($0) }) {
                    problems.append("\(url.lastPathComponent): \(report.line)")
                }
            }
            if output.hasErrors { continue }
            if output.reports.contains(where: { $0.warnings.contains { $0.contains("so it is now in two meshes") } }) {
                twoMeshFiles += 1
            }
            injected += output.reports.filter { $0.outcome == .injected }.count
            guard let reparsed = try? Parser().parse(output.bytes) else {
                problems.append("\(url.path): output does not parse")
                continue
            }
            // Documents with no injected workload are byte-identical.
            let injectedStarts = Set(output.reports.filter { $0.outcome == .injected }.map(\.mark.offset))
            for document in stream.documents
            where !injectedStarts.contains(where: { document.range.bytes.contains($0) }) {
                if output.bytes.firstRange(of: Array(stream.bytes(of: document))) == nil {
                    problems.append("\(url.path): untouched document \(document.index) changed")
                }
            }
            for document in reparsed.documents {
                problems += envoyCountProblems(ObjectView(document: document), file: url.lastPathComponent)
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(20))")
        #expect(injected > 500, "only \(injected) workloads injected")
        // The corpus's Istio and Linkerd workloads (14 files) are injected, each with its warning.
        #expect(twoMeshFiles >= 14, "only \(twoMeshFiles) files with another mesh's sidecar injected")
    }

    /// Every injected pod template carries exactly one envoy container.
    private func envoyCountProblems(_ object: ObjectView, file: String) -> [String] {
        guard object.node.pairs != nil, let kind = try? object.string("kind") else { return [] }
        if WorkloadKinds.isList(kind) {
            return ((try? object.sequence("items")) ?? []).flatMap { envoyCountProblems($0, file: file) }
        }
        guard let path = WorkloadKinds.templatePath(of: kind) else { return [] }
        var view: ObjectView? = object
        for key in path { view = try? view?.mapping(key) }
        guard let template = view, let pod = try? PodTemplateView(template: template),
            let volumes = try? pod.volumes(),
            volumes.contains(where: { (try? $0.string("name")) == OSMConstants.envoyBootstrapConfigVolumeName }),
            let containers = try? pod.containers()
        else { return [] }
        let envoys = containers.filter { $0.name == "envoy" }.count
        return envoys == 1 ? [] : ["\(file): \(kind) has \(envoys) envoy containers"]
    }
}
