/// Why `CertificateIssuer` cannot load the mesh CA or issue a certificate; thrown as an `InjectionError`
/// whose message is `description`.
public enum CertificateIssuerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The CA certificate PEM holds no `CERTIFICATE` block that parses (or a block is not valid PEM).
    case badCertificatePEM(String)
    /// The CA key PEM holds no `PRIVATE KEY` block that parses (or a block is not valid PEM).
    case badKeyPEM(String)
    /// The CA key is not RSA: OSM v1.2.4 asserts `*rsa.PrivateKey` on it.
    case unsupportedKeyType(String)
    /// The CA key is not the key of the CA certificate.
    case keyMismatch
    /// An RSA key of this size cannot be generated exactly as Go does.
    case unsupportedKeySize(Int)
    /// The CA certificate's subject does not encode back to its own bytes.
    case issuerNotReencodable
    /// The common name cannot be a DNS subject alternative name (Go requires IA5, that is ASCII).
    case commonNameNotIA5(String)
    /// swift-certificates or swift-crypto failed while building, signing or encoding.
    case issuance(String)

    public var description: String {
        switch self {
        case .badCertificatePEM(let reason):
            return "bad mesh CA certificate PEM: \(reason)"
        case .badKeyPEM(let reason):
            return "bad mesh CA private key PEM: \(reason)"
        case .unsupportedKeyType(let type):
            return "unsupported mesh CA key type \(type): OSM v1.2.4 (tresor) signs only with an RSA key in PKCS#8 PEM"
        case .keyMismatch:
            return "the mesh CA private key does not match the CA certificate's public key"
        case .unsupportedKeySize(let bits):
            return "cannot generate an RSA key of exactly \(bits) bits as OSM's Go does (BoringSSL generates"
                + " multiples of 128 bits): set certKeyBitSize to a multiple of 128 such as 2048, 3072 or 4096"
        case .issuerNotReencodable:
            return "the mesh CA certificate's subject is not in canonical DER:"
                + " it cannot be copied byte for byte as the issuer"
        case .commonNameNotIA5(let name):
            return "common name \"\(name)\" cannot be encoded as an IA5String DNS name"
        case .issuance(let reason):
            return "cannot issue the xDS certificate: \(reason)"
        }
    }

    /// This error as the injector's error type.
    var injectionError: InjectionError { InjectionError(description) }
}
