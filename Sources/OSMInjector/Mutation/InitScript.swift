import LosslessYAML

/// The `osm-init` script for one pod: its exclusion annotations merged with the MeshConfig's lists.
enum InitScript {
    /// The script and the warnings about values v1.2.4 accepts but the kernel will refuse.
    static func make(
        podAnnotations: [String: String], meshConfig: MeshConfig,
        pod: PodTemplateView
    ) throws(InjectionError) -> (String, [String]) {
        let exclusions: TrafficExclusions
        do {
            exclusions = try TrafficExclusions(podAnnotations: podAnnotations, global: meshConfig.trafficExclusions)
        } catch {
            // A MeshConfig read from a file was checked when read; one built in code has no position in this file.
            let mark = error.key.hasPrefix("spec.") ? nil : pod.annotationMark(error.key)
            throw InjectionError(error.message, at: mark)
        }
        return (
            IptablesScript.render(localProxyMode: meshConfig.localProxyMode, exclusions: exclusions),
            exclusions.warnings
        )
    }
}
