import Foundation
import SwiftASN1
import X509

/// The fields tresor's `IssueCertificate` template sets, encoded as Go 1.19's `x509.CreateCertificate` encodes them.
enum CertificateTemplate {
    /// `Subject.Organization`: tresor's `rootCertOrganization`.
    static let organization = "Open Service Mesh"
    /// `constants.OSMCertificateValidityPeriod`, the validity of `certificate.Internal` certificates: 87600h.
    static let validity: TimeInterval = 87_600 * 3_600
    /// `certSerialNumberBits`: the serial is uniform in [0, 2^128).
    static let serialBytes = 16

    /// `NotBefore` and `NotAfter`, truncated to the second as Go's ASN.1 time encoding truncates them.
    static func validity(from notBefore: Date) -> (notBefore: Date, notAfter: Date) {
        let start = Date(timeIntervalSince1970: notBefore.timeIntervalSince1970.rounded(.down))
        return (start, start.addingTimeInterval(validity))
    }

    /// `pkix.Name{CommonName, Organization}.ToRDNSequence()`: O then CN, one attribute per RDN, an empty CN left out.
    static func subject(commonName: String) throws -> DistinguishedName {
        var names = [RelativeDistinguishedName(try attribute(.RDNAttributeType.organizationName, organization))]
        if !commonName.isEmpty {
            names.append(RelativeDistinguishedName(try attribute(.RDNAttributeType.commonName, commonName)))
        }
        return DistinguishedName(names)
    }

    /// `buildCertExtensions` in its order: key usage (critical), extended key usage, basic constraints (critical),
    /// authority key ID when the CA has a subject key ID, DNS subject alternative name.
    static func extensions(commonName: String, authorityKeyID: ArraySlice<UInt8>?) throws -> Certificate.Extensions {
        var extensions = [
            try Certificate.Extension(KeyUsage(digitalSignature: true, keyEncipherment: true), critical: true),
            try Certificate.Extension(ExtendedKeyUsage([.clientAuth, .serverAuth]), critical: false),
            try Certificate.Extension(BasicConstraints.notCertificateAuthority, critical: true),
        ]
        if let authorityKeyID {
            extensions.append(
                try Certificate.Extension(
                    AuthorityKeyIdentifier(keyIdentifier: authorityKeyID),
                    critical: false))
        }
        extensions.append(try Certificate.Extension(SubjectAlternativeNames([.dnsName(commonName)]), critical: false))
        return try Certificate.Extensions(extensions)
    }

    /// Whether Go's `encoding/asn1` writes `value` as a PrintableString (else a UTF8String): ASCII letters, digits
    /// and `'()+,-./:= ?`, without the `*` and `&` it tolerates only when parsing.
    static func isGoPrintable(_ value: String) -> Bool {
        value.unicodeScalars.allSatisfy { scalar in
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "'"...")", "+"..."/", " ", ":", "=", "?": return true
            default: return false
            }
        }
    }

    /// Whether `value` is an IA5String, as Go's `marshalSANs` requires of a DNS name.
    static func isIA5(_ value: String) -> Bool { value.unicodeScalars.allSatisfy(\.isASCII) }

    private static func attribute(_ type: ASN1ObjectIdentifier, _ value: String) throws
        -> RelativeDistinguishedName.Attribute
    {
        let encoded =
            isGoPrintable(value)
            ? try RelativeDistinguishedName.Attribute.Value(printableString: value)
            : RelativeDistinguishedName.Attribute.Value(utf8String: value)
        return RelativeDistinguishedName.Attribute(type: type, value: encoded)
    }
}
