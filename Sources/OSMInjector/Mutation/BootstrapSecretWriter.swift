import LosslessYAML

/// Writes the bootstrap Secret document the webhook would create for one injected pod.
enum BootstrapSecretWriter {
    /// The Secret as YAML text (without a `---` line).
    static func secret(
        uuid: String, namespace: String, serviceAccount: String, probes: ProbeSet,
        restore: RestoreLog, cluster: ClusterState,
        options: SecretOptions = SecretOptions(),
        carried: [String: String] = [:]
    ) throws(InjectionError) -> [UInt8] {
        let mesh = cluster.meshConfig
        let config = BootstrapConfig(
            nodeID: BootstrapConfig.nodeID(
                proxyUUID: uuid, serviceAccount: serviceAccount, namespace: namespace,
                trustDomain: cluster.settings.trustDomain),
            xdsHost: BootstrapConfig.xdsHost(osmNamespace: cluster.osmNamespace),
            // The builder takes Go strings: an absent version is "", which like TLS_AUTO is left out.
            tlsMinProtocolVersion: mesh.tlsMinProtocolVersion ?? "",
            tlsMaxProtocolVersion: mesh.tlsMaxProtocolVersion ?? "",
            cipherSuites: mesh.cipherSuites, ecdhCurves: mesh.ecdhCurves,
            probes: BootstrapProbes(
                liveness: probes.liveness.map(bootstrapProbe), readiness: probes.readiness.map(bootstrapProbe),
                startup: probes.startup.map(bootstrapProbe)))
        var secret = BootstrapSecret(
            proxyUUID: uuid, namespace: namespace, meshName: cluster.settings.meshName,
            osmVersion: cluster.settings.osmVersion, config: config)
        secret.annotations = carried.merging([RestoreLog.annotation: restore.encoded()]) { _, ours in ours }
        if let issuer = options.issuer {
            secret.certificates = try issuer.issue(
                commonName: config.nodeID,
                keyBits: CertificateIssuer.keyBits(forCertKeyBitSize: mesh.certKeyBitSize),
                notBefore: options.notBefore)
        }
        return try renderCache.yaml(of: secret)
    }

    /// The Secrets' parts kept for the whole run, shared by the workers.
    private static let renderCache = BootstrapRenderCache()

    private static func bootstrapProbe(_ probe: OriginalProbe) -> BootstrapProbe {
        BootstrapProbe(
            path: probe.path, port: Int32(truncatingIfNeeded: probe.port),
            timeoutSeconds: Int32(clamping: probe.timeoutSeconds),
            kind: probe.isTCPSocket ? .tcp : (probe.isHTTP ? .http : .https))
    }
}
