import Foundation

/// How the bootstrap Secrets are written: at all, inline after their workload or kept apart, and whether
/// they carry an xDS certificate issued offline.
public struct SecretOptions: Sendable {
    /// Whether a Secret is made for each injected workload.
    public var emit = true
    /// Whether Secrets go into the output stream right after their workload (else only into `Output.secrets`).
    public var inline = true
    /// The mesh CA that signs an xDS certificate for each Secret; nil leaves the certificate to the injector.
    public var issuer: CertificateIssuer?
    /// The start of the certificates' validity (the core reads no clock: the caller passes the time).
    public var notBefore = Date(timeIntervalSince1970: 0)

    public init() {}
}
