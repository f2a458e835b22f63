import Foundation
import Testing
import _CryptoExtras
@testable import OSMInjector

// The CA is made by /usr/bin/openssl in a temporary folder; the issued files are checked with `openssl verify`
// and `openssl x509`. The golden vector at the end was produced by Go 1.19.8 running OSM v1.2.4's tresor
// `NewCA` and `IssueCertificate` (copied verbatim, the random serial and key passed in).

private let commonName = "5f6b7c3e-1d2a-4b5c-8e9f-0a1b2c3d4e5f.sidecar.bookbuyer.bookstore.cluster.local"
/// 2024-05-06T07:08:09.75Z: Go writes the time truncated to the second.
private let notBefore = Date(timeIntervalSince1970: 1_714_979_289.75)

/// The error message `error` gives as an `InjectionError`.
private func message(_ error: CertificateIssuerError) -> InjectionError { InjectionError(error.description) }

/// A temporary folder where `/usr/bin/openssl` runs; removed by `remove()`.
private struct OpenSSL {
    static let path = "/usr/bin/openssl"
    let folder: URL

    init() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.path), "these tests need \(Self.path)")
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("osm-cert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    /// Runs openssl with `arguments` in the folder: exit status and stdout and stderr together.
    @discardableResult
    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.path)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Runs openssl and requires success; its output.
    @discardableResult
    func output(_ arguments: [String]) throws -> String {
        let result = try run(arguments)
        try #require(result.status == 0, "openssl \(arguments.joined(separator: " ")): \(result.output)")
        return result.output
    }

    /// `openssl verify -CAfile ca.pem sds_cert.pem` with `options`, at the current time.
    func verify(_ options: [String] = []) throws -> String {
        try output(["verify"] + options + ["-CAfile", "ca.pem", "sds_cert.pem"])
    }

    func write(_ name: String, _ bytes: [UInt8]?) throws {
        try Data(try #require(bytes)).write(to: folder.appendingPathComponent(name))
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    /// A self-signed CA with tresor's subject, key `name.key` (PKCS#8) and certificate `name.pem`;
    /// `newKey` are openssl's options for the new key.
    func makeCA(_ name: String = "ca", newKey: [String] = ["-newkey", "rsa:2048"], subjectKeyID: Bool = true) throws {
        let config = """
            [req]
            distinguished_name = dn
            x509_extensions = v3_ca
            prompt = no
            [dn]
            C = US
            L = CA
            O = Open Service Mesh
            CN = osm-ca.openservicemesh.io
            [v3_ca]
            basicConstraints = critical, CA:TRUE
            keyUsage = critical, keyCertSign, cRLSign
            subjectKeyIdentifier = \(subjectKeyID ? "hash" : "none")
            """
        try write("\(name).cnf", Array(config.utf8))
        try output(
            ["req", "-x509", "-config", "\(name).cnf"] + newKey
                + ["-nodes", "-keyout", "\(name).key", "-out", "\(name).pem", "-days", "36500"])
    }

    /// An issuer for the CA `name`.
    func issuer(_ name: String = "ca") throws -> CertificateIssuer {
        try CertificateIssuer(caCertificatePEM: try read("\(name).pem"), caKeyPEM: try read("\(name).key"))
    }

    /// Writes the issued files as `cacert.pem`, `sds_cert.pem` and `sds_key.pem`.
    func write(_ certificates: BootstrapCertificates) throws {
        try write("cacert.pem", certificates.caCertificate)
        try write("sds_cert.pem", certificates.certificateChain)
        try write("sds_key.pem", certificates.privateKey)
    }
}

@Suite("CertificateIssuer")
struct CertificateIssuerTests {
    @Test("the issued certificate verifies against the CA for TLS client and server use")
    func verifies() throws {
        let openssl = try OpenSSL()
        defer { openssl.remove() }
        try openssl.makeCA()
        try openssl.write(try openssl.issuer().issue(commonName: commonName, keyBits: 2048, notBefore: Date()))
        for purpose in ["sslclient", "sslserver"] {
            #expect(try openssl.verify(["-purpose", purpose]) == "sds_cert.pem: OK\n")
        }
        #expect(try openssl.read("cacert.pem") == openssl.read("ca.pem"))
    }

    @Test("subject, SAN, usages, validity, serial and key are tresor's")
    func fields() throws {
        let openssl = try OpenSSL()
        defer { openssl.remove() }
        try openssl.makeCA()
        try openssl.write(try openssl.issuer().issue(commonName: commonName, keyBits: 2048, notBefore: notBefore))
        let text = try openssl.output(["x509", "-in", "sds_cert.pem", "-noout", "-text"])
        let expected = [
            "Version: 3 (0x2)",
            "Signature Algorithm: sha256WithRSAEncryption",
            "Issuer: C = US, L = CA, O = Open Service Mesh, CN = osm-ca.openservicemesh.io",
            "Not Before: May  6 07:08:09 2024 GMT",
            "Not After : May  4 07:08:09 2034 GMT",
            "Subject: O = Open Service Mesh, CN = \(commonName)",
            "Public-Key: (2048 bit)",
            "Exponent: 65537 (0x10001)",
            "X509v3 Key Usage: critical\n                Digital Signature, Key Encipherment\n",
            "X509v3 Extended Key Usage: \n"
                + "                TLS Web Client Authentication, TLS Web Server Authentication\n",
            "X509v3 Basic Constraints: critical\n                CA:FALSE\n",
            "X509v3 Subject Alternative Name: \n                DNS:\(commonName)\n",
        ]
        for line in expected { #expect(text.contains(line), "missing \(line)") }
        let caText = try openssl.output(["x509", "-in", "ca.pem", "-noout", "-text"])
        let caKeyID = try #require(
            caText.components(separatedBy: "X509v3 Subject Key Identifier: \n").last?
                .split(separator: "\n").first)
        #expect(text.contains("X509v3 Authority Key Identifier: \n\(caKeyID)\n"))
        let extensions = text.components(separatedBy: "\n").filter { $0.contains("X509v3 ") }
            .map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(
            extensions == [
                "X509v3 extensions:", "X509v3 Key Usage: critical", "X509v3 Extended Key Usage:",
                "X509v3 Basic Constraints: critical", "X509v3 Authority Key Identifier:",
                "X509v3 Subject Alternative Name:",
            ])
        let serial = try openssl.output(["x509", "-in", "sds_cert.pem", "-noout", "-serial"])
        #expect(serial.hasPrefix("serial=") && serial.count <= "serial=\n".count + 32)
        let key = try openssl.read("sds_key.pem")
        #expect(key.hasPrefix("-----BEGIN PRIVATE KEY-----\n") && key.hasSuffix("\n-----END PRIVATE KEY-----\n"))
        #expect(
            try openssl.output(["pkey", "-in", "sds_key.pem", "-noout", "-text"])
                .hasPrefix("Private-Key: (2048 bit, 2 primes)"))
        #expect(
            try openssl.output(["x509", "-in", "sds_cert.pem", "-noout", "-modulus"])
                == openssl.output(["rsa", "-in", "sds_key.pem", "-noout", "-modulus"]))
        let certificate = try openssl.read("sds_cert.pem")
        #expect(certificate.hasSuffix("\n-----END CERTIFICATE-----\n"))
        #expect(certificate.split(separator: "\n").allSatisfy { $0.count <= 64 })
    }

    @Test("names are PrintableStrings as Go writes them, UTF8Strings otherwise")
    func stringTypes() throws {
        let openssl = try OpenSSL()
        defer { openssl.remove() }
        try openssl.makeCA()
        try openssl.write(try openssl.issuer().issue(commonName: "*.example", keyBits: 2048, notBefore: notBefore))
        let asn1 = try openssl.output(["asn1parse", "-in", "sds_cert.pem"])
        #expect(asn1.contains("PRINTABLESTRING   :Open Service Mesh"))
        #expect(asn1.contains("UTF8STRING        :*.example"))
        #expect(asn1.contains("UTCTIME           :240506070809Z"))
        #expect(CertificateTemplate.isGoPrintable("a-b.c:d=e?f (g)'h+i,j/k"))
        #expect(!CertificateTemplate.isGoPrintable("a&b") && !CertificateTemplate.isGoPrintable("é"))
    }

    @Test("no authority key ID when the CA has no subject key ID")
    func noSubjectKeyID() throws {
        let openssl = try OpenSSL()
        defer { openssl.remove() }
        try openssl.makeCA(subjectKeyID: false)
        try openssl.write(try openssl.issuer().issue(commonName: commonName, keyBits: 2048, notBefore: Date()))
        let text = try openssl.output(["x509", "-in", "sds_cert.pem", "-noout", "-text"])
        #expect(!text.contains("Key Identifier"))
        #expect(try openssl.verify() == "sds_cert.pem: OK\n")
    }

    @Test("certKeyBitSize outside 2048–4096 means 2048, as OSM's GetCertKeyBitSize")
    func keyBitClamp() {
        #expect(
            [0, 1024, 2047, 4097, 8192, -1].map(CertificateIssuer.keyBits(forCertKeyBitSize:))
                .allSatisfy { $0 == 2048 })
        #expect([2048, 3072, 4096].map(CertificateIssuer.keyBits(forCertKeyBitSize:)) == [2048, 3072, 4096])
    }

    @Test("a 4096-bit key and a clamped 1024 request")
    func keySizes() throws {
        let openssl = try OpenSSL()
        defer { openssl.remove() }
        try openssl.makeCA()
        let issuer = try openssl.issuer()
        for (requested, bits) in [(4096, 4096), (1024, 2048)] {
            try openssl.write(try issuer.issue(commonName: commonName, keyBits: requested, notBefore: notBefore))
            #expect(
                try openssl.output(["x509", "-in", "sds_cert.pem", "-noout", "-text"])
                    .contains("Public-Key: (\(bits) bit)"))
        }
    }

    @Test("a size Go generates exactly but BoringSSL cannot is an error")
    func oddKeySize() throws {
        let openssl = try OpenSSL()
        defer { openssl.remove() }
        try openssl.makeCA()
        #expect(throws: message(.unsupportedKeySize(3000))) {
            try openssl.issuer().issue(commonName: commonName, keyBits: 3000, notBefore: notBefore)
        }
    }

    @Test("cacert.pem is ca.crt byte for byte; the first certificate that parses is the issuer")
    func caBundleVerbatim() throws {
        let openssl = try OpenSSL()
        defer { openssl.remove() }
        try openssl.makeCA()
        try openssl.makeCA("other")
        let bundle =
            "# mesh CA\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"
            + (try openssl.read("ca.pem")) + (try openssl.read("other.pem"))
        let keys = (try openssl.read("other.pem")) + (try openssl.read("ca.key"))
        let issued = try CertificateIssuer(caCertificatePEM: bundle, caKeyPEM: keys)
            .issue(commonName: commonName, keyBits: 2048, notBefore: Date())
        #expect(issued.caCertificate == Array(bundle.utf8))
        try openssl.write(issued)
        #expect(try openssl.verify() == "sds_cert.pem: OK\n")
    }

    @Test("bad PEM, missing blocks, PKCS#1 keys, other key types and mismatched keys are errors")
    func errors() throws {
        let openssl = try OpenSSL()
        defer { openssl.remove() }
        try openssl.makeCA()
        try openssl.makeCA("other")
        try openssl.makeCA("ec", newKey: ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"])
        let ca = try openssl.read("ca.pem"), key = try openssl.read("ca.key")

        let notPEM = #expect(throws: InjectionError.self) {
            try CertificateIssuer(
                caCertificatePEM: "-----BEGIN CERTIFICATE-----\n!!\n-----END CERTIFICATE-----\n",
                caKeyPEM: key)
        }
        #expect(notPEM?.message.hasPrefix("bad mesh CA certificate PEM: ") == true)
        #expect(throws: message(.badCertificatePEM("no CERTIFICATE block that parses as an X.509 certificate"))) {
            try CertificateIssuer(caCertificatePEM: key, caKeyPEM: key)
        }
        #expect(throws: message(.badKeyPEM("no PRIVATE KEY block"))) {
            try CertificateIssuer(caCertificatePEM: ca, caKeyPEM: ca)
        }
        try openssl.output(["rsa", "-in", "ca.key", "-traditional", "-out", "pkcs1.key"])
        #expect(
            throws: message(
                .badKeyPEM(
                    "no PRIVATE KEY block (PKCS#8); OSM does not read RSA PRIVATE KEY"
                        + ": convert it with `openssl pkcs8 -topk8 -nocrypt`"))
        ) {
            try CertificateIssuer(caCertificatePEM: ca, caKeyPEM: try openssl.read("pkcs1.key"))
        }
        #expect(throws: message(.keyMismatch)) {
            try CertificateIssuer(caCertificatePEM: ca, caKeyPEM: try openssl.read("other.key"))
        }
        #expect(throws: message(.unsupportedKeyType("P256.PrivateKey"))) {
            try openssl.issuer("ec")
        }
        #expect(throws: message(.commonNameNotIA5("é.sidecar"))) {
            try openssl.issuer().issue(commonName: "é.sidecar", keyBits: 2048, notBefore: notBefore)
        }
    }

    @Test("byte for byte what OSM v1.2.4's tresor issues under Go 1.19 for the same serial and key")
    func goldenGo() throws {
        let issuer = try CertificateIssuer(caCertificatePEM: goldenCA, caKeyPEM: goldenCAKey)
        let key = try _RSA.Signing.PrivateKey(pemRepresentation: goldenLeafKey)
        let serial: [UInt8] = [
            0xC0, 0xFF, 0xEE, 0x01, 0x23, 0x45, 0x67, 0x89,
            0xAB, 0xCD, 0xEF, 0x01, 0x23, 0x45, 0x67, 0x89,
        ]
        let issued = try issuer.issue(commonName: commonName, key: key, serial: serial, notBefore: notBefore)
        #expect(issued.caCertificate == Array(goldenCA.utf8))
        #expect(String(decoding: try #require(issued.certificateChain), as: UTF8.self) == goldenCertificate)
        #expect(String(decoding: try #require(issued.privateKey), as: UTF8.self) == goldenLeafKey)
    }
}

// Go 1.19.8: tresor.NewCA("osm-ca.openservicemesh.io", 87600h, "US", "CA", "Open Service Mesh") with a 2048-bit
// key; rsa.GenerateKey(2048) encoded by EncodeKeyDERtoPEM; IssueCertificate with serial
// c0ffee0123456789abcdef0123456789 and now = 2024-05-06T07:08:09Z.

private let goldenCA = """
    -----BEGIN CERTIFICATE-----
    MIIDgTCCAmmgAwIBAgIRAJz1w9nWYbR1cTmC7f2TUNowDQYJKoZIhvcNAQELBQAw
    WjELMAkGA1UEBhMCVVMxCzAJBgNVBAcTAkNBMRowGAYDVQQKExFPcGVuIFNlcnZp
    Y2UgTWVzaDEiMCAGA1UEAxMZb3NtLWNhLm9wZW5zZXJ2aWNlbWVzaC5pbzAeFw0y
    NjExMjcwNTMxMTJaFw0zNjExMjQwNTMxMTJaMFoxCzAJBgNVBAYTAlVTMQswCQYD
    VQQHEwJDQTEaMBgGA1UEChMRT3BlbiBTZXJ2aWNlIE1lc2gxIjAgBgNVBAMTGW9z
    bS1jYS5vcGVuc2VydmljZW1lc2guaW8wggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAw
    ggEKAoIBAQDFnqip4GC7HVEk1ednfVRq4B8T+L1Sjg5ul+hS//UiUV+j65L3kX3I
    Es19bS2PDFh87W8ouNshvkXr2V6hpREWE85MhXB9zjWe6ZkeuIfi1wYR6owAtgX1
    tAknh4QG4zkPWFRNZQuoav7T19MFleNlcvrL5HaRLi0KjKnxMBOsdahgGijzCQoD
    517v50b3CYxJEjGJK0SL6wLwowxakwfUCqNZNstWkPtHDnI8QjUwvwB1RIomm9Hn
    2rNqlf0PC/sSCav/CG1zTNoqdzHL3Wsm5hMj0rehEgy4U8R2VTTpcOKVM0bOxlMd
    5a9MsHUukyw8iZGcK75P79RIbuUV9KpHAgMBAAGjQjBAMA4GA1UdDwEB/wQEAwIB
    BjAPBgNVHRMBAf8EBTADAQH/MB0GA1UdDgQWBBQMwWjNUcDCR8s9zD98BL7loY+e
    9zANBgkqhkiG9w0BAQsFAAOCAQEAHGF91tV+clTJGQ9GQvEv1nJzKfYEvT/b1mtg
    D3QHvAQidYNq98AeF3QUfqqwB5bbB/J6q0pISfOznLSDnc91XXLmNipbBOgN6vLy
    NIUxvtKczFrsH4dtj3ooSoRlL55AorX6l/mY9iZpKwY3P8Bb9h00tNBefiHd6GG7
    3yyT0/8QNtZPg7MJl/fMHOfjfpz6mj1/a20mAhIafUOw3zIcHQYLCiuy6ivwJHEp
    3S2foL9YjK332csBhVNgBj7o82B5Uom0+tpwdjFb1awSaeOTZhjYaJIB0wcyqLkj
    qmFluxTii2k4G1owMRUiOcDc7yrws9n++YCqtbSLs5QDhDcX9A==
    -----END CERTIFICATE-----

    """

private let goldenCAKey = """
    -----BEGIN PRIVATE KEY-----
    MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDFnqip4GC7HVEk
    1ednfVRq4B8T+L1Sjg5ul+hS//UiUV+j65L3kX3IEs19bS2PDFh87W8ouNshvkXr
    2V6hpREWE85MhXB9zjWe6ZkeuIfi1wYR6owAtgX1tAknh4QG4zkPWFRNZQuoav7T
    19MFleNlcvrL5HaRLi0KjKnxMBOsdahgGijzCQoD517v50b3CYxJEjGJK0SL6wLw
    owxakwfUCqNZNstWkPtHDnI8QjUwvwB1RIomm9Hn2rNqlf0PC/sSCav/CG1zTNoq
    dzHL3Wsm5hMj0rehEgy4U8R2VTTpcOKVM0bOxlMd5a9MsHUukyw8iZGcK75P79RI
    buUV9KpHAgMBAAECggEBAMTw+OVS1xOig9tR0Osx248nC9G7cfFz4K4WdVFCA+nP
    bqDNhAl01QUut9rnkx+cDhNyC/VpQ/i8xrHkToqJFh4KXu2jjhfSCV31LsOO4t0N
    rN7t/9g1jnrukLD0PH8gsxy3ykvXB2cwOgSkcYh/d78Cdy364K6OdhStWi8i2nhi
    h3fUS3RbunLmFj2WPb9JkChhw3jjFm47laq+lKM80KphQi/ygoP2l6Ki1PybxTzg
    aDogY+xgVZmX4YNZi882PXezkopJHGewXSsN2XSRn/a4a5QzJO0+tTvHTLyjnOF3
    uoSyKQgMGklti8wSeSLT2bJy+xc9YpH8Kp//KPWJkwECgYEA8nJWWtLMyKsWWodB
    aR2zaFVqboTM+8GmKt1n6S4S0kT056U+VO3q4+A0j69wfLbVpVxDBCS0LxYlwxcq
    FcKpiantdbowoC2sm2eVueMDjjiR6alJDuJouMErIZa9gZk9a2HXkStyNvYNZDxH
    mOzSDXouYuqM6OYGHt74Xk5rycMCgYEA0KrNc0gX8sVvhfZVXBJAoa+6Z3meUYCS
    V/zTSOu2EMe1Ws36hb+ZEGd//EPhJB90j8yWCeiNMbTOK0vKKp6IRdQJm7/HuIKo
    4XXTBsNuCg13Ba6YfJejjG4UKHCGKnNdoBq5efTmWcg8zcksQgV/aLzJocwdinj4
    JW9R3b7u0S0CgYEA4mcDXS0dLwcViNRlsNObhgK9sRcylKbxlXXMY2QzD0h1qxwU
    aRsEDmiArO0YDl5uhEz0CBp+aLo16UjodAmkaHnW1elZHzuHxFem6j+kQltxZtI+
    9zdWs7Evpd4ueaewQ2bK9zWrIsgDGWdxNM1yGkPOrXB6xcKIVKvDI833uiECgYBh
    bd7P3PGRoS4ZVpM0kjErTWmzts19MJMkEiB1A9nWq+i5pUM7/+HwDuNrXiZZP3al
    Tdkgdzy14L4C6ThT/gGS2RZDaqBOPnOsEd+eYNGYUAEq3gLE6eirQRqYZzG90G/+
    uXuwvfBwK1Z4n13S1c5PkRZ0PWHtrd3vXLLU3rmTYQKBgFeOjrmq5Y2btF5eYE1J
    V0Zw3f9hV6Eko0b3jzJJAv3G0DLAKNIy/DMorArMhuOOsNSpMIwvPFJaN2A0AHSw
    SIqzfyU/SeXtWYyPKt862VGaudOO3YJ8A80o0sQhbAsYQn0WFDLPxyoh+WHppWDH
    6E7w50yLS9mZ+epY8MtjkmFz
    -----END PRIVATE KEY-----

    """

private let goldenLeafKey = """
    -----BEGIN PRIVATE KEY-----
    MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQDVvHhEOzBSsTSt
    n2NoEWa9lWu+VWdJXRZYOmRN7waEZkoMxe9LC+INTNm51VPzZPMpolk4KUUH4p+b
    g9Docepc0GYMRU8bweNRRQi2hxG8g+i+sIiI7jBLCgbbo8N2U5JzwxvFrksMs4g+
    aF4YE9ZPKBAYV19h/BiwTor21ZWzL6ylOtV23U7WNjBboY8iWUzYk+NTsyFtm6Pn
    /Crer3lELMdzkRNsbjLUx6ZE1KLJhpvFXwGQntCSxdF0kvhhRz+g2GgIMo6mBIgF
    SZOGbcDOqIO5SkgGbyP53lcwb7eOCRZIVzfeCioHt+2QF1i1egrbloK3kDHPJaHJ
    SUGqur0xAgMBAAECggEALYZKO4Y74bEa3kxPuQ/TyVe1LkI0kLzCEKLHUI4z3imH
    ZjcWo+5xBJI04c8dZX9AB8Mrq7mmmWpcwpwN+CSjXYeJ5N0yX2Ap0dqZY39beMLD
    5THmsvvAz4rgMRIthNuCGyQYmz9nftoSj/Bc8lXvVMbcvsKFb3Jps8vW74JIs3R1
    cC5P2NF2m70R2CTdTGm1/tw4sPv1DkGENQ+Yq3h5Fm4Z0P61oTILldOKdT0WSe5V
    shUca1V96cCsRSi9g/KuNE90jpmxMrkduxAvzWktqAHn/3cgve5n1tLKoegPseI/
    /tkiMPvaGYLq/YW2LIzTRhMWf8NC3a/MaCD4bukMvQKBgQDlew/xYRFPUkFMQNVo
    Og6mv7SnOo0x/utlNHhJ90hQZAdT0RKyb9GPcIhVKg++LYwUmcjzD2G67sCnf7oo
    ie/c21twfM84q5tEnIZIkIiCDiV6eU7CkSRN9DGILU5jGP5P8VXU5ydElV3vITIi
    gHSuZ9fbXS978h5/lxOJrzQpXwKBgQDub5+e8XFD4ZEh2X8CHQkdVGEkH/Vj3Y7g
    hIh8lgdAqeBhg32KyLeem3u9cIhYS0YTLyEUIHtAKlPNjBLYAggs0SiEMEE/HqAz
    LPDxLZe5IKe3Aldl5Rrmpt3zLuAV5wXJ5VqIpla5/nIxVdljbWV2g6gfVRBRMwJd
    Fdmk/C1TbwKBgQDSSCBl2cLY4tD/JPHpXjoKxuSt0NONmsDtrlUDwls7f03Pmmf9
    psVrIX1sPOzMIkSYpAsl31R4zUswsbRObYek5EU4IMZqcaYICz5pxDeypW/meL6Z
    QBL6c+fnl0ybNk3jx4wVWfP7vrui4tJkFz3Ui0ebthpLA6S62h+HLUspFQKBgH+O
    D6KEH8fkwDOPmzaSOfIK1fzxa+GFAY5y2GFuEWsydes04NCCGFktbMEnlolFm7Nf
    nx6ZUdY9zp9DtEECtUTkj/xHpGAUDjfSbwNXFLfhFFf/VKoaKo4B7vLNvOt6r8oW
    fJxmADd4O7bQ6n8aYxFH1YUNiLEnzLfnnIt6rPTZAoGBANrQQWqW9dukFf3PNrxZ
    KQ7GaRgCrGOX+U+kksyDV87jEvpv1HGbDVIWjPld8go//94NROX7lDlCTkt6fPJs
    InnsVYzNqoljHFYVwykqh1fac3oalnqr8l25qbEHO3KRrAkvx5BPXDkgjGpvx7PV
    76OXeObzJyNRkMgbkSPd/2VF
    -----END PRIVATE KEY-----

    """

private let goldenCertificate = """
    -----BEGIN CERTIFICATE-----
    MIIEFzCCAv+gAwIBAgIRAMD/7gEjRWeJq83vASNFZ4kwDQYJKoZIhvcNAQELBQAw
    WjELMAkGA1UEBhMCVVMxCzAJBgNVBAcTAkNBMRowGAYDVQQKExFPcGVuIFNlcnZp
    Y2UgTWVzaDEiMCAGA1UEAxMZb3NtLWNhLm9wZW5zZXJ2aWNlbWVzaC5pbzAeFw0y
    NDA1MDYwNzA4MDlaFw0zNDA1MDQwNzA4MDlaMHUxGjAYBgNVBAoTEU9wZW4gU2Vy
    dmljZSBNZXNoMVcwVQYDVQQDE041ZjZiN2MzZS0xZDJhLTRiNWMtOGU5Zi0wYTFi
    MmMzZDRlNWYuc2lkZWNhci5ib29rYnV5ZXIuYm9va3N0b3JlLmNsdXN0ZXIubG9j
    YWwwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQDVvHhEOzBSsTStn2No
    EWa9lWu+VWdJXRZYOmRN7waEZkoMxe9LC+INTNm51VPzZPMpolk4KUUH4p+bg9Do
    cepc0GYMRU8bweNRRQi2hxG8g+i+sIiI7jBLCgbbo8N2U5JzwxvFrksMs4g+aF4Y
    E9ZPKBAYV19h/BiwTor21ZWzL6ylOtV23U7WNjBboY8iWUzYk+NTsyFtm6Pn/Cre
    r3lELMdzkRNsbjLUx6ZE1KLJhpvFXwGQntCSxdF0kvhhRz+g2GgIMo6mBIgFSZOG
    bcDOqIO5SkgGbyP53lcwb7eOCRZIVzfeCioHt+2QF1i1egrbloK3kDHPJaHJSUGq
    ur0xAgMBAAGjgbwwgbkwDgYDVR0PAQH/BAQDAgWgMB0GA1UdJQQWMBQGCCsGAQUF
    BwMCBggrBgEFBQcDATAMBgNVHRMBAf8EAjAAMB8GA1UdIwQYMBaAFAzBaM1RwMJH
    yz3MP3wEvuWhj573MFkGA1UdEQRSMFCCTjVmNmI3YzNlLTFkMmEtNGI1Yy04ZTlm
    LTBhMWIyYzNkNGU1Zi5zaWRlY2FyLmJvb2tidXllci5ib29rc3RvcmUuY2x1c3Rl
    ci5sb2NhbDANBgkqhkiG9w0BAQsFAAOCAQEAHs1LNX8RvaKvMO5zMLM1/Q9czsp3
    6uM1ZfBE/Zs4J2J8fH/Bw3zxF2ljOFTJTR4GI7Yird9Nfd63XH9Vt5NyaFGXOtqe
    93ZZJ44tPhFsYi/iIwY/J8D6DNS6d1zvcfR5odE1ATBL3dxr1IHkKOLH2Q1eIvAW
    IcrRuvWY//O/ddtZqNl4g9a4Y9k+qhMGCBhnj9zmHovoxLNyk2tt+8j0E5OJwO6M
    qVkzRsHvdXURfQ7+FNYfPR5uCoqRPH5y5z/8TLCzfc1QnLLwG4S+FWI6VaWBE3Du
    cmB5qE/tvOoy0KVPzGGRolDRm/R53FWquhjVMJnLSy01Ivy40f7/Ie6DJA==
    -----END CERTIFICATE-----

    """
