import LosslessYAML

/// Writes the bootstrap Secret document for one injected workload.
enum BootstrapSecretWriter {
    static func secret(uuid: String, namespace: String, serviceAccount: String, probes: ProbeSet,
                       cluster: ClusterState) throws(InjectionError) -> [UInt8] {
        []
    }
}
