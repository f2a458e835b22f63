import Testing
import LosslessYAML
@testable import OSMInjector

// OSM v1.2.4 pkg/injector/envoy_container_test.go, bootstrap_test.go (the container half), init_container_test.go
// and volumes_test.go, translated: each case runs the whole pipeline and reads the added containers back.

@Suite("Conformance: containers (envoy_container_test.go, bootstrap_test.go, init_container_test.go, volumes_test.go)")
struct ConformanceContainerTests {
    /// A pod in `namespace` whose one app container has HTTP liveness, readiness and startup probes, so that the
    /// probe set is `{L: /liveness:81, R: /readiness:82, S: /startup:83}` as in bootstrap_test.go:62-66.
    private static func pod(namespace: String = "namespace", serviceAccount: String = "svcacc", os: String? = nil)
        -> String
    {
        var yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              namespace: \(namespace)
            spec:
              serviceAccountName: \(serviceAccount)
              containers:
              - name: app
                image: app
                livenessProbe:
                  httpGet: {path: /liveness, port: 81}
                readinessProbe:
                  httpGet: {path: /readiness, port: 82}
                startupProbe:
                  httpGet: {path: /startup, port: 83}

            """
        if let os { yaml += "  nodeSelector:\n    kubernetes.io/os: \(os)\n" }
        return yaml
    }

    private static func enabled(_ namespace: String) -> NamespaceInfo {
        Conf.monitored(namespace, annotations: [OSMConstants.sidecarInjectionAnnotation: "enabled"])
    }

    private static func injectedPod(_ yaml: String, cluster: ClusterState) throws -> YAMLValue {
        let run = try Conf.run(yaml, cluster: cluster)
        #expect(run.errors.isEmpty)
        #expect(run.report?.outcome == .injected)
        let pod = run.object("Pod", "p")
        return try #require(pod)
    }

    private static func envoy(in pod: YAMLValue) throws -> YAMLValue {
        try #require(pod.at("spec", "containers")?.confItem(named: "envoy"))
    }

    // MARK: TestGetPlatformSpecificSpecComponents (envoy_container_test.go:15-77)

    @Test("T-PLAT-1 success: windows")
    func platformWindows() throws {
        let cluster = Conf.cluster(
            Self.enabled("namespace"),
            meshConfig: Conf.meshConfig(envoy: "linuxImage", windows: "windowsImage", initImage: "init"))
        let envoy = try Self.envoy(in: Self.injectedPod(Self.pod(os: "windows"), cluster: cluster))
        #expect(envoy["securityContext"] == .map([("windowsOptions", .map([("runAsUserName", .string("EnvoyUser"))]))]))
        #expect(envoy["image"] == .string("windowsImage"))
    }

    @Test("T-PLAT-2 success: linux")
    func platformLinux() throws {
        let cluster = Conf.cluster(
            Self.enabled("namespace"),
            meshConfig: Conf.meshConfig(envoy: "linuxImage", windows: "windowsImage", initImage: "init"))
        let envoy = try Self.envoy(in: Self.injectedPod(Self.pod(os: "linux"), cluster: cluster))
        #expect(
            envoy["securityContext"]?.confSorted
                == YAMLValue.map([("allowPrivilegeEscalation", .bool(false)), ("runAsUser", .int(1500))]).confSorted)
        #expect(envoy["image"] == .string("linuxImage"))
    }

    @Test(
        "T-PLAT windows detection is case-insensitive (strings.EqualFold)",
        arguments: ["Windows", "WINDOWS", "wInDoWs"])
    func platformWindowsCase(os: String) throws {
        let cluster = Conf.cluster(
            Self.enabled("namespace"),
            meshConfig: Conf.meshConfig(envoy: "linuxImage", windows: "windowsImage", initImage: "init"))
        let pod = try Self.injectedPod(Self.pod(os: os), cluster: cluster)
        #expect(try Self.envoy(in: pod)["image"] == .string("windowsImage"))
        #expect(pod.at("spec", "initContainers") == nil)
    }

    @Test("T-PLAT windows detection folds like Go's strings.EqualFold (ſ is s)")
    func platformWindowsFold() throws {
        let cluster = Conf.cluster(
            Self.enabled("namespace"),
            meshConfig: Conf.meshConfig(envoy: "linuxImage", windows: "windowsImage", initImage: "init"))
        let pod = try Self.injectedPod(Self.pod(os: "window\u{17F}"), cluster: cluster)
        #expect(try Self.envoy(in: pod)["image"] == .string("windowsImage"))
        #expect(pod.at("spec", "initContainers") == nil)
    }

    // MARK: bootstrap_test.go:77-333

    @Test("T-PORTS-1 creates container port list")
    func envoyPorts() throws {
        let envoy = try Self.envoy(in: Self.injectedPod(Self.pod(), cluster: Conf.cluster(Self.enabled("namespace"))))
        // No protocol, no hostPort: exactly name and containerPort.
        #expect(envoy["ports"]?.confSorted == Conf.envoyPortsAllProbes.confSorted)
    }

    @Test("T-PORTS probe ports only for the kinds present")
    func envoyPortsPartial() throws {
        // getEnvoyContainerPorts (envoy_container.go:108-152): each probe port only when that kind was kept.
        let yaml = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: namespace}
            spec:
              containers:
              - name: app
                image: app
                readinessProbe:
                  tcpSocket: {port: 82}
                livenessProbe:
                  exec: {command: [cat, /tmp/ok]}

            """
        let envoy = try Self.envoy(in: Self.injectedPod(yaml, cluster: Conf.cluster(Self.enabled("namespace"))))
        #expect(
            envoy["ports"]?.confSorted
                == YAMLValue.sequence([
                    Conf.port("proxy-admin", 15000), Conf.port("proxy-inbound", 15003),
                    Conf.port("proxy-metrics", 15010),
                    Conf.port("readiness-port", 15902),
                ]).confSorted)
    }

    /// The MeshConfig of bootstrap_test.go:48-56 and 86-97, as the API server would serve it.
    private static let meshConfigYAML = """
        apiVersion: config.openservicemesh.io/v1alpha2
        kind: MeshConfig
        metadata:
          name: osm-mesh-config
          namespace: osm-system
        spec:
          sidecar:
            logLevel: debug
            envoyImage: "-envoy-image-"
            envoyWindowsImage: "-envoy-image-"
            tlsMinProtocolVersion: TLSv1_2
            tlsMaxProtocolVersion: TLSv1_3
            cipherSuites: []
            resources:
              limits:
                cpu: 2
                memory: 512M
        ---

        """

    /// The expected envoy container of bootstrap_test.go:100-203 (`securityContext` given).
    private static func expectedEnvoy(securityContext: YAMLValue) -> YAMLValue {
        .map([
            ("name", .string("envoy")),
            ("image", .string("-envoy-image-")),
            ("imagePullPolicy", .string("IfNotPresent")),
            ("securityContext", securityContext),
            ("ports", Conf.envoyPortsAllProbes),
            (
                "volumeMounts",
                .sequence([
                    .map([
                        ("name", .string("envoy-bootstrap-config-volume")), ("readOnly", .bool(true)),
                        ("mountPath", .string("/etc/envoy")),
                    ])
                ])
            ),
            // Limits set, requests unset; Go marshals quantities as strings.
            ("resources", .map([("limits", .map([("cpu", .string("2")), ("memory", .string("512M"))]))])),
            ("command", .confStrings("envoy")),
            (
                "args",
                .confStrings(
                    "--log-level", "debug", "--config-path", "/etc/envoy/bootstrap.yaml",
                    "--service-cluster", "svcacc.namespace")
            ),
            ("env", Conf.envoyEnv),
        ])
    }

    @Test("T-ENVOY-1 test unix getEnvoySidecarContainerSpec()")
    func envoyLinux() throws {
        var settings = InjectorSettings()
        settings.defaultInitContainerImage = "init"
        let pod = try Self.injectedPod(
            Self.meshConfigYAML + Self.pod(os: "linux"),
            cluster: Conf.cluster(Self.enabled("namespace"), settings: settings))
        let envoy = try Self.envoy(in: pod)
        let expected = Self.expectedEnvoy(
            securityContext: .map([
                ("allowPrivilegeEscalation", .bool(false)), ("runAsUser", .int(1500)),
            ]))
        #expect(envoy.confSorted == expected.confSorted)
        // Field by field, for a readable failure.
        for key in expected.confKeys ?? [] { #expect(envoy[key]?.confSorted == expected[key]?.confSorted, "\(key)") }
        #expect(envoy.confKeys?.sorted() == expected.confKeys?.sorted())
    }

    @Test("T-ENVOY-2 test Windows getEnvoySidecarContainerSpec()")
    func envoyWindows() throws {
        let pod = try Self.injectedPod(
            Self.meshConfigYAML + Self.pod(os: "windows"),
            cluster: Conf.cluster(Self.enabled("namespace")))
        let envoy = try Self.envoy(in: pod)
        let expected = Self.expectedEnvoy(
            securityContext: .map([
                ("windowsOptions", .map([("runAsUserName", .string("EnvoyUser"))]))
            ]))
        #expect(envoy.confSorted == expected.confSorted)
        for key in expected.confKeys ?? [] { #expect(envoy[key]?.confSorted == expected[key]?.confSorted, "\(key)") }
        #expect(envoy.confKeys?.sorted() == expected.confKeys?.sorted())
    }

    @Test("T-ENVOY log level falls back to error")
    func envoyLogLevelDefault() throws {
        // configurator GetEnvoyLogLevel (v1.2.4 pkg/configurator/methods.go:121-127): empty → "error".
        var config = MeshConfig()
        config.logLevel = ""
        let pod = try Self.injectedPod(Self.pod(), cluster: Conf.cluster(Self.enabled("namespace"), meshConfig: config))
        #expect(try Self.envoy(in: pod).at("args", 1) == .string("error"))
    }

    // MARK: init_container_test.go:28-182

    /// The expected init container of init_container_test.go:41-101 (script given), pull policy `Always`.
    private static func expectedInit(script: String) -> YAMLValue {
        .map([
            ("name", .string("osm-init")), // OSM's test passes "-container-name-"; patch.go:212 passes this constant
            ("image", .string("-init-container-image-")),
            ("imagePullPolicy", .string("Always")),
            ("command", .confStrings("/bin/sh")),
            ("args", .confStrings("-c", script)),
            ("resources", .map([])),
            (
                "securityContext",
                .map([
                    ("capabilities", .map([("add", .confStrings("NET_ADMIN"))])),
                    ("privileged", .bool(false)),
                    ("runAsNonRoot", .bool(false)),
                    ("runAsUser", .int(0)),
                ])
            ),
            (
                "env",
                .sequence([
                    .map([
                        ("name", .string("POD_IP")),
                        (
                            "valueFrom",
                            .map([
                                (
                                    "fieldRef",
                                    .map([("apiVersion", .string("v1")), ("fieldPath", .string("status.podIP"))])
                                )
                            ])
                        ),
                    ])
                ])
            ),
        ])
    }

    private static func initContainer(localProxyMode: String) throws -> YAMLValue {
        var config = MeshConfig()
        config.initContainerImage = "-init-container-image-"
        config.localProxyMode = localProxyMode
        var settings = InjectorSettings()
        settings.containerPullPolicy = "Always"
        let pod = try injectedPod(
            pod(), cluster: Conf.cluster(enabled("namespace"), meshConfig: config, settings: settings))
        let initContainers = try #require(pod.at("spec", "initContainers")?.confItems)
        #expect(initContainers.count == 1)
        return try #require(initContainers.first)
    }

    @Test("T-INIT-1 Creates init container without ip range exclusion list")
    func initContainerLocalhost() throws {
        let actual = try Self.initContainer(localProxyMode: "Localhost")
        let expected = Self.expectedInit(script: Conf.scriptS0)
        #expect(actual.at("args", 1) == .string(Conf.scriptS0))
        #expect(actual.confSorted == expected.confSorted)
        // The builder itself, as OSM's test calls getInitContainerSpec.
        let built = SidecarContainers.initContainer(
            image: "-init-container-image-",
            script: IptablesScript.render(localProxyMode: "Localhost", exclusions: .none),
            privileged: false, pullPolicy: "Always")
        #expect(built.confSorted == expected.confSorted)
    }

    @Test("T-INIT-2 Sets podIP DNAT rule if set in meshconfig")
    func initContainerPodIP() throws {
        let actual = try Self.initContainer(localProxyMode: "PodIP")
        let expected = Self.expectedInit(script: Conf.scriptPodIP)
        #expect(actual.at("args", 1) == .string(Conf.scriptPodIP))
        #expect(actual.confSorted == expected.confSorted)
        let built = SidecarContainers.initContainer(
            image: "-init-container-image-",
            script: IptablesScript.render(localProxyMode: "PodIP", exclusions: .none),
            privileged: false, pullPolicy: "Always")
        #expect(built.confSorted == expected.confSorted)
    }

    // MARK: volumes_test.go:10-24

    @Test("T-VOL-1 creates volume spec")
    func volumeSpec() throws {
        #expect(
            SidecarContainers.bootstrapVolume(secretName: "-envoy-config-").confSorted
                == Conf.bootstrapVolume(secretName: "-envoy-config-").confSorted)
        // And as appended to a pod that already has volumes: at the end, secret named after the proxy UUID.
        let yaml = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: namespace}
            spec:
              containers: [{name: app, image: app}]
              volumes:
              - name: data
                emptyDir: {}

            """
        let pod = try Self.injectedPod(yaml, cluster: Conf.cluster(Self.enabled("namespace")))
        let uuid = ProxyUUID.make(namespace: "namespace", kind: "Pod", name: "p")
        let volumes = try #require(pod.at("spec", "volumes")?.confItems)
        #expect(volumes.count == 2)
        #expect(volumes.first?["name"] == .string("data"))
        #expect(
            volumes.last?.confSorted == Conf.bootstrapVolume(secretName: "envoy-bootstrap-config-\(uuid)").confSorted)
    }
}
