/// Decides, as v1.2.4's admission path does, whether a pod gets a sidecar: the webhook's namespace selector
/// at the API server first, then `mustInject` in the webhook's order.
public enum InjectionDecision {
    /// The outcome for one pod.
    public enum Outcome: Sendable, Equatable {
        case inject
        case skip(SkipReason)
    }

    /// Decides for `pod` in `namespace`; throws exactly where the webhook would reject the pod.
    public static func decide(pod: PodTemplateView, namespace: String,
                              cluster: ClusterState) throws(InjectionError) -> Outcome {
        let mesh = cluster.settings.meshName
        let osmNamespace = cluster.osmNamespace
        // The MutatingWebhookConfiguration's namespaceSelector: without a match the webhook is never called.
        guard let ns = cluster.namespaces[namespace] else { return .skip(.namespaceNotDeclared(namespace)) }
        guard ns.labels[OSMConstants.monitoredByLabel] == mesh else {
            return .skip(.namespaceNotMonitored(namespace: namespace, mesh: mesh))
        }
        if ns.labels[OSMConstants.ignoreLabel] != nil { return .skip(.namespaceIgnored(namespace)) }
        // v0.11–v1.2.4 select on the `name` label, not `kubernetes.io/metadata.name`.
        if ns.labels["name"] == osmNamespace {
            return .skip(.namespaceNamedOSM(namespace: namespace, osmNamespace: osmNamespace))
        }
        if ns.labels["control-plane"] != nil { return .skip(.namespaceIsControlPlane(namespace)) }

        // The webhook's own checks, in order.
        if try pod.hostNetwork() { return .skip(.hostNetwork) }
        if namespace == "kube-system" || namespace == "kube-public" { return .skip(.systemNamespace(namespace)) }
        if namespace == osmNamespace { return .skip(.osmNamespace(namespace)) }
        let podAnnotation: InjectionAnnotation?
        let namespaceAnnotation: InjectionAnnotation?
        do {
            podAnnotation = try InjectionAnnotation.read(from: pod.annotations)
        } catch {
            throw InjectionError(error.message, at: pod.annotationMark(OSMConstants.sidecarInjectionAnnotation))
        }
        do {
            namespaceAnnotation = try InjectionAnnotation.read(from: ns.annotations)
        } catch {
            throw InjectionError("\(error.message) (on namespace \"\(namespace)\")")
        }
        switch (podAnnotation, namespaceAnnotation) {
        case (.enabled?, _): return .inject
        case (.disabled?, _): return .skip(.podDisabled)
        case (nil, .enabled?): return .inject
        default: return .skip(.notEnabled(namespace))
        }
    }
}
