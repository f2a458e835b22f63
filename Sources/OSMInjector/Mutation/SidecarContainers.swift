import LosslessYAML

/// The containers and volume the webhook adds, field for field in Go struct order (`k8s.io/api` v0.26.3).
enum SidecarContainers {
    /// The `envoy` container (v1.2.4 `getEnvoySidecarContainerSpec`).
    static func envoy(image: String, logLevel: String, serviceCluster: String, windows: Bool,
                      probes: ProbeSet, resources: YAMLValue) -> YAMLValue {
        var ports = envoyBasePorts
        if probes.liveness != nil { ports.append(envoyLivenessPort) }
        if probes.readiness != nil { ports.append(envoyReadinessPort) }
        if probes.startup != nil { ports.append(envoyStartupPort) }
        return .map([
            ("name", envoyName),
            ("image", .string(image)),
            ("command", envoyCommand),
            ("args", .sequence([
                envoyLogLevelFlag, .string(logLevel),
                envoyConfigPathFlag, envoyConfigPath,
                envoyServiceClusterFlag, .string(serviceCluster),
            ])),
            ("ports", .sequence(ports)),
            ("env", envoyEnv),
            ("resources", resources),
            ("volumeMounts", envoyVolumeMounts),
            ("imagePullPolicy", envoyPullPolicy),
            ("securityContext", windows ? envoyWindowsSecurityContext : envoyLinuxSecurityContext),
        ])
    }

    // The envoy container's fixed parts, built once: every value of an indirect enum is an allocation.
    private static let envoyName = YAMLValue.string(OSMConstants.envoyContainerName)
    private static let envoyCommand = YAMLValue.sequence([.string("envoy")])
    private static let envoyLogLevelFlag = YAMLValue.string("--log-level")
    private static let envoyConfigPathFlag = YAMLValue.string("--config-path")
    private static let envoyConfigPath = YAMLValue.string(
        "\(OSMConstants.envoyProxyConfigPath)/\(OSMConstants.envoyBootstrapConfigFile)")
    private static let envoyServiceClusterFlag = YAMLValue.string("--service-cluster")
    private static let envoyBasePorts = [
        port(OSMConstants.envoyAdminPortName, OSMConstants.envoyAdminPort),
        port(OSMConstants.envoyInboundListenerPortName, OSMConstants.envoyInboundListenerPort),
        port(OSMConstants.envoyPrometheusInboundListenerPortName, OSMConstants.envoyPrometheusInboundListenerPort),
    ]
    private static let envoyLivenessPort = port("liveness-port", OSMConstants.livenessProbePort)
    private static let envoyReadinessPort = port("readiness-port", OSMConstants.readinessProbePort)
    private static let envoyStartupPort = port("startup-port", OSMConstants.startupProbePort)
    private static let envoyEnv = YAMLValue.sequence([
        ("POD_UID", "metadata.uid"), ("POD_NAME", "metadata.name"), ("POD_NAMESPACE", "metadata.namespace"),
        ("POD_IP", "status.podIP"), ("SERVICE_ACCOUNT", "spec.serviceAccountName"),
    ].map { name, path in
        .map([("name", .string(name)), ("valueFrom", .map([("fieldRef", .map([("fieldPath", .string(path))]))]))])
    })
    private static let envoyVolumeMounts = YAMLValue.sequence([.map([
        ("name", .string(OSMConstants.envoyBootstrapConfigVolumeName)),
        ("readOnly", .bool(true)),
        ("mountPath", .string(OSMConstants.envoyProxyConfigPath)),
    ])])
    private static let envoyPullPolicy = YAMLValue.string("IfNotPresent")
    private static let envoyWindowsSecurityContext = YAMLValue.map([
        ("windowsOptions", .map([("runAsUserName", .string(OSMConstants.envoyWindowsUser))])),
    ])
    private static let envoyLinuxSecurityContext = YAMLValue.map([
        ("runAsUser", .int(OSMConstants.envoyUID)), ("allowPrivilegeEscalation", .bool(false)),
    ])

    /// The `osm-init` container that programs iptables (v1.2.4 `getInitContainerSpec`).
    static func initContainer(image: String, script: String, privileged: Bool, pullPolicy: String) -> YAMLValue {
        var entries: [(String, YAMLValue)] = [
            ("name", .string(OSMConstants.initContainerName)),
            ("image", .string(image)),
            ("command", .sequence([.string("/bin/sh")])),
            ("args", .sequence([.string("-c"), .string(script)])),
            ("env", .sequence([.map([
                ("name", .string("POD_IP")),
                ("valueFrom", .map([("fieldRef", .map([("apiVersion", .string("v1")), ("fieldPath", .string("status.podIP"))]))])),
            ])])),
            ("resources", .mapping([])),
        ]
        if !pullPolicy.isEmpty { entries.append(("imagePullPolicy", .string(pullPolicy))) }
        entries.append(("securityContext", .map([
            ("capabilities", .map([("add", .sequence([.string("NET_ADMIN")]))])),
            ("privileged", .bool(privileged)),
            ("runAsUser", .int(0)),
            ("runAsNonRoot", .bool(false)),
        ])))
        return .map(entries)
    }

    /// The `osm-healthcheck` container that answers converted TCP probes; `--verbosity trace` as v1.2.4 writes it.
    static func healthcheck(image: String, pullPolicy: String) -> YAMLValue {
        var entries: [(String, YAMLValue)] = [
            ("name", .string(OSMConstants.healthcheckContainerName)),
            ("image", .string(image)),
            ("command", .sequence([.string("/osm-healthcheck")])),
            ("args", .sequence([.string("--verbosity"), .string("trace")])),
            ("ports", .sequence([.map([("containerPort", .int(OSMConstants.healthcheckPort))])])),
            ("resources", .mapping([])),
        ]
        if !pullPolicy.isEmpty { entries.append(("imagePullPolicy", .string(pullPolicy))) }
        return .map(entries)
    }

    /// The volume that mounts the bootstrap Secret.
    static func bootstrapVolume(secretName: String) -> YAMLValue {
        .map([
            ("name", .string(OSMConstants.envoyBootstrapConfigVolumeName)),
            ("secret", .map([("secretName", .string(secretName))])),
        ])
    }

    private static func port(_ name: String, _ number: Int) -> YAMLValue {
        .map([("name", .string(name)), ("containerPort", .int(number))])
    }
}
