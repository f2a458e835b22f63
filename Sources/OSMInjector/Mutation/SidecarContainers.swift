import LosslessYAML

/// The containers and volume the webhook adds, field for field in Go struct order (`k8s.io/api` v0.26.3).
enum SidecarContainers {
    /// The `envoy` container (v1.2.4 `getEnvoySidecarContainerSpec`).
    static func envoy(image: String, logLevel: String, serviceCluster: String, windows: Bool,
                      probes: ProbeSet, resources: YAMLValue) -> YAMLValue {
        var ports: [YAMLValue] = [
            port(OSMConstants.envoyAdminPortName, OSMConstants.envoyAdminPort),
            port(OSMConstants.envoyInboundListenerPortName, OSMConstants.envoyInboundListenerPort),
            port(OSMConstants.envoyPrometheusInboundListenerPortName, OSMConstants.envoyPrometheusInboundListenerPort),
        ]
        if probes.liveness != nil { ports.append(port("liveness-port", OSMConstants.livenessProbePort)) }
        if probes.readiness != nil { ports.append(port("readiness-port", OSMConstants.readinessProbePort)) }
        if probes.startup != nil { ports.append(port("startup-port", OSMConstants.startupProbePort)) }
        let env: [YAMLValue] = [
            ("POD_UID", "metadata.uid"), ("POD_NAME", "metadata.name"), ("POD_NAMESPACE", "metadata.namespace"),
            ("POD_IP", "status.podIP"), ("SERVICE_ACCOUNT", "spec.serviceAccountName"),
        ].map { name, path in
            .map([("name", .string(name)), ("valueFrom", .map([("fieldRef", .map([("fieldPath", .string(path))]))]))])
        }
        let securityContext: YAMLValue = windows
            ? .map([("windowsOptions", .map([("runAsUserName", .string(OSMConstants.envoyWindowsUser))]))])
            : .map([("runAsUser", .int(OSMConstants.envoyUID)), ("allowPrivilegeEscalation", .bool(false))])
        return .map([
            ("name", .string(OSMConstants.envoyContainerName)),
            ("image", .string(image)),
            ("command", .sequence([.string("envoy")])),
            ("args", .sequence([
                "--log-level", logLevel,
                "--config-path", "\(OSMConstants.envoyProxyConfigPath)/\(OSMConstants.envoyBootstrapConfigFile)",
                "--service-cluster", serviceCluster,
            ].map(YAMLValue.string))),
            ("ports", .sequence(ports)),
            ("env", .sequence(env)),
            ("resources", resources),
            ("volumeMounts", .sequence([.map([
                ("name", .string(OSMConstants.envoyBootstrapConfigVolumeName)),
                ("readOnly", .bool(true)),
                ("mountPath", .string(OSMConstants.envoyProxyConfigPath)),
            ])])),
            ("imagePullPolicy", .string("IfNotPresent")),
            ("securityContext", securityContext),
        ])
    }

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
