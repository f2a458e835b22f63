import Testing
import LosslessYAML
@testable import OSMInjector

// Helpers for the conformance suites (Conformance*Tests.swift): OSM v1.2.4's own injector test cases,
// translated into inputs written as YAML and assertions on the values read back from our output.

/// One step of a path into a `YAMLValue`: a mapping key (`String`) or a sequence index (`Int`).
protocol ConfStep: Sendable {}
extension String: ConfStep {}
extension Int: ConfStep {}

extension YAMLValue {
    /// The value at `steps`, or nil when any step is missing.
    func at(_ steps: any ConfStep...) -> YAMLValue? {
        var current: YAMLValue? = self
        for step in steps {
            switch (step, current) {
            case (let key as String, .mapping?): current = current?[key]
            case (let i as Int, .sequence(let items)?): current = items.indices.contains(i) ? items[i] : nil
            default: return nil
            }
        }
        return current
    }

    /// The items, when this is a sequence.
    var confItems: [YAMLValue]? {
        if case .sequence(let items) = self { return items }
        return nil
    }

    /// The keys, when this is a mapping.
    var confKeys: [String]? {
        if case .mapping(let entries) = self { return entries.map(\.key) }
        return nil
    }

    /// The item of a sequence of mappings whose `name` is `name`.
    func confItem(named name: String) -> YAMLValue? {
        confItems?.first { $0["name"] == .string(name) }
    }

    /// The same value with every mapping's keys sorted, so that comparisons ignore key order (OSM's own tests
    /// compare Go structs, where order does not exist).
    var confSorted: YAMLValue {
        switch self {
        case .mapping(let entries):
            return .mapping(entries.map { YAMLValue.Entry($0.key, $0.value.confSorted) }.sorted { $0.key < $1.key })
        case .sequence(let items):
            return .sequence(items.map(\.confSorted))
        default:
            return self
        }
    }
}

extension YAMLValue {
    /// A sequence of strings.
    static func confStrings(_ items: String...) -> YAMLValue { .sequence(items.map(YAMLValue.string)) }
}

enum Conf {
    /// Parses YAML text.
    static func parse(_ yaml: String) throws -> YAMLStream {
        try Parser().parse(Array(yaml.utf8))
    }

    /// Every document of `bytes` as a plain value (null for an empty document).
    static func values(_ bytes: [UInt8]) throws -> [YAMLValue] {
        let stream = try Parser().parse(bytes)
        return try stream.documents.map { try ValueConverter(document: $0).value(of: $0.root) }
    }

    /// The pod the webhook would see in the first document of `yaml` (a `kind: Pod`).
    static func pod(_ yaml: String) throws -> PodTemplateView {
        let stream = try parse(yaml)
        return try PodTemplateView(template: ObjectView(document: stream.documents[0]))
    }

    /// A namespace labelled for mesh `mesh`.
    static func monitored(_ name: String, annotations: [String: String] = [:], mesh: String = "osm") -> NamespaceInfo {
        NamespaceInfo(name: name, labels: [OSMConstants.monitoredByLabel: mesh], annotations: annotations)
    }

    /// A cluster with the given namespaces, v1.2.4 preset otherwise.
    static func cluster(
        _ namespaces: NamespaceInfo..., meshConfig: MeshConfig = .preset,
        settings: InjectorSettings = InjectorSettings()
    ) -> ClusterState {
        var cluster = ClusterState(meshConfig: meshConfig, settings: settings)
        for ns in namespaces { cluster.namespaces[ns.name] = ns }
        return cluster
    }

    /// The result of one run of the whole pipeline over a YAML stream.
    struct Run {
        var output: Injector.Output
        /// The output documents as plain values.
        var documents: [YAMLValue]

        /// The single workload report.
        var report: WorkloadReport? { output.reports.count == 1 ? output.reports[0] : nil }

        /// The output document of `kind` named `name`.
        func object(_ kind: String, _ name: String) -> YAMLValue? {
            documents.first { $0["kind"] == .string(kind) && $0.at("metadata", "name") == .string(name) }
        }

        /// The Secrets of the output stream.
        var secrets: [YAMLValue] { documents.filter { $0["kind"] == .string("Secret") } }

        /// The report lines of the failed workloads (empty when all went well).
        var errors: [String] { output.reports.filter(\.isError).map(\.line) }

        /// The failure message of the first failed workload.
        var failure: String? {
            for report in output.reports { if case .failed(let error) = report.outcome { return error.message } }
            return nil
        }
    }

    /// Runs `Injector(cluster:)` over `yaml`; `secrets: false` is `--no-bootstrap-secrets`.
    static func run(_ yaml: String, cluster: ClusterState, secrets: Bool = false) throws -> Run {
        try run(bytes: Array(yaml.utf8), cluster: cluster, secrets: secrets)
    }

    static func run(bytes: [UInt8], cluster: ClusterState, secrets: Bool = false) throws -> Run {
        let stream = try Parser().parse(bytes)
        var injector = Injector(cluster: cluster)
        injector.emitsBootstrapSecrets = secrets
        let output = injector.run(stream)
        let documents = output.hasErrors ? [] : try values(output.bytes)
        return Run(output: output, documents: documents)
    }

    /// A MeshConfig with the three images set (and nothing to fall back to).
    static func meshConfig(envoy: String, windows: String, initImage: String) -> MeshConfig {
        var config = MeshConfig()
        config.envoyImage = envoy
        config.envoyWindowsImage = windows
        config.initContainerImage = initImage
        return config
    }

    /// Settings with the injector deployment's image environment unset (`OSM_DEFAULT_*_IMAGE` empty).
    static var noDefaultImages: InjectorSettings {
        var settings = InjectorSettings()
        settings.defaultEnvoyImage = ""
        settings.defaultEnvoyWindowsImage = ""
        settings.defaultInitContainerImage = ""
        return settings
    }

    // MARK: Expected values shared by several suites

    /// `-A OSM_PROXY_OUTBOUND -d 127.0.0.1/32 -j RETURN` and everything before it: v1.2.4 init_container_test.go:48-69.
    static let scriptHead = """
        iptables-restore --noflush <<EOF
        # OSM sidecar interception rules
        *nat
        :OSM_PROXY_INBOUND - [0:0]
        :OSM_PROXY_IN_REDIRECT - [0:0]
        :OSM_PROXY_OUTBOUND - [0:0]
        :OSM_PROXY_OUT_REDIRECT - [0:0]
        -A OSM_PROXY_IN_REDIRECT -p tcp -j REDIRECT --to-port 15003
        -A PREROUTING -p tcp -j OSM_PROXY_INBOUND
        -A OSM_PROXY_INBOUND -p tcp --dport 15010 -j RETURN
        -A OSM_PROXY_INBOUND -p tcp --dport 15901 -j RETURN
        -A OSM_PROXY_INBOUND -p tcp --dport 15902 -j RETURN
        -A OSM_PROXY_INBOUND -p tcp --dport 15903 -j RETURN
        -A OSM_PROXY_INBOUND -p tcp --dport 15904 -j RETURN
        -A OSM_PROXY_INBOUND -p tcp -j OSM_PROXY_IN_REDIRECT
        -A OSM_PROXY_OUT_REDIRECT -p tcp -j REDIRECT --to-port 15001
        -A OSM_PROXY_OUT_REDIRECT -p tcp --dport 15000 -j ACCEPT
        -A OUTPUT -p tcp -j OSM_PROXY_OUTBOUND
        -A OSM_PROXY_OUTBOUND -o lo ! -d 127.0.0.1/32 -m owner --uid-owner 1500 -j OSM_PROXY_IN_REDIRECT
        -A OSM_PROXY_OUTBOUND -o lo -m owner ! --uid-owner 1500 -j RETURN
        -A OSM_PROXY_OUTBOUND -m owner --uid-owner 1500 -j RETURN
        -A OSM_PROXY_OUTBOUND -d 127.0.0.1/32 -j RETURN

        """

    /// The script with no optional rule (v1.2.4 init_container_test.go:48-73).
    static let scriptS0 =
        scriptHead + """
            -A OSM_PROXY_OUTBOUND -j OSM_PROXY_OUT_REDIRECT
            COMMIT
            EOF

            """

    /// The script with `localProxyMode: PodIP` (v1.2.4 init_container_test.go:124-150).
    static let scriptPodIP =
        scriptHead + """
            -I OUTPUT -p tcp -o lo -d 127.0.0.1/32 -m owner --uid-owner 1500 -j DNAT --to-destination $POD_IP
            -A OSM_PROXY_OUTBOUND -j OSM_PROXY_OUT_REDIRECT
            COMMIT
            EOF

            """

    /// The envoy container's env (v1.2.4 bootstrap_test.go:136-202): fieldRefs without apiVersion.
    static let envoyEnv: YAMLValue = .sequence(
        [
            ("POD_UID", "metadata.uid"), ("POD_NAME", "metadata.name"), ("POD_NAMESPACE", "metadata.namespace"),
            ("POD_IP", "status.podIP"), ("SERVICE_ACCOUNT", "spec.serviceAccountName"),
        ].map { name, path in
            .map([("name", .string(name)), ("valueFrom", .map([("fieldRef", .map([("fieldPath", .string(path))]))]))])
        })

    /// `{name, containerPort}`.
    static func port(_ name: String, _ number: Int) -> YAMLValue {
        .map([("name", .string(name)), ("containerPort", .int(number))])
    }

    /// The envoy ports with all three probe kinds (v1.2.4 bootstrap_test.go:68-75).
    static let envoyPortsAllProbes: YAMLValue = .sequence([
        port("proxy-admin", 15000), port("proxy-inbound", 15003), port("proxy-metrics", 15010),
        port("liveness-port", 15901), port("readiness-port", 15902), port("startup-port", 15903),
    ])

    /// The bootstrap volume for `uuid` (v1.2.4 volumes.go).
    static func bootstrapVolume(secretName: String) -> YAMLValue {
        .map([
            ("name", .string("envoy-bootstrap-config-volume")), ("secret", .map([("secretName", .string(secretName))])),
        ])
    }
}
