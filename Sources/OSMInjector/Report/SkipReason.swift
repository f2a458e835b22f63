/// Why a workload was left without a sidecar: a closed set, one sentence each.
public enum SkipReason: Sendable, Equatable {
    case hostNetwork
    case systemNamespace(String)
    case osmNamespace(String)
    case namespaceNotDeclared(String)
    case namespaceNotMonitored(namespace: String, mesh: String)
    case namespaceIgnored(String)
    case namespaceIsControlPlane(String)
    case namespaceNamedOSM(namespace: String, osmNamespace: String)
    case podDisabled
    case notEnabled(String)
    case noPodTemplate(String)

    /// The sentence printed after `skipped: `.
    public var sentence: String {
        switch self {
        case .hostNetwork:
            return "the pod uses the host network"
        case .systemNamespace(let ns):
            return "namespace \"\(ns)\" is a Kubernetes system namespace"
        case .osmNamespace(let ns):
            return "namespace \"\(ns)\" is the OSM control plane namespace"
        case .namespaceNotDeclared(let ns):
            return "namespace \"\(ns)\" is not declared (add its Namespace object to the input or to --config), "
                + "so it is not monitored"
        case .namespaceNotMonitored(let ns, let mesh):
            return "namespace \"\(ns)\" is not monitored by mesh \"\(mesh)\""
        case .namespaceIgnored(let ns):
            return "namespace \"\(ns)\" carries the label openservicemesh.io/ignore"
        case .namespaceIsControlPlane(let ns):
            return "namespace \"\(ns)\" carries the label control-plane"
        case .namespaceNamedOSM(let ns, let osm):
            return "namespace \"\(ns)\" carries the label name: \(osm), which the webhook excludes"
        case .podDisabled:
            return "the pod's openservicemesh.io/sidecar-injection annotation disables injection"
        case .notEnabled(let ns):
            return "neither the pod nor namespace \"\(ns)\" enables injection with openservicemesh.io/sidecar-injection"
        case .noPodTemplate(let path):
            return "it has no pod template at \(path) (a patch or an incomplete object)"
        }
    }
}
