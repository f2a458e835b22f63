import Foundation
import SwiftASN1
import X509
import _CryptoExtras

/// Issues the xDS client certificate of a bootstrap Secret offline, as OSM v1.2.4's tresor certificate manager
/// (`tresor.CertManager.IssueCertificate`, Go 1.19 `x509.CreateCertificate`) issues it with the mesh CA.
///
/// Matches OSM field for field and byte for byte (DER layout, string types, extension order, PEM layout); only
/// the random parts differ, as they differ between two OSM runs: the RSA key and the 128-bit serial.
public struct CertificateIssuer: Sendable {
    private let authority: CertificateAuthority

    /// Loads the mesh CA: `ca.crt` and `private.key` of the `osm-ca-bundle` Secret (an RSA key in PKCS#8 PEM).
    public init(caCertificatePEM: String, caKeyPEM: String) throws(InjectionError) {
        do {
            authority = try CertificateAuthority(certificatePEM: caCertificatePEM, keyPEM: caKeyPEM)
        } catch {
            throw error.injectionError
        }
    }

    /// `GetCertKeyBitSize`: MeshConfig `certKeyBitSize`, or 2048 when outside 2048–4096.
    public static func keyBits(forCertKeyBitSize bits: Int) -> Int { (2048...4096).contains(bits) ? bits : 2048 }

    /// A certificate for `commonName` (`BootstrapConfig.nodeID(…)`: `<uuid>.sidecar.<sa>.<ns>.<trustDomain>`),
    /// valid 87600h from `notBefore`, with a new RSA key of `keyBits` (MeshConfig `certKeyBitSize`) bits.
    public func issue(commonName: String, keyBits: Int, notBefore: Date)
        throws(InjectionError) -> BootstrapCertificates
    {
        do {
            let key = try Self.generateKey(bits: Self.keyBits(forCertKeyBitSize: keyBits))
            return try issue(commonName: commonName, key: key, serial: Self.randomSerial(), notBefore: notBefore)
        } catch {
            throw error.injectionError
        }
    }

    /// The deterministic part of `issue`: the given key and big-endian serial in place of random ones.
    func issue(commonName: String, key: _RSA.Signing.PrivateKey, serial: [UInt8], notBefore: Date)
        throws(CertificateIssuerError) -> BootstrapCertificates
    {
        guard CertificateTemplate.isIA5(commonName) else { throw .commonNameNotIA5(commonName) }
        let der: [UInt8]
        do {
            let subject = try CertificateTemplate.subject(commonName: commonName)
            let validity = CertificateTemplate.validity(from: notBefore)
            let certificate = try Certificate(
                version: .v3,
                serialNumber: Certificate.SerialNumber(bytes: serial),
                publicKey: Certificate.PublicKey(key.publicKey),
                notValidBefore: validity.notBefore,
                notValidAfter: validity.notAfter,
                issuer: authority.certificate.subject,
                subject: subject,
                signatureAlgorithm: .sha256WithRSAEncryption,
                extensions: try CertificateTemplate.extensions(
                    commonName: commonName, authorityKeyID: try authorityKeyID(subject: subject)),
                issuerPrivateKey: authority.key
            )
            var serializer = DER.Serializer()
            try serializer.serialize(certificate)
            der = serializer.serializedBytes
        } catch {
            throw .issuance("\(error)")
        }
        let keyDER = Array(key.pkcs8DERRepresentation)
        return BootstrapCertificates(
            caCertificate: authority.pem,
            certificateChain: CertificatePEM.encode(type: CertificatePEM.certificateType, der: der),
            privateKey: CertificatePEM.encode(type: CertificatePEM.privateKeyType, der: keyDER)
        )
    }

    /// Go copies the CA's subject key ID unless the issuer and subject names are the same bytes.
    private func authorityKeyID(subject: DistinguishedName) throws -> ArraySlice<UInt8>? {
        var serializer = DER.Serializer()
        try serializer.serialize(subject)
        return serializer.serializedBytes == authority.subjectDER ? nil : authority.subjectKeyID
    }

    /// `rsa.GenerateKey(rand.Reader, bits)`; BoringSSL rounds sizes down to a multiple of 128, Go does not.
    static func generateKey(bits: Int) throws(CertificateIssuerError) -> _RSA.Signing.PrivateKey {
        guard bits >= 2048, bits % 128 == 0 else { throw .unsupportedKeySize(bits) }
        do {
            return try _RSA.Signing.PrivateKey(keySize: _RSA.Signing.KeySize(bitCount: bits))
        } catch {
            throw .issuance("RSA key generation failed: \(error)")
        }
    }

    /// `rand.Int(rand.Reader, 2^128)`: 16 bytes from the system's cryptographic generator.
    static func randomSerial() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<CertificateTemplate.serialBytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
