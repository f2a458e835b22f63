import Foundation
import Testing

/// `--ca-cert/--ca-key`, `--secrets-out` and `--no-bootstrap-secrets`, end to end.
@Suite struct BootstrapSecretOptionsTests {
    static let input = repositoryRoot.appendingPathComponent("fixtures/inject/basic-deployment/input.yaml").path

    private func scratch() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "osm-inject-secrets-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private func shell(_ arguments: [String], in folder: URL) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
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

    @Test func issuedCertificateChainsToTheGivenCA() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let (status, text) = try shell(
            [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key",
                "-out", "ca.crt", "-subj", "/O=Open Service Mesh/CN=osm-ca.openservicemesh.io",
                "-days", "30",
            ], in: folder)
        try #require(status == 0, "openssl must be installed: \(text)")
        let result = try runTool(
            ["--ca-cert", "ca.crt", "--ca-key", "ca.key", "--secrets-out", "secrets.yaml", Self.input],
            in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdoutText.contains("kind: Secret"), "Secrets go to --secrets-out, not stdout")
        let secrets = try String(contentsOf: folder.appendingPathComponent("secrets.yaml"), encoding: .utf8)
        let line = try #require(secrets.split(separator: "\n").first { $0.contains("sds_cert.pem:") })
        let base64 = String(line.split(separator: ":").last ?? "").trimmingCharacters(in: .whitespaces)
        let pem = try #require(Data(base64Encoded: base64))
        try pem.write(to: folder.appendingPathComponent("cert.pem"))
        let (verified, output) = try shell(["openssl", "verify", "-CAfile", "ca.crt", "cert.pem"], in: folder)
        #expect(verified == 0, "\(output)")
        #expect(result.stderr.contains("note: the bootstrap Secrets name one proxy UUID per workload"))
    }

    @Test func noBootstrapSecretsLeavesThemOut() throws {
        let result = try runTool(["--no-bootstrap-secrets", Self.input])
        #expect(result.status == 0)
        #expect(!result.stdoutText.contains("kind: Secret"))
        #expect(result.stdoutText.contains("name: envoy"))
    }

    @Test func caKeyWithoutCertificateIsAUsageError() throws {
        let result = try runTool(["--ca-key", "x", Self.input])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
    }
}
