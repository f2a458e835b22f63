import Foundation
import Testing
import LosslessYAML
@testable import OSMInjector

// The cache must write exactly what a fresh rendering writes: for every probe combination, the MeshConfig
// settings that shape bootstrap.yaml, several identities and annotation sets, cold and warm.

private let uuids = [
    "5f6b7c3e-1d2a-4b5c-8e9f-0a1b2c3d4e5f", "0a1b2c3d-4e5f-5a6b-8c7d-9e0f1a2b3c4d",
    "98765432-1234-5abc-9def-0123456789ab", "e1e2e3e4-f5f6-5789-a0b1-c2c3d4e5f6a7",
]

/// Each probe type as none, an HTTP probe, one that differs from it in the original port only and one in the path and
/// timeout only (parts are kept by what they depend on), an HTTPS and a TCP probe.
private func probeChoices(slot: Int) -> [BootstrapProbe?] {
    let path = ["/healthz", "/ready", "/actuator/health/liveness"][slot]
    return [
        nil,
        BootstrapProbe(path: path, port: Int32(8080 + slot), timeoutSeconds: Int32(slot), kind: .http),
        BootstrapProbe(path: path, port: 3000, timeoutSeconds: Int32(slot), kind: .http),
        BootstrapProbe(path: "/other", port: Int32(8080 + slot), timeoutSeconds: 5, kind: .http),
        BootstrapProbe(path: "/secure", port: 8443, timeoutSeconds: 3, kind: .https),
        BootstrapProbe(path: "", port: Int32(9000 + slot), kind: .tcp),
    ]
}

/// Every combination of liveness, readiness and startup probes (6 × 6 × 6).
private let allProbeSets: [BootstrapProbes] = probeChoices(slot: 0).flatMap { liveness in
    probeChoices(slot: 1).flatMap { readiness in
        probeChoices(slot: 2).map { startup in
            BootstrapProbes(liveness: liveness, readiness: readiness, startup: startup)
        }
    }
}

/// MeshConfig settings that change bootstrap.yaml (TLS versions, cipher suites, curves) and OSM namespaces.
private let meshVariants: [(xdsHost: String, min: String, max: String, ciphers: [String], curves: [String])] = [
    (BootstrapConfig.xdsHost(osmNamespace: "osm-system"), "TLSv1_2", "TLSv1_3", [], []),
    (
        BootstrapConfig.xdsHost(osmNamespace: "mesh-control"), "TLSv1_1", "TLS_AUTO",
        ["ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-GCM-SHA384"], ["X25519", "P-256"]
    ),
    (BootstrapConfig.xdsHost(osmNamespace: "osm"), "TLS_AUTO", "bogus", ["AES128-SHA"], []),
    // A MeshConfig without spec.sidecar has no TLS versions at all (the CRD defaults need their parent).
    (BootstrapConfig.xdsHost(osmNamespace: "osm-system"), "", "", [], []),
]

private func secret(
    uuid: String, namespace: String = "bookstore", serviceAccount: String = "bookbuyer",
    mesh: (xdsHost: String, min: String, max: String, ciphers: [String], curves: [String]) = meshVariants[0],
    probes: BootstrapProbes = BootstrapProbes(), meshName: String = "osm",
    annotations: [String: String] = [RestoreLog.annotation: #"{"entries":[]}"#]
) -> BootstrapSecret {
    let config = BootstrapConfig(
        nodeID: BootstrapConfig.nodeID(
            proxyUUID: uuid, serviceAccount: serviceAccount,
            namespace: namespace),
        xdsHost: mesh.xdsHost, tlsMinProtocolVersion: mesh.min, tlsMaxProtocolVersion: mesh.max,
        cipherSuites: mesh.ciphers, ecdhCurves: mesh.curves, probes: probes)
    var secret = BootstrapSecret(proxyUUID: uuid, namespace: namespace, meshName: meshName, config: config)
    secret.annotations = annotations
    return secret
}

@Suite struct BootstrapRenderCacheTests {
    @Test func everyProbeCombinationAndMeshSettingIsByteIdentical() throws {
        let cache = BootstrapRenderCache()
        for (m, mesh) in meshVariants.enumerated() {
            let secrets = allProbeSets.enumerated().map { p, probes in
                secret(uuid: uuids[(m + p) % uuids.count], mesh: mesh, probes: probes)
            }
            let fresh = try secrets.map { (secret: try $0.yaml(), bootstrap: try $0.config.yaml()) }
            // Twice: the first round fills the cache, the second takes everything from it.
            for _ in 0..<2 {
                for (p, s) in secrets.enumerated() {
                    let cached = try #require(cache.cachedYAML(of: s), "mesh \(m), probes \(p) not cached")
                    #expect(cached == fresh[p].secret, "mesh \(m), probes \(p)")
                    #expect(cache.bootstrapYAML(s.config) == fresh[p].bootstrap, "mesh \(m), probes \(p)")
                }
            }
        }
    }

    @Test(arguments: uuids)
    func identitiesAndAnnotationsAreByteIdentical(uuid: String) throws {
        let cache = BootstrapRenderCache()
        let restore = RestoreLog(entries: [
            RestoreLog.Entry(
                path: "spec.template.spec.containers[name=web].livenessProbe.httpGet", key: "path",
                original: "path: \"/a b\" # c\\d\n"),
            RestoreLog.Entry(path: "spec.template.metadata.labels", key: "osm-proxy-uuid"),
        ]).encoded()
        let annotationSets: [[String: String]] = [
            [:],
            [RestoreLog.annotation: restore],
            [RestoreLog.annotation: restore, "postrenderer.helm.sh/postrender-filename": "templates/deploy.yaml"],
            [RestoreLog.annotation: String(repeating: restore, count: 8)],
        ]
        for annotations in annotationSets {
            for namespace in ["bookstore", "a", "risk-prod-eu-west-1"] {
                let s = secret(uuid: uuid, namespace: namespace, annotations: annotations)
                let cached = try #require(cache.cachedYAML(of: s))
                #expect(cached == (try s.yaml()))
            }
        }
    }

    /// Scalars written quoted, or that the cache cannot write as they are (rendered afresh): still identical.
    @Test func unusualScalarsAreByteIdentical() throws {
        let cache = BootstrapRenderCache()
        let cases: [BootstrapSecret] = [
            secret(uuid: uuids[0], namespace: "yes"),
            secret(uuid: uuids[0], serviceAccount: "a b: c"),
            secret(uuid: uuids[1], meshName: "on"),
            secret(uuid: uuids[1], annotations: ["note": "ünïcode", RestoreLog.annotation: "{}"]),
            secret(uuid: uuids[2], annotations: ["note": "two\nlines"]),
            secret(uuid: uuids[2], annotations: ["note": "tab\there"]),
            secret(uuid: uuids[3], serviceAccount: String(repeating: "long words ", count: 12)),
        ]
        for s in cases {
            #expect(try cache.yaml(of: s) == s.yaml())
        }
        var emptyNode = secret(uuid: uuids[0])
        emptyNode.config.nodeID = ""
        #expect(cache.bootstrapYAML(emptyNode.config) == nil)
        #expect(try cache.yaml(of: emptyNode) == emptyNode.yaml())
    }

    @Test func secretsWithCertificatesAreRenderedAfresh() throws {
        var s = secret(uuid: uuids[0])
        s.certificates = BootstrapCertificates(
            caCertificate: Array("CA\n".utf8), certificateChain: Array("C\n".utf8),
            privateKey: Array("K\n".utf8))
        let cache = BootstrapRenderCache()
        #expect(cache.cachedYAML(of: s) == nil)
        #expect(try cache.yaml(of: s) == s.yaml())
    }

    @Test func workersShareOneCache() async throws {
        let cache = BootstrapRenderCache()
        let secrets = allProbeSets.enumerated().map { secret(uuid: uuids[$0 % uuids.count], probes: $1) }
        let expected = try secrets.map { try $0.yaml() }
        let rendered = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
            for (index, s) in secrets.enumerated() {
                group.addTask { (index, try cache.yaml(of: s)) }
            }
            var results = [[UInt8]](repeating: [], count: secrets.count)
            for try await (index, bytes) in group { results[index] = bytes }
            return results
        }
        #expect(rendered == expected)
    }

    @Test func base64MatchesFoundation() {
        for length in 0..<40 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 250) }
            var out = Array("x".utf8)
            Base64.append(bytes, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == "x" + Data(bytes).base64EncodedString())
        }
    }
}
