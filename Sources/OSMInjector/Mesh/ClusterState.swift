import LosslessYAML

/// The declared cluster state the webhook would consult: the MeshConfig, the Namespaces and the injector's settings.
public struct ClusterState: Sendable {
    public var meshConfig: MeshConfig
    public var namespaces: [String: NamespaceInfo]
    public var settings: InjectorSettings

    public init(
        meshConfig: MeshConfig = .preset, namespaces: [String: NamespaceInfo] = [:],
        settings: InjectorSettings = InjectorSettings()
    ) {
        self.meshConfig = meshConfig
        self.namespaces = namespaces
        self.settings = settings
    }

    /// The OSM namespace in force: the flag, else the MeshConfig's namespace, else `osm-system`.
    public var osmNamespace: String {
        settings.osmNamespace ?? meshConfig.namespace ?? "osm-system"
    }

    /// The envoy image after the environment fallback.
    public var envoyImage: String { meshConfig.envoyImage.isEmpty ? settings.defaultEnvoyImage : meshConfig.envoyImage }
    public var envoyWindowsImage: String {
        meshConfig.envoyWindowsImage.isEmpty ? settings.defaultEnvoyWindowsImage : meshConfig.envoyWindowsImage
    }
    public var initContainerImage: String {
        meshConfig.initContainerImage.isEmpty ? settings.defaultInitContainerImage : meshConfig.initContainerImage
    }
    public var envoyLogLevel: String { meshConfig.logLevel.isEmpty ? "error" : meshConfig.logLevel }

    /// Adds what a stream of objects declares: `MeshConfig` (the last one wins) and `Namespace` objects,
    /// also inside `List`s. A key written twice in one of them (or in the List holding it) is an error.
    public mutating func absorb(_ document: Document) throws(InjectionError) {
        try absorb(ObjectView(document: document))
    }

    private mutating func absorb(_ object: ObjectView) throws(InjectionError) {
        guard object.node.pairs != nil, let kind = try? object.string("kind") else { return }
        switch kind {
        case "Namespace":
            try object.refuseDuplicateKeys()
            let namespace = try NamespaceInfo(object)
            if !namespace.name.isEmpty { namespaces[namespace.name] = namespace }
        case "MeshConfig":
            let apiVersion = try object.string("apiVersion") ?? ""
            guard apiVersion.hasPrefix("config.openservicemesh.io/") else { return }
            try object.refuseDuplicateKeys()
            meshConfig = try MeshConfig(object)
        default:
            if WorkloadKinds.isList(kind) {
                for item in try object.sequence("items") ?? [] { try absorb(item) }
            }
        }
    }
}
