import LosslessYAML

/// The containers and volume the webhook adds, field for field in Go struct order (`k8s.io/api` v0.26.3).
enum SidecarContainers {
    /// The `envoy` container (v1.2.4 `getEnvoySidecarContainerSpec`).
    static func envoy(
        image: String, logLevel: String, serviceCluster: String, windows: Bool,
        probes: ProbeSet, resources: YAMLValue
    ) -> YAMLValue {
        var ports = envoyBasePorts
        if probes.liveness != nil { ports.append(envoyLivenessPort) }
        if probes.readiness != nil { ports.append(envoyReadinessPort) }
        if probes.startup != nil { ports.append(envoyStartupPort) }
        return .map([
            ("name", envoyName),
            ("image", .string(image)),
            ("command", envoyCommand),
            (
                "args",
                .sequence([
                    envoyLogLevelFlag, .string(logLevel),
                    envoyConfigPathFlag, envoyConfigPath,
                    envoyServiceClusterFlag, .string(serviceCluster),
                ])
            ),
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
    private static let envoyEnv = YAMLValue.sequence(
        [
            ("POD_UID", "metadata.uid"), ("POD_NAME", "metadata.name"), ("POD_NAMESPACE", "metadata.namespace"),
            ("POD_IP", "status.podIP"), ("SERVICE_ACCOUNT", "spec.serviceAccountName"),
        ].map { name, path in
            .map([("name", .string(name)), ("valueFrom", .map([("fieldRef", .map([("fieldPath", .string(path))]))]))])
        })
    private static let envoyVolumeMounts = YAMLValue.sequence([
        .map([
            ("name", .string(OSMConstants.envoyBootstrapConfigVolumeName)),
            ("readOnly", .bool(true)),
            ("mountPath", .string(OSMConstants.envoyProxyConfigPath)),
        ])
    ])
    private static let envoyPullPolicy = YAMLValue.string("IfNotPresent")
    private static let envoyWindowsSecurityContext = YAMLValue.map([
        ("windowsOptions", .map([("runAsUserName", .string(OSMConstants.envoyWindowsUser))]))
    ])
    private static let envoyLinuxSecurityContext = YAMLValue.map([
        ("runAsUser", .int(OSMConstants.envoyUID)), ("allowPrivilegeEscalation", .bool(false)),
    ])

    /// The `osm-init` container that programs iptables (v1.2.4 `getInitContainerSpec`).
    static func initContainer(image: String, script: String, privileged: Bool, pullPolicy: String) -> YAMLValue {
        var entries: [(String, YAMLValue)] = [
            ("name", initName),
            ("image", .string(image)),
            ("command", initCommand),
            ("args", .sequence([initShellFlag, .string(script)])),
            ("env", initEnv),
            ("resources", emptyResources),
        ]
        if !pullPolicy.isEmpty { entries.append(("imagePullPolicy", .string(pullPolicy))) }
        entries.append(("securityContext", privileged ? initPrivilegedSecurityContext : initSecurityContext))
        return .map(entries)
    }

    /// The `osm-healthcheck` container that answers converted TCP probes; `--verbosity trace` as v1.2.4 writes it.
    static func healthcheck(image: String, pullPolicy: String) -> YAMLValue {
        var entries: [(String, YAMLValue)] = [
            ("name", healthcheckName),
            ("image", .string(image)),
            ("command", healthcheckCommand),
            ("args", healthcheckArgs),
            ("ports", healthcheckPorts),
            ("resources", emptyResources),
        ]
        if !pullPolicy.isEmpty { entries.append(("imagePullPolicy", .string(pullPolicy))) }
        return .map(entries)
    }

    /// The volume that mounts the bootstrap Secret.
    static func bootstrapVolume(secretName: String) -> YAMLValue {
        .map([
            ("name", bootstrapVolumeName),
            ("secret", .map([("secretName", .string(secretName))])),
        ])
    }

    // The other containers' and the volume's fixed parts, built once like the envoy container's.
    private static let emptyResources = YAMLValue.mapping([])
    private static let initName = YAMLValue.string(OSMConstants.initContainerName)
    private static let initCommand = YAMLValue.sequence([.string("/bin/sh")])
    private static let initShellFlag = YAMLValue.string("-c")
    private static let initEnv = YAMLValue.sequence([
        .map([
            ("name", .string("POD_IP")),
            (
                "valueFrom",
                .map([("fieldRef", .map([("apiVersion", .string("v1")), ("fieldPath", .string("status.podIP"))]))])
            ),
        ])
    ])
    private static let initSecurityContext = osmInitSecurityContext(privileged: false)
    private static let initPrivilegedSecurityContext = osmInitSecurityContext(privileged: true)
    private static let healthcheckName = YAMLValue.string(OSMConstants.healthcheckContainerName)
    private static let healthcheckCommand = YAMLValue.sequence([.string("/osm-healthcheck")])
    private static let healthcheckArgs = YAMLValue.sequence([.string("--verbosity"), .string("trace")])
    private static let healthcheckPorts = YAMLValue.sequence([
        .map([("containerPort", .int(OSMConstants.healthcheckPort))])
    ])
    private static let bootstrapVolumeName = YAMLValue.string(OSMConstants.envoyBootstrapConfigVolumeName)

    /// The `osm-init` container's security context: it needs NET_ADMIN as root.
    private static func osmInitSecurityContext(privileged: Bool) -> YAMLValue {
        .map([
            ("capabilities", .map([("add", .sequence([.string("NET_ADMIN")]))])),
            ("privileged", .bool(privileged)),
            ("runAsUser", .int(0)),
            ("runAsNonRoot", .bool(false)),
        ])
    }

    private static func port(_ name: String, _ number: Int) -> YAMLValue {
        .map([("name", .string(name)), ("containerPort", .int(number))])
    }
}
