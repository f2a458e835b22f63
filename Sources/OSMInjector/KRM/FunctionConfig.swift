import LosslessYAML

/// The settings a ResourceList's `functionConfig` gives the function: either our own typed kind
/// (`osm-inject.openservicemesh.io/v1alpha1` `InjectorConfig`, fields under `spec`) or kpt's plain
/// `ConfigMap`, whose `data` keys are the command line's long option names.
public struct FunctionConfig: Sendable, Equatable {
    public static let apiVersion = "osm-inject.openservicemesh.io/v1alpha1"
    public static let kind = "InjectorConfig"

    public var meshName: String?
    public var osmNamespace: String?
    public var namespace: String?
    public var trustDomain: String?
    public var envoyImage: String?
    public var envoyWindowsImage: String?
    public var initContainerImage: String?
    public var healthcheckImage: String?
    public var containerPullPolicy: String?
    /// Whether to write bootstrap Secrets (nil: as the command line says).
    public var bootstrapSecrets: Bool?
    /// A MeshConfig given with the function.
    public var meshConfig: MeshConfig?
    /// Namespaces given with the function.
    public var namespaces: [NamespaceInfo] = []

    public init() {}

    /// Reads `functionConfig`; nil gives the empty configuration.
    public init(_ object: ObjectView?) throws(InjectionError) {
        guard let object else { return }
        guard object.node.pairs != nil else {
            throw InjectionError("functionConfig must be an object", at: object.node.range.start)
        }
        let kind = try object.string("kind") ?? ""
        let apiVersion = try object.string("apiVersion") ?? ""
        switch (apiVersion, kind) {
        case (Self.apiVersion, Self.kind):
            try readTyped(object)
        case ("v1", "ConfigMap"):
            try readConfigMap(object)
        default:
            let found = kind.isEmpty ? "an object without kind" : "\(apiVersion) \(kind)"
            throw InjectionError(
                "functionConfig must be a \(Self.kind) (\(Self.apiVersion)) or a v1 ConfigMap, not \(found)",
                at: object.node.range.start)
        }
    }

    /// The typed kind: `spec` with camel-case fields, `meshConfig` a MeshConfig object, `namespaces` Namespace objects.
    private mutating func readTyped(_ object: ObjectView) throws(InjectionError) {
        guard let spec = try object.mapping("spec") else { return }
        let strings: [(String, WritableKeyPath<FunctionConfig, String?>)] = [
            ("meshName", \.meshName), ("osmNamespace", \.osmNamespace), ("namespace", \.namespace),
            ("trustDomain", \.trustDomain), ("envoyImage", \.envoyImage), ("envoyWindowsImage", \.envoyWindowsImage),
            ("initContainerImage", \.initContainerImage), ("healthcheckImage", \.healthcheckImage),
            ("containerPullPolicy", \.containerPullPolicy),
        ]
        let known = Set(strings.map(\.0) + ["bootstrapSecrets", "meshConfig", "namespaces"])
        try Self.rejectUnknown(in: spec, known: known)
        for (key, field) in strings { self[keyPath: field] = try spec.string(key) }
        bootstrapSecrets = try spec.bool("bootstrapSecrets")
        if let mesh = try spec.mapping("meshConfig") {
            guard try mesh.string("kind") == "MeshConfig",
                (try mesh.string("apiVersion") ?? "").hasPrefix("config.openservicemesh.io/")
            else {
                throw InjectionError(
                    "\(mesh.path) must be a MeshConfig (config.openservicemesh.io)", at: mesh.node.range.start)
            }
            try mesh.refuseDuplicateKeys()
            meshConfig = try MeshConfig(mesh)
        }
        for item in try spec.sequence("namespaces") ?? [] {
            guard try item.string("kind") == "Namespace" else {
                throw InjectionError("\(item.path) must be a Namespace object", at: item.node.range.start)
            }
            try item.refuseDuplicateKeys()
            namespaces.append(try NamespaceInfo(item))
        }
    }

    /// kpt's ConfigMap: `data` keys named like the long options; `config` holds a stream like `--config`'s file.
    private mutating func readConfigMap(_ object: ObjectView) throws(InjectionError) {
        let data = try object.stringMap("data")
        let strings: [(String, WritableKeyPath<FunctionConfig, String?>)] = [
            ("mesh-name", \.meshName), ("osm-namespace", \.osmNamespace), ("namespace", \.namespace),
            ("trust-domain", \.trustDomain), ("envoy-image", \.envoyImage),
            ("envoy-windows-image", \.envoyWindowsImage),
            ("init-container-image", \.initContainerImage), ("healthcheck-image", \.healthcheckImage),
            ("container-pull-policy", \.containerPullPolicy),
        ]
        let known = Set(strings.map(\.0) + ["no-bootstrap-secrets", "config"])
        let mark = (try? object.mapping("data"))?.node.range.start ?? object.node.range.start
        for key in data.keys.sorted() where !known.contains(key) {
            throw InjectionError(
                "functionConfig.data has an unknown key \"\(key)\" (known: \(known.sorted().joined(separator: ", ")))",
                at: mark)
        }
        for (key, field) in strings { self[keyPath: field] = data[key] }
        if let value = data["no-bootstrap-secrets"] {
            switch value.lowercased() {
            case "true", "yes", "1": bootstrapSecrets = false
            case "false", "no", "0", "": bootstrapSecrets = true
            default:
                throw InjectionError(
                    "functionConfig.data.no-bootstrap-secrets must be true or false, not \"\(value)\"", at: mark)
            }
        }
        if let text = data["config"] { try readClusterStream(text, mark: mark) }
    }

    /// MeshConfig and Namespace objects from the text of a `config` entry.
    private mutating func readClusterStream(_ text: String, mark: Mark) throws(InjectionError) {
        let stream: YAMLStream
        do { stream = try Parser().parse(Array(text.utf8)) } catch {
            throw InjectionError("functionConfig.data.config: \(error.message)", at: mark)
        }
        var state = ClusterState()
        for document in stream.documents {
            do { try state.absorb(document) } catch {
                throw InjectionError("functionConfig.data.config: \(error.message)", at: mark)
            }
            if (try? ObjectView(document: document).string("kind")) == "MeshConfig" { meshConfig = state.meshConfig }
        }
        namespaces += state.namespaces.values.sorted { $0.name < $1.name }
    }

    private static func rejectUnknown(in object: ObjectView, known: Set<String>) throws(InjectionError) {
        for pair in object.node.pairs ?? [] {
            let key = pair.key.scalar?.value ?? ""
            if !known.contains(key) {
                throw InjectionError(
                    "\(object.path) has an unknown field \"\(key)\" (known: \(known.sorted().joined(separator: ", ")))",
                    at: pair.key.range.start)
            }
        }
    }

    /// The declared state with this configuration applied on top: its settings replace the command line's,
    /// its MeshConfig and Namespaces those of the inputs.
    public func apply(to cluster: inout ClusterState) {
        func given(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }
        if let v = given(meshName) { cluster.settings.meshName = v }
        if let v = given(osmNamespace) { cluster.settings.osmNamespace = v }
        if let v = given(namespace) { cluster.settings.defaultNamespace = v }
        if let v = given(trustDomain) { cluster.settings.trustDomain = v }
        if let v = given(envoyImage) { cluster.settings.defaultEnvoyImage = v }
        if let v = given(envoyWindowsImage) { cluster.settings.defaultEnvoyWindowsImage = v }
        if let v = given(initContainerImage) { cluster.settings.defaultInitContainerImage = v }
        if let v = given(healthcheckImage) { cluster.settings.defaultHealthcheckImage = v }
        // An empty pull policy is meaningful: it leaves the field out, as `--container-pull-policy ""` does.
        if let v = containerPullPolicy { cluster.settings.containerPullPolicy = v }
        if let mesh = meshConfig { cluster.meshConfig = mesh }
        for namespace in namespaces where !namespace.name.isEmpty { cluster.namespaces[namespace.name] = namespace }
    }
}
