import Foundation
import SwiftASN1
import X509

/// PEM in and out as OSM v1.2.4's `pkg/certificate/encode.go` reads and writes it.
enum CertificatePEM {
    /// PEM type of a certificate.
    static let certificateType = "CERTIFICATE"
    /// PEM type of a PKCS#8 private key, the only key type OSM reads and writes.
    static let privateKeyType = "PRIVATE KEY"

    /// `DecodePEMCertificate`: the first `CERTIFICATE` block that parses, with its DER bytes.
    static func firstCertificate(in pem: String)
        throws(CertificateIssuerError) -> (certificate: Certificate, der: [UInt8])
    {
        for document in try documents(in: pem, failure: CertificateIssuerError.badCertificatePEM)
        where document.discriminator == certificateType {
            if let certificate = try? Certificate(derEncoded: document.derBytes) {
                return (certificate, document.derBytes)
            }
        }
        throw .badCertificatePEM("no \(certificateType) block that parses as an X.509 certificate")
    }

    /// `DecodePEMPrivateKey`: the DER bytes of the first `PRIVATE KEY` (PKCS#8) block; other blocks are skipped.
    static func firstPrivateKeyDER(in pem: String) throws(CertificateIssuerError) -> [UInt8] {
        let documents = try documents(in: pem, failure: CertificateIssuerError.badKeyPEM)
        if let document = documents.first(where: { $0.discriminator == privateKeyType }) {
            return document.derBytes
        }
        if let other = documents.first(where: { $0.discriminator.hasSuffix(privateKeyType) }) {
            throw .badKeyPEM(
                "no \(privateKeyType) block (PKCS#8); OSM does not read \(other.discriminator)"
                    + ": convert it with `openssl pkcs8 -topk8 -nocrypt`")
        }
        throw .badKeyPEM("no \(privateKeyType) block")
    }

    /// `pem.Encode`: base64 in 64-column lines between the BEGIN and END lines, each line ending with `\n`.
    static func encode(type: String, der: [UInt8]) -> [UInt8] {
        Array((PEMDocument(type: type, derBytes: der).pemString + "\n").utf8)
    }

    private static func documents(in pem: String, failure: (String) -> CertificateIssuerError)
        throws(CertificateIssuerError) -> [PEMDocument]
    {
        do {
            return try PEMDocument.parseMultiple(pemString: pem)
        } catch {
            throw failure("\(error)")
        }
    }
}
