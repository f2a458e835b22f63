/// `osm metrics enable|disable --namespace NS[,NS...]` on files: OSM v1.2.4's `metricsEnableCmd.run` and
/// `metricsDisableCmd.run`, the already-injected pods being the injected pod templates of the sources.
public struct MetricsSwitch: Sendable {
    /// True for `enable`, false for `disable`.
    public var enables: Bool

    public init(enables: Bool) {
        self.enables = enables
    }

    /// Switches metrics in each namespace (its name trimmed of white space) and on its injected pods.
    public func run(_ names: [String], in session: inout EnrolmentSession) throws(EnrolmentError) {
        for rawName in names {
            let name = GoStrings.trimSpace(rawName)
            guard let state = session.namespace(name) else {
                throw EnrolmentError(EnrolmentMessages.failedToRetrieve(name, reason: EnrolmentMessages.notFound(name)))
            }
            try checkMonitored(state, in: session)
            var namespaceChanges = MetadataChanges()
            namespaceChanges.set(.annotations, OSMConstants.metricsAnnotation, to: enables ? "enabled" : nil)
            session.change(namespace: name, namespaceChanges)
            var podChanges = MetadataChanges()
            podChanges.set(.annotations, OSMConstants.prometheusScrapeAnnotation, to: enables ? "true" : nil)
            podChanges.set(
                .annotations, OSMConstants.prometheusPortAnnotation,
                to: enables ? String(OSMConstants.envoyPrometheusInboundListenerPort) : nil)
            podChanges.set(
                .annotations, OSMConstants.prometheusPathAnnotation,
                to: enables ? OSMConstants.prometheusScrapePath : nil)
            for pod in try session.injectedPods(in: name) { session.change(pod: pod, podChanges) }
            session.say(EnrolmentMessages.metricsSwitched(name, enabled: enables))
        }
    }

    /// OSM's `isMonitoredNamespace`: the monitor label must be present, not empty, and name a known mesh (the
    /// meshes of the declared `osm-controller` Deployments; when the sources declare none, any mesh).
    private func checkMonitored(_ state: NamespaceState, in session: EnrolmentSession) throws(EnrolmentError) {
        guard let mesh = state.monitoredBy else {
            throw EnrolmentError(
                EnrolmentMessages.notInMesh(state.name),
                at: session.location(ofLabel: OSMConstants.monitoredByLabel, in: state.name))
        }
        let location = session.location(ofLabel: OSMConstants.monitoredByLabel, in: state.name)
        guard !mesh.isEmpty else { throw EnrolmentError(EnrolmentMessages.emptyMonitorLabel(state.name), at: location) }
        if let meshes = session.controlPlane.controllerMeshNames, !meshes.contains(mesh) {
            throw EnrolmentError(
                EnrolmentMessages.invalidMeshName(mesh, namespace: state.name, meshes: meshes), at: location)
        }
    }
}
