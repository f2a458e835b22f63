import LosslessYAML

/// Finds another service mesh's proxy in a pod: the webhook injects such a pod like any other, so it is only
/// worth a warning (a pod in two meshes, both intercepting its traffic, is almost always a mistake).
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

    /// One warning for each container or init container that belongs to another mesh, in pod order.
    static func warnings(containers: [ContainerView], initContainers initViews: [ObjectView]) -> [String] {
        var warnings: [String] = []
        for view in initViews {
            let name = ((try? view.string("name")) ?? nil) ?? ""
            if let mesh = initContainers[name] {
                warnings.append(WorkloadWarning.otherMeshInitContainer(mesh: mesh, name: name))
            }
        }
        for container in containers {
            if let mesh = proxies[container.name] {
                warnings.append(WorkloadWarning.otherMeshSidecar(mesh: mesh, container: container.name))
            }
        }
        return warnings
    }
}
