import LosslessYAML

/// The pod the webhook would see, read from a workload's template (or from a Pod itself).
public struct PodTemplateView: Sendable {
    /// The template node: holds `metadata` and `spec`.
    public let template: ObjectView
    public let labels: [String: String]
    public let annotations: [String: String]
    public let spec: ObjectView?

    public init(template: ObjectView) throws(InjectionError) {
        self.template = template
        let metadata = try template.mapping("metadata")
        labels = try metadata?.stringMap("labels") ?? [:]
        annotations = try metadata?.stringMap("annotations") ?? [:]
        spec = try template.mapping("spec")
    }

    /// Where the annotation `key` is written, for messages (the template itself when it is not).
    public func annotationMark(_ key: String) -> Mark {
        let metadata = try? template.mapping("metadata")
        let annotations = try? metadata?.mapping("annotations")
        return annotations?.node.pair(key)?.value.range.start ?? template.node.range.start
    }

    /// `spec.hostNetwork`.
    public func hostNetwork() throws(InjectionError) -> Bool { try spec?.bool("hostNetwork") ?? false }

    /// The service account the pod runs as after the API server's own admission: `serviceAccountName`, else the
    /// deprecated `serviceAccount` (which the API server copies over), else `default`.
    public func serviceAccountName() throws(InjectionError) -> String {
        let name = try spec?.string("serviceAccountName") ?? ""
        if !name.isEmpty { return name }
        let deprecated = try spec?.string("serviceAccount") ?? ""
        return deprecated.isEmpty ? "default" : deprecated
    }

    /// `spec.nodeSelector["kubernetes.io/os"]`, the only place v1.2.4 looks for the pod's OS.
    public func nodeOS() throws(InjectionError) -> String {
        try spec?.stringMap("nodeSelector")["kubernetes.io/os"] ?? ""
    }

    /// The app containers.
    public func containers() throws(InjectionError) -> [ContainerView] {
        try (spec?.sequence("containers") ?? []).map { (view) throws(InjectionError) -> ContainerView in
            try ContainerView(view)
        }
    }

    /// The init containers, as views.
    public func initContainers() throws(InjectionError) -> [ObjectView] {
        try spec?.sequence("initContainers") ?? []
    }

    /// The volumes, as views.
    public func volumes() throws(InjectionError) -> [ObjectView] {
        try spec?.sequence("volumes") ?? []
    }
}

/// One container: its name, ports and probes.
public struct ContainerView: Sendable {
    public let view: ObjectView
    public let name: String
    /// Named and numbered ports, in order.
    public let ports: [(name: String, containerPort: Int)]

    public init(_ view: ObjectView) throws(InjectionError) {
        self.view = view
        guard view.node.pairs != nil else {
            throw InjectionError("\(view.name) must be a mapping", at: view.node.range.start)
        }
        name = try view.string("name") ?? ""
        var ports: [(String, Int)] = []
        for port in try view.sequence("ports") ?? [] {
            guard port.node.pairs != nil else {
                throw InjectionError("\(port.name) must be a mapping", at: port.node.range.start)
            }
            ports.append((try port.string("name") ?? "", try port.int("containerPort") ?? 0))
        }
        self.ports = ports
    }

    /// The probe of `kind`, when the container has one.
    public func probe(_ kind: ProbeKind) throws(InjectionError) -> ObjectView? {
        try view.mapping(kind.field)
    }
}

/// The three probe kinds, in the order the webhook processes them.
public enum ProbeKind: String, Sendable, CaseIterable {
    case liveness, readiness, startup

    /// The container field holding this probe.
    public var field: String {
        switch self {
        case .liveness: return "livenessProbe"
        case .readiness: return "readinessProbe"
        case .startup: return "startupProbe"
        }
    }
}
