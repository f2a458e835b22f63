import LosslessYAML

/// One original health probe as OSM v1.2.4's webhook records it before rewriting (`models.HealthProbe`).
public struct BootstrapProbe: Sendable, Hashable {
    /// What the probe originally was.
    public enum Kind: Sendable, Hashable {
        /// `httpGet` with scheme empty or exactly `HTTP`.
        case http
        /// `httpGet` with any other scheme (v1.2.4: `IsHTTP` false, `IsTCPSocket` false).
        case https
        /// `tcpSocket` (served by osm-healthcheck; adds nothing to the bootstrap).
        case tcp
    }

    /// The original `httpGet.path` (empty for TCP probes).
    public var path: String
    /// The original port, resolved (0 when a named port did not resolve).
    public var port: Int32
    /// The probe's `timeoutSeconds` (0 when unset).
    public var timeoutSeconds: Int32
    /// What the probe originally was.
    public var kind: Kind

    /// A recorded probe.
    public init(path: String, port: Int32, timeoutSeconds: Int32 = 0, kind: Kind) {
        self.path = path
        self.port = port
        self.timeoutSeconds = timeoutSeconds
        self.kind = kind
    }
}

/// The one probe per type that v1.2.4 keeps for a whole pod (`models.HealthProbes`).
public struct BootstrapProbes: Sendable, Equatable {
    /// The liveness probe kept for the pod.
    public var liveness: BootstrapProbe?
    /// The readiness probe kept for the pod.
    public var readiness: BootstrapProbe?
    /// The startup probe kept for the pod.
    public var startup: BootstrapProbe?

    /// The given probes (none by default).
    public init(liveness: BootstrapProbe? = nil, readiness: BootstrapProbe? = nil, startup: BootstrapProbe? = nil) {
        self.liveness = liveness
        self.readiness = readiness
        self.startup = startup
    }

    /// v1.2.4's `rewriteHealthProbes`: containers in `spec.containers` order, and for each type the recorded probe
    /// of a later container replaces the earlier one. Recorded means `httpGet` or `tcpSocket`; exec/grpc probes
    /// record nothing and so never replace. A later TCP (or HTTPS) probe does replace an earlier HTTP one, which
    /// leaves the earlier container's probe, already rewritten to `/osm-<type>-probe` on port 1590x, without a route.
    public static func lastWins(_ containers: [BootstrapProbes]) -> BootstrapProbes {
        var merged = BootstrapProbes()
        for container in containers {
            if let p = container.liveness { merged.liveness = p }
            if let p = container.readiness { merged.readiness = p }
            if let p = container.startup { merged.startup = p }
        }
        return merged
    }
}

/// The inputs of OSM v1.2.4's Envoy bootstrap builder (`pkg/envoy/bootstrap.Builder`) and the document it builds.
public struct BootstrapConfig: Sendable, Equatable {
    /// `node.id`: in v1.2.4 the full xDS certificate common name `<uuid>.sidecar.<sa>.<ns>.<trustDomain>`.
    public var nodeID: String
    /// Host of the `osm-controller` cluster, `osm-controller.<osm-ns>.svc.cluster.local`.
    public var xdsHost: String
    /// MeshConfig `spec.sidecar.tlsMinProtocolVersion` (a `TlsProtocol` enum name; others mean `TLS_AUTO`).
    public var tlsMinProtocolVersion: String
    /// MeshConfig `spec.sidecar.tlsMaxProtocolVersion`.
    public var tlsMaxProtocolVersion: String
    /// MeshConfig `spec.sidecar.cipherSuites`.
    public var cipherSuites: [String]
    /// MeshConfig `spec.sidecar.ecdhCurves`.
    public var ecdhCurves: [String]
    /// The pod's original probes, one per type.
    public var probes: BootstrapProbes

    /// Builder inputs; the TLS defaults are the MeshConfig CRD defaults.
    public init(
        nodeID: String, xdsHost: String, tlsMinProtocolVersion: String = "TLSv1_2",
        tlsMaxProtocolVersion: String = "TLSv1_3", cipherSuites: [String] = [], ecdhCurves: [String] = [],
        probes: BootstrapProbes = BootstrapProbes()
    ) {
        self.nodeID = nodeID
        self.xdsHost = xdsHost
        self.tlsMinProtocolVersion = tlsMinProtocolVersion
        self.tlsMaxProtocolVersion = tlsMaxProtocolVersion
        self.cipherSuites = cipherSuites
        self.ecdhCurves = ecdhCurves
        self.probes = probes
    }

    /// The xDS certificate common name v1.2.4 uses as `node.id` (`NewXDSCertCNPrefix` plus the trust domain).
    public static func nodeID(
        proxyUUID: String, serviceAccount: String, namespace: String,
        trustDomain: String = OSMConstants.defaultTrustDomain
    ) -> String {
        "\(proxyUUID).sidecar.\(serviceAccount).\(namespace).\(trustDomain)"
    }

    /// `osm-controller.<osm-ns>.svc.cluster.local` (the `cluster.local` is fixed, whatever the trust domain).
    public static func xdsHost(osmNamespace: String) -> String {
        "\(OSMConstants.osmControllerName).\(osmNamespace).svc.cluster.local"
    }

    /// The bootstrap as yaml.v2 would hold it after `ghodss/yaml.JSONToYAML` of the protojson text: every
    /// mapping's keys in yaml.v2 order.
    public func document() -> YAMLValue {
        let (listeners, probeClusters) = ProbeListeners.resources(for: probes)
        var staticResources: [(String, YAMLValue)] = [("clusters", .sequence([controllerCluster()] + probeClusters))]
        if !listeners.isEmpty { staticResources.append(("listeners", .sequence(listeners))) }
        return YAMLValue.map([
            ("node", node()),
            ("admin", Self.admin()),
            ("dynamic_resources", Self.dynamicResources()),
            ("static_resources", .map(staticResources)),
        ]).sortedLikeGoYAMLv2()
    }

    /// `node`: the ID only (protojson leaves out an empty string, so an empty node ID gives `node: {}`).
    func node() -> YAMLValue {
        .map(nodeID.isEmpty ? [] : [("id", .string(nodeID))])
    }

    /// `admin`: the stdout access log and the admin listener on localhost.
    static func admin() -> YAMLValue {
        .map([
            (
                "access_log",
                .sequence([
                    .map([
                        ("name", .string(ProbeListeners.accessLoggerName)),
                        ("typed_config", .map([("@type", .string(ProbeListeners.stdoutAccessLogType))])),
                    ])
                ])
            ),
            (
                "address",
                ProbeListeners.socketAddress(
                    OSMConstants.localhostIPAddress,
                    port: Int32(OSMConstants.envoyAdminPort))
            ),
        ])
    }

    /// `dynamic_resources`: ADS over gRPC to the `osm-controller` cluster, for clusters and listeners.
    static func dynamicResources() -> YAMLValue {
        .map([
            (
                "ads_config",
                .map([
                    ("api_type", .string("GRPC")),
                    ("transport_api_version", .string("V3")),
                    (
                        "grpc_services",
                        .sequence([
                            .map([
                                ("envoy_grpc", .map([("cluster_name", .string(OSMConstants.osmControllerName))]))
                            ])
                        ])
                    ),
                    ("set_node_on_first_message_only", .bool(true)),
                ])
            ),
            ("cds_config", .map([("resource_api_version", .string("V3")), ("ads", .mapping([]))])),
            ("lds_config", .map([("resource_api_version", .string("V3")), ("ads", .mapping([]))])),
        ])
    }

    /// `bootstrap.yaml` exactly as v1.2.4 writes it (`utils.ProtoToYAML`).
    public func yaml() throws(InjectionError) -> [UInt8] {
        do {
            return try Emitter(policy: .goYAMLv2).emit(document())
        } catch {
            throw InjectionError("cannot write \(OSMConstants.envoyBootstrapConfigFile): \(error.message)")
        }
    }

    /// The `osm-controller` cluster: LOGICAL_DNS to the xDS host on port 15128 over mutual TLS with HTTP/2.
    /// `lb_policy: ROUND_ROBIN` is the enum's zero value, so protojson leaves it out.
    func controllerCluster() -> YAMLValue {
        let sdsConfig = { (name: String, file: String) -> YAMLValue in
            .map([
                ("name", .string(name)),
                ("sds_config", .map([("path", .string("\(OSMConstants.envoyProxyConfigPath)/\(file)"))])),
            ])
        }
        return .map([
            ("name", .string(OSMConstants.osmControllerName)),
            ("type", .string("LOGICAL_DNS")),
            (
                "typed_extension_protocol_options",
                .map([
                    (
                        "envoy.extensions.upstreams.http.v3.HttpProtocolOptions",
                        .map([
                            (
                                "@type",
                                .string("type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions")
                            ),
                            ("explicit_http_config", .map([("http2_protocol_options", .mapping([]))])),
                        ])
                    )
                ])
            ),
            (
                "transport_socket",
                .map([
                    ("name", .string("envoy.transport_sockets.tls")),
                    (
                        "typed_config",
                        .map([
                            (
                                "@type",
                                .string(
                                    "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext")
                            ),
                            (
                                "common_tls_context",
                                .map([
                                    ("alpn_protocols", .sequence([.string("h2")])),
                                    (
                                        "validation_context_sds_secret_config",
                                        sdsConfig(
                                            SDSFiles.validationContextSecretName,
                                            OSMConstants.envoyValidationContextSDSSecretFile)
                                    ),
                                    ("tls_params", tlsParams()),
                                    (
                                        "tls_certificate_sds_secret_configs",
                                        .sequence([
                                            sdsConfig(
                                                SDSFiles.tlsCertificateSecretName,
                                                OSMConstants.envoyTLSCertificateSDSSecretFile)
                                        ])
                                    ),
                                ])
                            ),
                        ])
                    ),
                ])
            ),
            (
                "load_assignment",
                ProbeListeners.loadAssignment(
                    cluster: OSMConstants.osmControllerName, address: xdsHost,
                    port: Int32(OSMConstants.adsServerPort))
            ),
            (
                "upstream_connection_options",
                .map([
                    (
                        "tcp_keepalive",
                        .map([
                            ("keepalive_probes", .int(5)), ("keepalive_time", .int(60)),
                            ("keepalive_interval", .int(5)),
                        ])
                    )
                ])
            ),
        ])
    }

    /// `tls_params`: always present (`{}` when empty); versions by enum name unless `TLS_AUTO` (the zero value,
    /// also what unknown or empty names map to); empty lists left out.
    private func tlsParams() -> YAMLValue {
        var entries: [(String, YAMLValue)] = []
        if let min = Self.tlsProtocolName(tlsMinProtocolVersion) {
            entries.append(("tls_minimum_protocol_version", .string(min)))
        }
        if let max = Self.tlsProtocolName(tlsMaxProtocolVersion) {
            entries.append(("tls_maximum_protocol_version", .string(max)))
        }
        if !cipherSuites.isEmpty { entries.append(("cipher_suites", .sequence(cipherSuites.map(YAMLValue.string)))) }
        if !ecdhCurves.isEmpty { entries.append(("ecdh_curves", .sequence(ecdhCurves.map(YAMLValue.string)))) }
        return .map(entries)
    }

    /// `TlsParameters_TlsProtocol_value[name]` (case-sensitive), nil for `TLS_AUTO` and unknown names.
    static func tlsProtocolName(_ name: String) -> String? {
        ["TLSv1_0", "TLSv1_1", "TLSv1_2", "TLSv1_3"].contains(name) ? name : nil
    }
}
