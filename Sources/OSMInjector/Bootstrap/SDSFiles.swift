import LosslessYAML

/// The two static SDS documents of the bootstrap Secret (`BuildTLSSecret`, `BuildValidationSecret`): discovery
/// responses whose only field is `resources`, one `Secret` pointing Envoy at the PEM files under `/etc/envoy`.
public enum SDSFiles {
    /// Name of the SDS secret holding Envoy's xDS client certificate.
    public static let tlsCertificateSecretName = "tls_sds"
    /// Name of the SDS secret holding the CA bundle that validates osm-controller.
    public static let validationContextSecretName = "validation_context_sds"

    private static let secretType = "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret"

    /// `tls_certificate_sds_secret.yaml` as a value (keys in yaml.v2 order).
    public static func tlsCertificate() -> YAMLValue {
        resources([
            ("@type", .string(secretType)),
            ("name", .string(tlsCertificateSecretName)),
            (
                "tls_certificate",
                .map([
                    ("certificate_chain", .map([("filename", .string(path(OSMConstants.envoyXDSCertFile)))])),
                    ("private_key", .map([("filename", .string(path(OSMConstants.envoyXDSKeyFile)))])),
                ])
            ),
        ])
    }

    /// `validation_context_sds_secret.yaml` as a value (keys in yaml.v2 order).
    public static func validationContext() -> YAMLValue {
        resources([
            ("@type", .string(secretType)),
            ("name", .string(validationContextSecretName)),
            (
                "validation_context",
                .map([
                    ("trusted_ca", .map([("filename", .string(path(OSMConstants.envoyXDSCACertFile)))]))
                ])
            ),
        ])
    }

    /// `tls_certificate_sds_secret.yaml` exactly as v1.2.4 writes it.
    public static func tlsCertificateYAML() throws(InjectionError) -> [UInt8] {
        try emit(tlsCertificate(), file: OSMConstants.envoyTLSCertificateSDSSecretFile)
    }

    /// `validation_context_sds_secret.yaml` exactly as v1.2.4 writes it.
    public static func validationContextYAML() throws(InjectionError) -> [UInt8] {
        try emit(validationContext(), file: OSMConstants.envoyValidationContextSDSSecretFile)
    }

    private static func resources(_ secret: [(String, YAMLValue)]) -> YAMLValue {
        YAMLValue.map([("resources", .sequence([.map(secret)]))]).sortedLikeGoYAMLv2()
    }

    private static func path(_ file: String) -> String { "\(OSMConstants.envoyProxyConfigPath)/\(file)" }

    private static func emit(_ value: YAMLValue, file: String) throws(InjectionError) -> [UInt8] {
        do {
            return try Emitter(policy: .goYAMLv2).emit(value)
        } catch {
            throw InjectionError("cannot write \(file): \(error.message)")
        }
    }
}
