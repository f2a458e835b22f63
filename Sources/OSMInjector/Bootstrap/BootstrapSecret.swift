import Foundation
import LosslessYAML

/// PEM material for the bootstrap Secret; an offline run may have none (each key is then left out).
public struct BootstrapCertificates: Sendable, Equatable {
    /// `cacert.pem`: the trusted CA bundle.
    public var caCertificate: [UInt8]?
    /// `sds_cert.pem`: the issued xDS client certificate chain.
    public var certificateChain: [UInt8]?
    /// `sds_key.pem`: the xDS client private key.
    public var privateKey: [UInt8]?

    /// The PEM files that are known.
    public init(caCertificate: [UInt8]? = nil, certificateChain: [UInt8]? = nil, privateKey: [UInt8]? = nil) {
        self.caCertificate = caCertificate
        self.certificateChain = certificateChain
        self.privateKey = privateKey
    }
}

/// The Envoy bootstrap Secret OSM v1.2.4's webhook creates for a pod (`marshalAndSaveBootstrap`).
///
/// Where Go map order could make OSM's output vary, and the order fixed here:
/// - Inside the three YAML files nothing varies in v1.2.4: protojson writes proto maps and `Struct` fields
///   (`typed_extension_protocol_options`, the access-log `json_format`) in whatever order, but yaml.v2 re-sorts
///   every mapping (`YAMLValue.sortedLikeGoYAMLv2()`), and v1.2.4 keeps one probe per type in a struct, not
///   HEAD's container-keyed map whose iteration order shuffled clusters and routes.
/// - The Secret's `labels` and `data` are Go maps; client-go sends them as JSON, whose encoder sorts map keys,
///   so the API server stores them sorted. This value uses that sorted order for both. `metadata` follows the
///   `ObjectMeta` field order (name, namespace, labels); the top level is the manifest convention
///   apiVersion, kind, metadata, data. No `type` is set (the API server defaults `Opaque`).
public struct BootstrapSecret: Sendable, Equatable {
    /// The proxy UUID (lowercase, hyphenated); the Secret is `envoy-bootstrap-config-<uuid>`.
    public var proxyUUID: String
    /// The pod's namespace.
    public var namespace: String
    /// The mesh name (`app.kubernetes.io/instance`).
    public var meshName: String
    /// The injector's version (`app.kubernetes.io/version`).
    public var osmVersion: String
    /// What `bootstrap.yaml` is built from.
    public var config: BootstrapConfig
    /// The PEM files, when known.
    public var certificates: BootstrapCertificates
    /// Annotations of the Secret (the webhook sets none; osm-inject records its restore log here).
    public var annotations: [String: String] = [:]

    /// The Secret for one pod.
    public init(
        proxyUUID: String, namespace: String, meshName: String = "osm", osmVersion: String = "v1.2.4",
        config: BootstrapConfig, certificates: BootstrapCertificates = BootstrapCertificates()
    ) {
        self.proxyUUID = proxyUUID
        self.namespace = namespace
        self.meshName = meshName
        self.osmVersion = osmVersion
        self.config = config
        self.certificates = certificates
    }

    /// `envoy-bootstrap-config-<uuid>`.
    public var name: String { OSMConstants.bootstrapSecretPrefix + proxyUUID }

    /// The data files (key and raw bytes) in key order.
    public func files() throws(InjectionError) -> [(key: String, bytes: [UInt8])] {
        Self.inKeyOrder([(OSMConstants.envoyBootstrapConfigFile, try config.yaml())] + (try otherFiles()), by: \.key)
    }

    /// The data files besides `bootstrap.yaml`, in no particular order: the two SDS files and the PEM files known.
    func otherFiles() throws(InjectionError) -> [(key: String, bytes: [UInt8])] {
        var files: [(key: String, bytes: [UInt8])] = [
            (OSMConstants.envoyTLSCertificateSDSSecretFile, try SDSFiles.tlsCertificateYAML()),
            (OSMConstants.envoyValidationContextSDSSecretFile, try SDSFiles.validationContextYAML()),
        ]
        if let pem = certificates.caCertificate { files.append((OSMConstants.envoyXDSCACertFile, pem)) }
        if let pem = certificates.certificateChain { files.append((OSMConstants.envoyXDSCertFile, pem)) }
        if let pem = certificates.privateKey { files.append((OSMConstants.envoyXDSKeyFile, pem)) }
        return files
    }

    /// `entries` sorted by the bytes of their `key`, as Go's JSON encoder sorts map keys.
    static func inKeyOrder<Entry>(_ entries: [Entry], by key: (Entry) -> String) -> [Entry] {
        entries.sorted { Array(key($0).utf8).lexicographicallyPrecedes(Array(key($1).utf8)) }
    }

    /// The annotations in the order they are written.
    var sortedAnnotations: [(key: String, value: String)] {
        annotations.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The Secret manifest, `data` base64-encoded.
    public func secret() throws(InjectionError) -> YAMLValue {
        let data = try files().map { file in (key: file.key, value: Data(file.bytes).base64EncodedString()) }
        return Self.manifest(
            name: name, namespace: namespace, meshName: meshName, osmVersion: osmVersion,
            annotations: sortedAnnotations, data: data)
    }

    /// The Secret as YAML text (without a `---` line), rendered afresh; `BootstrapRenderCache` writes the same
    /// bytes from parts it keeps.
    public func yaml() throws(InjectionError) -> [UInt8] {
        let value = try secret()
        do {
            return try Emitter().emit(value)
        } catch {
            throw InjectionError("cannot write the bootstrap Secret: \(error)")
        }
    }

    /// The Secret manifest of these scalars, annotations and base64 `data` values (each list in written order).
    static func manifest(
        name: String, namespace: String, meshName: String, osmVersion: String,
        annotations: [(key: String, value: String)],
        data: [(key: String, value: String)]
    ) -> YAMLValue {
        .map([
            ("apiVersion", .string("v1")),
            ("kind", .string("Secret")),
            (
                "metadata",
                .map(
                    [
                        ("name", .string(name)),
                        ("namespace", .string(namespace)),
                        (
                            "labels",
                            .map([
                                (OSMConstants.appInstanceLabelKey, .string(meshName)),
                                (OSMConstants.appNameLabelKey, .string(OSMConstants.appNameLabelValue)),
                                (OSMConstants.appVersionLabelKey, .string(osmVersion)),
                            ])
                        ),
                    ]
                        + (annotations.isEmpty
                            ? []
                            : [
                                ("annotations", .map(annotations.map { ($0.key, YAMLValue.string($0.value)) }))
                            ]))
            ),
            ("data", .map(data.map { ($0.key, YAMLValue.string($0.value)) })),
        ])
    }
}
