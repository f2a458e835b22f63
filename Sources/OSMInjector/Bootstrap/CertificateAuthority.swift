import SwiftASN1
import X509
import _CryptoExtras

/// The mesh CA as tresor loads it from the `osm-ca-bundle` Secret (`ca.crt`, `private.key`).
struct CertificateAuthority: Sendable {
    /// `ca.crt` byte for byte: OSM hands it out as the issued certificate's trusted CAs (`cacert.pem`).
    let pem: [UInt8]
    /// The first `CERTIFICATE` block that parses: the issuer.
    let certificate: Certificate
    /// The issuer's subject as encoded in `ca.crt` (Go copies `RawSubject`).
    let subjectDER: [UInt8]
    /// The CA's subject key ID, which Go copies into the authority key ID; `nil` when absent or empty.
    let subjectKeyID: ArraySlice<UInt8>?
    /// The signing key: RSA, from the first `PRIVATE KEY` block.
    let key: Certificate.PrivateKey

    /// Loads and checks the CA as OSM v1.2.4 would use it.
    init(certificatePEM: String, keyPEM: String) throws(CertificateIssuerError) {
        let (certificate, der) = try CertificatePEM.firstCertificate(in: certificatePEM)
        let key = try Self.rsaKey(pkcs8: try CertificatePEM.firstPrivateKeyDER(in: keyPEM))
        guard key.publicKey == certificate.publicKey else { throw .keyMismatch }
        self.pem = Array(certificatePEM.utf8)
        self.certificate = certificate
        self.subjectDER = try Self.subjectDER(certificateDER: der, subject: certificate.subject)
        self.subjectKeyID = try Self.subjectKeyID(of: certificate)
        self.key = key
    }

    /// The PKCS#8 key, which must be RSA (`DecodePEMPrivateKey` asserts `*rsa.PrivateKey`).
    private static func rsaKey(pkcs8 der: [UInt8]) throws(CertificateIssuerError) -> Certificate.PrivateKey {
        let key: Certificate.PrivateKey
        do {
            key = try Certificate.PrivateKey(derBytes: der)
        } catch let error as CertificateError where error.code == .unsupportedPrivateKey {
            throw .unsupportedKeyType("\(error)")
        } catch {
            throw .badKeyPEM("\(error)")
        }
        guard _RSA.Signing.PublicKey(key.publicKey) != nil else { throw .unsupportedKeyType(key.description) }
        return key
    }

    /// The subject's bytes in `ca.crt`, checked to be what swift-certificates writes back for it.
    private static func subjectDER(certificateDER: [UInt8], subject: DistinguishedName)
        throws(CertificateIssuerError) -> [UInt8]
    {
        let raw: [UInt8]
        let encoded: [UInt8]
        do {
            raw = try rawSubject(certificateDER: certificateDER)
            var serializer = DER.Serializer()
            try serializer.serialize(subject)
            encoded = serializer.serializedBytes
        } catch {
            throw .badCertificatePEM("\(error)")
        }
        guard raw == encoded else { throw .issuerNotReencodable }
        return raw
    }

    /// `TBSCertificate.subject`: the sixth field, after the optional `[0]` version.
    private static func rawSubject(certificateDER: [UInt8]) throws -> [UInt8] {
        let root = try DER.parse(certificateDER)
        guard case .constructed(let certificateFields) = root.content,
            let tbs = certificateFields.first(where: { _ in true }),
            case .constructed(let tbsFields) = tbs.content
        else {
            throw ASN1Error.invalidASN1Object(reason: "certificate is not a SEQUENCE holding a TBSCertificate")
        }
        let fields = Array(tbsFields)
        let versioned = fields.first?.identifier == ASN1Identifier(tagWithNumber: 0, tagClass: .contextSpecific)
        guard let subject = fields.dropFirst(versioned ? 5 : 4).first else {
            throw ASN1Error.invalidASN1Object(reason: "TBSCertificate has no subject")
        }
        return Array(subject.encodedBytes)
    }

    private static func subjectKeyID(of certificate: Certificate) throws(CertificateIssuerError) -> ArraySlice<UInt8>? {
        do {
            guard let id = try certificate.extensions.subjectKeyIdentifier?.keyIdentifier, !id.isEmpty else {
                return nil
            }
            return id
        } catch {
            throw .badCertificatePEM("malformed subject key identifier: \(error)")
        }
    }
}
