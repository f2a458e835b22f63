import LosslessYAML

/// The health-probe clusters and listeners of OSM v1.2.4's bootstrap (`envoy_config_health_probes.go`), as the
/// generic values protojson produces (`UseProtoNames`; zero scalars and enums left out, oneof members kept even
/// when zero, so a port of 0 is still written as `port_value: 0`). Keys are unsorted here; `BootstrapConfig`
/// sorts the whole document.
public enum ProbeListeners {
    /// Name of every access logger OSM configures (`envoy.AccessLoggerName`).
    public static let accessLoggerName = "envoy.access_loggers.stream"
    /// Type URL of Envoy's stdout access logger.
    public static let stdoutAccessLogType =
        "type.googleapis.com/envoy.extensions.access_loggers.stream.v3.StdoutAccessLog"

    /// One probe type's fixed names, port and path.
    private struct Slot {
        var listener: String, cluster: String, path: String, port: Int
    }

    private static let liveness = Slot(
        listener: "liveness_listener", cluster: "liveness_cluster",
        path: OSMConstants.livenessProbePath, port: OSMConstants.livenessProbePort)
    private static let readiness = Slot(
        listener: "readiness_listener", cluster: "readiness_cluster",
        path: OSMConstants.readinessProbePath, port: OSMConstants.readinessProbePort)
    private static let startup = Slot(
        listener: "startup_listener", cluster: "startup_cluster",
        path: OSMConstants.startupProbePath, port: OSMConstants.startupProbePort)

    /// v1.2.4's `getProbeResources`: for liveness, readiness and startup in that order, a probe that is present and
    /// not TCP adds one listener and one cluster. Listeners go to `static_resources.listeners`, clusters after
    /// the `osm-controller` cluster.
    public static func resources(for probes: BootstrapProbes) -> (listeners: [YAMLValue], clusters: [YAMLValue]) {
        var listeners: [YAMLValue] = [], clusters: [YAMLValue] = []
        for (probe, slot) in [(probes.liveness, liveness), (probes.readiness, readiness), (probes.startup, startup)] {
            guard let probe, probe.kind != .tcp else { continue }
            listeners.append(
                listener(
                    name: slot.listener, cluster: slot.cluster, path: slot.path,
                    port: Int32(slot.port), probe: probe))
            clusters.append(cluster(name: slot.cluster, port: probe.port))
        }
        return (listeners, clusters)
    }

    /// `getProbeCluster`: a STATIC cluster to `127.0.0.1:<original port>`.
    public static func cluster(name: String, port: Int32) -> YAMLValue {
        .map([
            ("name", .string(name)),
            ("type", .string("STATIC")),
            ("load_assignment", loadAssignment(cluster: name, address: OSMConstants.localhostIPAddress, port: port)),
        ])
    }

    /// `getProbeListener`: `0.0.0.0:<port>` with exactly one filter chain and no listener filters. HTTP probes get
    /// an HTTP connection manager routing `path` to `cluster`; HTTPS probes a plain TCP proxy to `cluster`.
    public static func listener(
        name: String, cluster: String, path: String, port: Int32,
        probe: BootstrapProbe
    ) -> YAMLValue {
        let filter: YAMLValue
        if probe.kind == .http {
            filter = .map([
                ("name", .string("http_connection_manager")),
                (
                    "typed_config",
                    .map([
                        (
                            "@type",
                            .string(
                                "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager"
                            )
                        ),
                        ("stat_prefix", .string("health_probes_http")),
                        ("access_log", .sequence([httpAccessLog()])),
                        (
                            "route_config",
                            .map([
                                ("name", .string("local_route")),
                                (
                                    "virtual_hosts",
                                    .sequence([
                                        virtualHost(
                                            path: path, cluster: cluster, originalPath: probe.path,
                                            timeoutSeconds: probe.timeoutSeconds)
                                    ])
                                ),
                            ])
                        ),
                        (
                            "http_filters",
                            .sequence([
                                .map([
                                    ("name", .string("http_router")),
                                    (
                                        "typed_config",
                                        .map([
                                            (
                                                "@type",
                                                .string(
                                                    "type.googleapis.com/envoy.extensions.filters.http.router.v3.Router"
                                                )
                                            )
                                        ])
                                    ),
                                ])
                            ])
                        ),
                    ])
                ),
            ])
        } else {
            filter = .map([
                ("name", .string("tcp_proxy")),
                (
                    "typed_config",
                    .map([
                        (
                            "@type",
                            .string("type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy")
                        ),
                        ("stat_prefix", .string("health_probes")),
                        ("access_log", .sequence([tcpAccessLog()])),
                        ("cluster", .string(cluster)),
                    ])
                ),
            ])
        }
        return .map([
            ("name", .string(name)),
            ("address", socketAddress("0.0.0.0", port: port)),
            ("filter_chains", .sequence([.map([("filters", .sequence([filter]))])])),
        ])
    }

    /// `getVirtualHost`: one route, prefix `path` to `cluster`, rewritten to the original path (left out when
    /// empty), with the probe's timeout, raised to 1s when below.
    public static func virtualHost(
        path: String, cluster: String, originalPath: String,
        timeoutSeconds: Int32
    ) -> YAMLValue {
        var route: [(String, YAMLValue)] = [("cluster", .string(cluster))]
        if !originalPath.isEmpty { route.append(("prefix_rewrite", .string(originalPath))) }
        route.append(("timeout", .string("\(max(timeoutSeconds, 1))s")))
        return .map([
            ("name", .string("local_service")),
            ("domains", .sequence([.string("*")])),
            (
                "routes",
                .sequence([
                    .map([
                        ("match", .map([("prefix", .string(path))])),
                        ("route", .map(route)),
                    ])
                ])
            ),
        ])
    }

    /// `getHTTPAccessLog`: stdout, JSON format with 19 fields.
    public static func httpAccessLog() -> YAMLValue {
        accessLog([
            ("start_time", "%START_TIME%"),
            ("method", "%REQ(:METHOD)%"),
            ("path", "%REQ(X-ENVOY-ORIGINAL-PATH?:PATH)%"),
            ("protocol", "%PROTOCOL%"),
            ("response_code", "%RESPONSE_CODE%"),
            ("response_code_details", "%RESPONSE_CODE_DETAILS%"),
            ("time_to_first_byte", "%RESPONSE_DURATION%"),
            ("upstream_cluster", "%UPSTREAM_CLUSTER%"),
            ("response_flags", "%RESPONSE_FLAGS%"),
            ("bytes_received", "%BYTES_RECEIVED%"),
            ("bytes_sent", "%BYTES_SENT%"),
            ("duration", "%DURATION%"),
            ("upstream_service_time", "%RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)%"),
            ("x_forwarded_for", "%REQ(X-FORWARDED-FOR)%"),
            ("user_agent", "%REQ(USER-AGENT)%"),
            ("request_id", "%REQ(X-REQUEST-ID)%"),
            ("requested_server_name", "%REQUESTED_SERVER_NAME%"),
            ("authority", "%REQ(:AUTHORITY)%"),
            ("upstream_host", "%UPSTREAM_HOST%"),
        ])
    }

    /// `getTCPAccessLog`: stdout, JSON format with 8 fields.
    public static func tcpAccessLog() -> YAMLValue {
        accessLog([
            ("start_time", "%START_TIME%"),
            ("upstream_cluster", "%UPSTREAM_CLUSTER%"),
            ("response_flags", "%RESPONSE_FLAGS%"),
            ("bytes_received", "%BYTES_RECEIVED%"),
            ("bytes_sent", "%BYTES_SENT%"),
            ("duration", "%DURATION%"),
            ("requested_server_name", "%REQUESTED_SERVER_NAME%"),
            ("upstream_host", "%UPSTREAM_HOST%"),
        ])
    }

    private static func accessLog(_ fields: [(String, String)]) -> YAMLValue {
        .map([
            ("name", .string(accessLoggerName)),
            (
                "typed_config",
                .map([
                    ("@type", .string(stdoutAccessLogType)),
                    ("log_format", .map([("json_format", .map(fields.map { ($0.0, .string($0.1)) }))])),
                ])
            ),
        ])
    }

    /// `{socket_address: {address, port_value}}`; an empty address is a proto3 default and left out, the port is
    /// a oneof member and always written (as the `uint32` conversion of the Go `int32`).
    static func socketAddress(_ address: String, port: Int32) -> YAMLValue {
        var fields: [(String, YAMLValue)] = []
        if !address.isEmpty { fields.append(("address", .string(address))) }
        fields.append(("port_value", .int(Int(UInt32(truncatingIfNeeded: port)))))
        return .map([("socket_address", .map(fields))])
    }

    /// A `ClusterLoadAssignment` with a single endpoint.
    static func loadAssignment(cluster: String, address: String, port: Int32) -> YAMLValue {
        .map([
            ("cluster_name", .string(cluster)),
            (
                "endpoints",
                .sequence([
                    .map([
                        (
                            "lb_endpoints",
                            .sequence([
                                .map([
                                    ("endpoint", .map([("address", socketAddress(address, port: port))]))
                                ])
                            ])
                        )
                    ])
                ])
            ),
        ])
    }
}
