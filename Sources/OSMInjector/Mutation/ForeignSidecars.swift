import LosslessYAML

/// Refuses a pod that already carries another service mesh's proxy: two meshes would both intercept its
/// traffic (the webhook itself would add a second proxy; osm-inject says no instead).
enum ForeignSidecars {
    /// Container names of other meshes' proxies, and the mesh each belongs to.
    static let proxies: [String: String] = [
        "linkerd-proxy": "Linkerd", "istio-proxy": "Istio", "kuma-sidecar": "Kuma",
        "consul-dataplane": "Consul", "consul-connect-envoy-sidecar": "Consul",
    ]
    /// Init container names of other meshes.
    static let initContainers: [String: String] = [
        "linkerd-init": "Linkerd", "istio-init": "Istio", "istio-validation": "Istio", "kuma-init": "Kuma",
        "consul-connect-inject-init": "Consul",
    ]

    /// Throws when a container or init container belongs to another mesh.
    static func check(containers: [ContainerView], initContainers initViews: [ObjectView]) throws(InjectionError) {
        for container in containers {
            if let mesh = proxies[container.name] {
                throw InjectionError("the pod already carries \(mesh)'s sidecar (container \"\(container.name)\"); uninject it before adding OSM's", at: container.view.node.range.start)
            }
        }
        for view in initViews {
            let name = ((try? view.string("name")) ?? nil) ?? ""
            if let mesh = initContainers[name] {
                throw InjectionError("the pod already carries \(mesh)'s init container \"\(name)\"; uninject it before adding OSM's sidecar", at: view.node.range.start)
            }
        }
    }
}
