import Foundation
import Testing

/// The command line of `osm-inject metrics`.
@Suite struct MetricsCommandTests {
    static let cluster =
        "kind: Namespace\nmetadata:\n  name: shop\n  labels:\n    openservicemesh.io/monitored-by: osm\n"

    @Test(arguments: [
        ["metrics", "enable", "shop", "-c", "ns.yaml"],
        ["metrics", "disable", "--namespace", "shop"],
        ["metrics", "enable", "--namespace", "shop", "-f", "-"],
        ["metrics", "toggle", "--namespace", "shop", "-c", "ns.yaml"],
        ["metrics", "enable", "--namespace", "-c", "ns.yaml"],
    ])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        let folder = try NamespaceScratch.folder(["ns.yaml": Self.cluster])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runTool(arguments, in: folder)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(try NamespaceScratch.text(folder, "ns.yaml") == Self.cluster)
    }

    @Test func workloadsWithoutANamespaceAreInTheDefaultOne() throws {
        let pod = "kind: Pod\nmetadata:\n  name: p\n  labels:\n    osm-proxy-uuid: u\n"
        let folder = try NamespaceScratch.folder(["ns.yaml": Self.cluster, "pod.yaml": pod])
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(
            try runTool(["metrics", "enable", "--namespace", "shop", "-c", "ns.yaml", "-f", "pod.yaml"], in: folder)
                .status == 0)
        #expect(try NamespaceScratch.text(folder, "pod.yaml") == pod, "the pod is in namespace default")
        let argo = try runTool(
            ["metrics", "enable", "--namespace", "shop", "-c", "ns.yaml", "-f", "pod.yaml"], in: folder,
            environment: ["ARGOCD_APP_NAMESPACE": "shop"])
        #expect(argo.status == 0)
        #expect(
            try NamespaceScratch.text(folder, "pod.yaml") == pod
                + "  annotations:\n    prometheus.io/scrape: \"true\"\n"
                + "    prometheus.io/port: \"15010\"\n    prometheus.io/path: /stats/prometheus\n")
    }

    @Test func anUnreadableInjectedTemplateIsAnError() throws {
        let pod = "kind: Pod\nmetadata:\n  name: p\n  labels:\n    osm-proxy-uuid: u\n  annotations: [x]\n"
        let folder = try NamespaceScratch.folder(["ns.yaml": Self.cluster, "pod.yaml": pod])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try runTool(
            ["metrics", "enable", "--namespace", "shop", "-c", "ns.yaml", "-f", "pod.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix("pod.yaml:6:16: error: metadata.annotations must be a mapping"), "\(result.stderr)")
    }
}
