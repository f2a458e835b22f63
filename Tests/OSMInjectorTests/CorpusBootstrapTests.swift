import Foundation
import Testing
import LosslessYAML
@testable import OSMInjector

/// Every bootstrap Secret emitted over the whole corpus decodes, and its `bootstrap.yaml` parses and has the
/// structure Envoy's v3 bootstrap expects (admin, ADS over gRPC to the osm-controller cluster, node id,
/// probe clusters and listeners that reference each other).
@Suite struct CorpusBootstrapTests {
    @Test func everyEmittedBootstrapHasEnvoysV3Structure() throws {
        var problems: [String] = []
        var checked = 0
        for url in corpusManifests() {
            guard let stream = try? Parser().parse(Array(try Data(contentsOf: url))) else { continue }
            let output = Injector(cluster: everyNamespaceEnabled(stream)).run(stream)
            if output.hasErrors { continue }
            for secret in output.secrets {
                checked += 1
                if let problem = Self.problem(in: secret) { problems.append("\(url.lastPathComponent): \(problem)") }
            }
        }
        #expect(checked > 500)
        #expect(problems.isEmpty, "\(problems.prefix(10))")
    }

    /// What is wrong with one Secret document, or nil.
    static func problem(in secret: [UInt8]) -> String? {
        guard let stream = try? Parser().parse(secret), let document = stream.documents.first,
            let value = try? ValueConverter(document: document).value(of: document.root)
        else { return "Secret does not parse" }
        guard value["kind"] == .string("Secret"), case .string(let name)? = value["metadata"]?["name"],
            name.hasPrefix("envoy-bootstrap-config-")
        else { return "not a bootstrap Secret" }
        for key in ["bootstrap.yaml", "tls_certificate_sds_secret.yaml", "validation_context_sds_secret.yaml"] {
            guard case .string(let base64)? = value["data"]?[key], let data = Data(base64Encoded: base64),
                let file = try? Parser().parse(Array(data)), file.documents.count == 1
            else { return "\(key) missing or not YAML" }
        }
        guard case .string(let base64)? = value["data"]?["bootstrap.yaml"], let data = Data(base64Encoded: base64),
            let file = try? Parser().parse(Array(data)), let root = file.documents.first,
            let bootstrap = try? ValueConverter(document: root).value(of: root.root)
        else { return "bootstrap.yaml" }
        guard bootstrap["admin"]?["address"]?["socket_address"]?["port_value"] == .int(15000) else {
            return "admin address"
        }
        guard bootstrap["dynamic_resources"]?["ads_config"]?["api_type"] == .string("GRPC"),
            bootstrap["dynamic_resources"]?["cds_config"]?["resource_api_version"] == .string("V3"),
            bootstrap["dynamic_resources"]?["lds_config"]?["resource_api_version"] == .string("V3")
        else { return "dynamic resources" }
        guard case .string(let nodeID)? = bootstrap["node"]?["id"], nodeID.contains(".sidecar."),
            nodeID.hasPrefix(String(name.dropFirst("envoy-bootstrap-config-".count)))
        else { return "node.id" }
        guard case .sequence(let clusters)? = bootstrap["static_resources"]?["clusters"],
            clusters.first?["name"] == .string("osm-controller")
        else { return "osm-controller cluster" }
        let clusterNames = Set(
            clusters.compactMap { cluster -> String? in
                if case .string(let n)? = cluster["name"] { return n }
                return nil
            })
        if case .sequence(let listeners)? = bootstrap["static_resources"]?["listeners"] {
            for listener in listeners {
                guard case .int(let port)? = listener["address"]?["socket_address"]?["port_value"],
                    [15901, 15902, 15903].contains(port)
                else { return "listener port" }
                guard case .sequence(let chains)? = listener["filter_chains"], !chains.isEmpty else {
                    return "filter chains"
                }
                let text = String(describing: chains)
                for cluster in ["liveness_cluster", "readiness_cluster", "startup_cluster"]
                where text.contains("\"\(cluster)\"") && !clusterNames.contains(cluster) {
                    return "listener routes to missing \(cluster)"
                }
            }
        }
        return nil
    }
}
