/// Decides, as v1.2.4's admission path does, whether a pod gets a sidecar: the webhook's namespace selector
/// at the API server first, then `mustInject` in the webhook's order.
public enum InjectionDecision {
    /// The outcome for one pod.
    public enum Outcome: Sendable, Equatable {
        case inject
        case skip(SkipReason)
    }

    /// Decides for `pod` in `namespace`; throws exactly where the webhook would reject the pod.
    public static func decide(
        pod: PodTemplateView, namespace: String,
        cluster: ClusterState
    ) throws(InjectionError) -> Outcome {
        var untraced: [String]?
        return try decide(pod: pod, namespace: namespace, cluster: cluster, trace: &untraced)
    }

    /// Decides as `decide(pod:namespace:cluster:)` and appends to `passed` one sentence for each check that
    /// passed, in the order they are made (the trace `--verbose` prints).
    public static func decide(
        pod: PodTemplateView, namespace: String, cluster: ClusterState,
        passed: inout [String]
    ) throws(InjectionError) -> Outcome {
        var trace: [String]? = passed
        defer { passed = trace ?? [] }
        return try decide(pod: pod, namespace: namespace, cluster: cluster, trace: &trace)
    }

    /// Why the webhook never sees pods of `namespace` (its namespaceSelector, and the namespace labels OSM
    /// excludes), or nil when it does: this depends on the namespace alone, so it is decided before the pod is read.
    public static func namespaceSkip(_ namespace: String, cluster: ClusterState) -> SkipReason? {
        var untraced: [String]?
        return namespaceSkip(namespace, cluster: cluster, trace: &untraced)
    }

    /// `namespaceSkip`, appending the sentences of the checks passed to `passed` unless it is nil.
    private static func namespaceSkip(
        _ namespace: String, cluster: ClusterState,
        trace passed: inout [String]?
    ) -> SkipReason? {
        let mesh = cluster.settings.meshName
        let osmNamespace = cluster.osmNamespace
        // The MutatingWebhookConfiguration's namespaceSelector: without a match the webhook is never called.
        guard let ns = cluster.namespaces[namespace] else { return .namespaceNotDeclared(namespace) }
        passed?.append("namespace \"\(namespace)\" is declared")
        guard ns.labels[OSMConstants.monitoredByLabel] == mesh else {
            return .namespaceNotMonitored(namespace: namespace, mesh: mesh)
        }
        passed?.append("namespace \"\(namespace)\" is monitored by mesh \"\(mesh)\"")
        if ns.labels[OSMConstants.ignoreLabel] != nil { return .namespaceIgnored(namespace) }
        passed?.append("namespace \"\(namespace)\" carries no label \(OSMConstants.ignoreLabel)")
        // v0.11–v1.2.4 select on the `name` label, not `kubernetes.io/metadata.name`.
        if ns.labels["name"] == osmNamespace {
            return .namespaceNamedOSM(namespace: namespace, osmNamespace: osmNamespace)
        }
        passed?.append("namespace \"\(namespace)\" carries no label name: \(osmNamespace)")
        if ns.labels["control-plane"] != nil { return .namespaceIsControlPlane(namespace) }
        passed?.append("namespace \"\(namespace)\" carries no label control-plane")
        return nil
    }

    /// Decides, appending the sentences of the checks passed to `passed` unless it is nil (then none is made).
    private static func decide(
        pod: PodTemplateView, namespace: String, cluster: ClusterState,
        trace passed: inout [String]?
    ) throws(InjectionError) -> Outcome {
        if let reason = namespaceSkip(namespace, cluster: cluster, trace: &passed) { return .skip(reason) }
        guard let ns = cluster.namespaces[namespace] else { return .skip(.namespaceNotDeclared(namespace)) }
        let osmNamespace = cluster.osmNamespace

        // The webhook's own checks, in order.
        if try pod.hostNetwork() { return .skip(.hostNetwork) }
        passed?.append("the pod does not use the host network")
        if namespace == "kube-system" || namespace == "kube-public" { return .skip(.systemNamespace(namespace)) }
        passed?.append("namespace \"\(namespace)\" is not a Kubernetes system namespace")
        if namespace == osmNamespace { return .skip(.osmNamespace(namespace)) }
        passed?.append("namespace \"\(namespace)\" is not the OSM control plane namespace \"\(osmNamespace)\"")
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
        let outcome: Outcome
        switch (podAnnotation, namespaceAnnotation) {
        case (.enabled?, _): outcome = .inject
        case (.disabled?, _): outcome = .skip(.podDisabled)
        case (nil, .enabled?): outcome = .inject
        default: outcome = .skip(.notEnabled(namespace))
        }
        if passed != nil {
            passed? += annotationChecks(
                pod: pod.annotations, namespace: namespace, annotations: ns.annotations,
                decidedByPod: podAnnotation != nil, outcome: outcome)
        }
        return outcome
    }

    /// The sentences for the two `sidecar-injection` annotations, once both were read without error.
    private static func annotationChecks(
        pod: [String: String], namespace: String, annotations: [String: String],
        decidedByPod: Bool, outcome: Outcome
    ) -> [String] {
        let key = OSMConstants.sidecarInjectionAnnotation
        var checks: [String] = []
        if let value = pod[key] {
            if outcome == .inject { checks.append("the pod's annotation \(key): \(value) enables injection") }
        } else {
            checks.append("the pod has no annotation \(key), so the namespace's decides")
        }
        if let value = annotations[key] {
            let enables = !decidedByPod && outcome == .inject
            checks.append(
                "namespace \"\(namespace)\"'s annotation \(key): \(value) "
                    + (enables ? "enables injection" : "is valid"))
        }
        return checks
    }
}
