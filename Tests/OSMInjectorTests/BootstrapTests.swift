import Foundation
import Testing
import LosslessYAML
@testable import OSMInjector

// Golden texts: the no-probe document (`fixtures/bootstrap/no-probes.yaml`) is reference §8.3 with v1.2.4's
// node.id (the full xDS certificate CN); T-BOOT-1 (`fixtures/bootstrap/t-boot-1.yaml`) and the per-object fixtures
// are OSM v1.2.4's own expectations (pkg/envoy/bootstrap/config_test.go, tests/envoy_xds_expectations); the
// composed documents reuse those texts fragment by fragment.

private let uuid = "5f6b7c3e-1d2a-4b5c-8e9f-0a1b2c3d4e5f"
private let nodeID = "5f6b7c3e-1d2a-4b5c-8e9f-0a1b2c3d4e5f.sidecar.bookstore.bookstore.cluster.local"
private let xdsHost = "osm-controller.osm-system.svc.cluster.local"

/// The bootstrap text of `config`.
private func text(_ config: BootstrapConfig) throws -> String {
    String(decoding: try config.yaml(), as: UTF8.self)
}

/// A config with the reference inputs and the given probes.
private func config(_ probes: BootstrapProbes = BootstrapProbes()) -> BootstrapConfig {
    BootstrapConfig(nodeID: nodeID, xdsHost: xdsHost, probes: probes)
}

/// Everything up to the end of the osm-controller cluster.
private func preamble(nodeID: String = nodeID, tlsParams: String = defaultTLSParams) -> String {
    """
    admin:
      access_log:
      - name: envoy.access_loggers.stream
        typed_config:
          '@type': type.googleapis.com/envoy.extensions.access_loggers.stream.v3.StdoutAccessLog
      address:
        socket_address:
          address: 127.0.0.1
          port_value: 15000
    dynamic_resources:
      ads_config:
        api_type: GRPC
        grpc_services:
        - envoy_grpc:
            cluster_name: osm-controller
        set_node_on_first_message_only: true
        transport_api_version: V3
      cds_config:
        ads: {}
        resource_api_version: V3
      lds_config:
        ads: {}
        resource_api_version: V3
    node:
      id: \(nodeID)
    static_resources:
      clusters:
      - load_assignment:
          cluster_name: osm-controller
          endpoints:
          - lb_endpoints:
            - endpoint:
                address:
                  socket_address:
                    address: osm-controller.osm-system.svc.cluster.local
                    port_value: 15128
        name: osm-controller
        transport_socket:
          name: envoy.transport_sockets.tls
          typed_config:
            '@type': type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext
            common_tls_context:
              alpn_protocols:
              - h2
              tls_certificate_sds_secret_configs:
              - name: tls_sds
                sds_config:
                  path: /etc/envoy/tls_certificate_sds_secret.yaml
    \(tlsParams)          validation_context_sds_secret_config:
                name: validation_context_sds
                sds_config:
                  path: /etc/envoy/validation_context_sds_secret.yaml
        type: LOGICAL_DNS
        typed_extension_protocol_options:
          envoy.extensions.upstreams.http.v3.HttpProtocolOptions:
            '@type': type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions
            explicit_http_config:
              http2_protocol_options: {}
        upstream_connection_options:
          tcp_keepalive:
            keepalive_interval: 5
            keepalive_probes: 5
            keepalive_time: 60

    """
}

private let defaultTLSParams = """
              tls_params:
                tls_maximum_protocol_version: TLSv1_3
                tls_minimum_protocol_version: TLSv1_2

    """

/// A v1.2.4 probe cluster, `<type>_cluster` to 127.0.0.1:<port>.
private func probeCluster(_ type: String, port: Int) -> String {
    """
      - load_assignment:
          cluster_name: \(type)_cluster
          endpoints:
          - lb_endpoints:
            - endpoint:
                address:
                  socket_address:
                    address: 127.0.0.1
                    port_value: \(port)
        name: \(type)_cluster
        type: STATIC

    """
}

/// A v1.2.4 HTTP probe listener (`<type>_listener`, one HCM chain, no listener filters).
private func httpListener(_ type: String, port: Int, rewrite: String?, timeout: String = "1s") -> String {
    let rewrite = rewrite.map { "                  prefix_rewrite: \($0)\n" } ?? ""
    return """
          - address:
              socket_address:
                address: 0.0.0.0
                port_value: \(port)
            filter_chains:
            - filters:
              - name: http_connection_manager
                typed_config:
                  '@type': type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager
                  access_log:
                  - name: envoy.access_loggers.stream
                    typed_config:
                      '@type': type.googleapis.com/envoy.extensions.access_loggers.stream.v3.StdoutAccessLog
                      log_format:
                        json_format:
                          authority: '%REQ(:AUTHORITY)%'
                          bytes_received: '%BYTES_RECEIVED%'
                          bytes_sent: '%BYTES_SENT%'
                          duration: '%DURATION%'
                          method: '%REQ(:METHOD)%'
                          path: '%REQ(X-ENVOY-ORIGINAL-PATH?:PATH)%'
                          protocol: '%PROTOCOL%'
                          request_id: '%REQ(X-REQUEST-ID)%'
                          requested_server_name: '%REQUESTED_SERVER_NAME%'
                          response_code: '%RESPONSE_CODE%'
                          response_code_details: '%RESPONSE_CODE_DETAILS%'
                          response_flags: '%RESPONSE_FLAGS%'
                          start_time: '%START_TIME%'
                          time_to_first_byte: '%RESPONSE_DURATION%'
                          upstream_cluster: '%UPSTREAM_CLUSTER%'
                          upstream_host: '%UPSTREAM_HOST%'
                          upstream_service_time: '%RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)%'
                          user_agent: '%REQ(USER-AGENT)%'
                          x_forwarded_for: '%REQ(X-FORWARDED-FOR)%'
                  http_filters:
                  - name: http_router
                    typed_config:
                      '@type': type.googleapis.com/envoy.extensions.filters.http.router.v3.Router
                  route_config:
                    name: local_route
                    virtual_hosts:
                    - domains:
                      - '*'
                      name: local_service
                      routes:
                      - match:
                          prefix: /osm-\(type)-probe
                        route:
                          cluster: \(type)_cluster
        \(rewrite)                  timeout: \(timeout)
                  stat_prefix: health_probes_http
            name: \(type)_listener

        """
}

/// A v1.2.4 HTTPS probe listener (one plain `tcp_proxy` chain, stat prefix `health_probes`).
private func httpsListener(_ type: String, port: Int) -> String {
    """
      - address:
          socket_address:
            address: 0.0.0.0
            port_value: \(port)
        filter_chains:
        - filters:
          - name: tcp_proxy
            typed_config:
              '@type': type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy
              access_log:
              - name: envoy.access_loggers.stream
                typed_config:
                  '@type': type.googleapis.com/envoy.extensions.access_loggers.stream.v3.StdoutAccessLog
                  log_format:
                    json_format:
                      bytes_received: '%BYTES_RECEIVED%'
                      bytes_sent: '%BYTES_SENT%'
                      duration: '%DURATION%'
                      requested_server_name: '%REQUESTED_SERVER_NAME%'
                      response_flags: '%RESPONSE_FLAGS%'
                      start_time: '%START_TIME%'
                      upstream_cluster: '%UPSTREAM_CLUSTER%'
                      upstream_host: '%UPSTREAM_HOST%'
              cluster: \(type)_cluster
              stat_prefix: health_probes
        name: \(type)_listener

    """
}

/// Reference §8.3 for pod `bookstore`/`bookstore`, node.id as v1.2.4 sets it.
private let noProbesDocument = bootstrapGolden("no-probes.yaml")

@Suite struct BootstrapTests {
    @Test func nodeIDAndXDSHost() {
        #expect(BootstrapConfig.nodeID(proxyUUID: uuid, serviceAccount: "bookstore", namespace: "bookstore") == nodeID)
        #expect(
            BootstrapConfig.nodeID(proxyUUID: "u", serviceAccount: "sa", namespace: "ns", trustDomain: "td.io")
                == "u.sidecar.sa.ns.td.io")
        #expect(BootstrapConfig.xdsHost(osmNamespace: "osm-system") == xdsHost)
    }

    @Test func noProbes() throws {
        try expectBootstrapGolden(try text(config()), "no-probes.yaml")
        #expect(noProbesDocument == preamble())
    }

    @Test func tcpProbesAddNothing() throws {
        let tcp = BootstrapProbe(path: "", port: 14001, timeoutSeconds: 1, kind: .tcp)
        #expect(try text(config(BootstrapProbes(liveness: tcp, readiness: tcp, startup: tcp))) == noProbesDocument)
    }

    @Test func httpLiveness() throws {
        let probes = BootstrapProbes(
            liveness: BootstrapProbe(path: "/liveness", port: 14001, timeoutSeconds: 1, kind: .http))
        #expect(
            try text(config(probes)) == preamble() + probeCluster("liveness", port: 14001) + "  listeners:\n"
                + httpListener("liveness", port: 15901, rewrite: "/liveness"))
    }

    @Test func httpsReadiness() throws {
        let probes = BootstrapProbes(
            readiness: BootstrapProbe(path: "/ready", port: 8443, timeoutSeconds: 3, kind: .https))
        #expect(
            try text(config(probes)) == preamble() + probeCluster("readiness", port: 8443) + "  listeners:\n"
                + httpsListener("readiness", port: 15902))
    }

    @Test(arguments: [(Int32(0), "1s"), (1, "1s"), (5, "5s"), (-3, "1s"), (42, "42s")])
    func probeTimeout(_ seconds: Int32, _ expected: String) throws {
        let probes = BootstrapProbes(
            startup: BootstrapProbe(path: "/s", port: 83, timeoutSeconds: seconds, kind: .http))
        #expect(
            try text(config(probes)) == preamble() + probeCluster("startup", port: 83) + "  listeners:\n"
                + httpListener("startup", port: 15903, rewrite: "/s", timeout: expected))
    }

    @Test func allThreeTypes() throws {
        // Empty path: no prefix_rewrite. Unresolved named port: port 0, still written (a oneof member).
        let probes = BootstrapProbes(
            liveness: BootstrapProbe(path: "/healthz", port: 8080, timeoutSeconds: 3, kind: .http),
            readiness: BootstrapProbe(path: "/ready", port: 8443, timeoutSeconds: 1, kind: .https),
            startup: BootstrapProbe(path: "", port: 0, timeoutSeconds: 10, kind: .http))
        #expect(
            try text(config(probes)) == preamble()
                + probeCluster("liveness", port: 8080) + probeCluster("readiness", port: 8443)
                + probeCluster("startup", port: 0) + "  listeners:\n"
                + httpListener("liveness", port: 15901, rewrite: "/healthz", timeout: "3s")
                + httpsListener("readiness", port: 15902)
                + httpListener("startup", port: 15903, rewrite: nil, timeout: "10s"))
    }

    @Test func tlsSettings() throws {
        var c = config()
        c.tlsMinProtocolVersion = "TLSv1_1"
        c.tlsMaxProtocolVersion = "TLSv1_3"
        c.cipherSuites = [
            "ECDHE-ECDSA-AES128-GCM-SHA256", "[ECDHE-ECDSA-AES256-GCM-SHA384|ECDHE-RSA-AES256-GCM-SHA384]",
        ]
        c.ecdhCurves = ["X25519", "P-256"]
        #expect(
            try text(c)
                == preamble(
                    tlsParams: """
                                  tls_params:
                                    cipher_suites:
                                    - ECDHE-ECDSA-AES128-GCM-SHA256
                                    - '[ECDHE-ECDSA-AES256-GCM-SHA384|ECDHE-RSA-AES256-GCM-SHA384]'
                                    ecdh_curves:
                                    - X25519
                                    - P-256
                                    tls_maximum_protocol_version: TLSv1_3
                                    tls_minimum_protocol_version: TLSv1_1

                        """))
        // Empty MeshConfig values, TLS_AUTO (the enum zero) and unknown names are all left out.
        for (min, max) in [("", ""), ("TLS_AUTO", "TLS_AUTO"), ("tlsv1_2", "TLSv1.3")] {
            c = config()
            c.tlsMinProtocolVersion = min
            c.tlsMaxProtocolVersion = max
            #expect(try text(c) == preamble(tlsParams: "          tls_params: {}\n"))
        }
        c = config()
        c.tlsMinProtocolVersion = ""
        c.cipherSuites = ["AES128-SHA"]
        #expect(
            try text(c)
                == preamble(
                    tlsParams: """
                                  tls_params:
                                    cipher_suites:
                                    - AES128-SHA
                                    tls_maximum_protocol_version: TLSv1_3

                        """))
    }

    /// T-BOOT-1 as v1.2.4 has it: one probe per type, plain cluster names, 1s from the zero timeout.
    @Test func tBoot1() throws {
        let c = BootstrapConfig(
            nodeID: "foo.bar.co.uk", xdsHost: xdsHost, tlsMinProtocolVersion: "TLSv1_0",
            tlsMaxProtocolVersion: "TLSv1_2",
            cipherSuites: ["abc", "xyz"], ecdhCurves: ["ABC", "XYZ"],
            probes: BootstrapProbes(
                liveness: BootstrapProbe(path: "/liveness", port: 81, kind: .http),
                readiness: BootstrapProbe(path: "/readiness", port: 82, kind: .http),
                startup: BootstrapProbe(path: "/startup", port: 83, kind: .http)))
        try expectBootstrapGolden(try text(c), "t-boot-1.yaml")
    }

    @Test func probePathsAreQuotedLikeYAMLv2() throws {
        let probes = BootstrapProbes(
            liveness: BootstrapProbe(path: "yes", port: 1, kind: .http),
            readiness: BootstrapProbe(path: "@health", port: 2, kind: .http),
            startup: BootstrapProbe(path: "/a b " + String(repeating: "word ", count: 20) + "end", port: 3, kind: .http)
        )
        #expect(
            try text(config(probes)) == preamble()
                + probeCluster("liveness", port: 1) + probeCluster("readiness", port: 2)
                + probeCluster("startup", port: 3)
                + "  listeners:\n"
                + httpListener("liveness", port: 15901, rewrite: "\"yes\"")
                + httpListener("readiness", port: 15902, rewrite: "'@health'")
                + httpListener(
                    "startup", port: 15903,
                    rewrite: """
                        /a b word word word word word word word word word
                                            word word word word word word word word word word word end
                        """))
    }

    @Test func lastContainerWinsPerType() throws {
        let merged = BootstrapProbes.lastWins([
            BootstrapProbes(
                liveness: BootstrapProbe(path: "/a", port: 1, kind: .http),
                readiness: BootstrapProbe(path: "/r", port: 2, kind: .http)),
            BootstrapProbes(
                liveness: BootstrapProbe(path: "/b", port: 3, kind: .http),
                readiness: BootstrapProbe(path: "", port: 4, kind: .tcp)),
            BootstrapProbes(startup: BootstrapProbe(path: "/s", port: 5, kind: .https)),
        ])
        #expect(
            merged
                == BootstrapProbes(
                    liveness: BootstrapProbe(path: "/b", port: 3, kind: .http),
                    readiness: BootstrapProbe(path: "", port: 4, kind: .tcp),
                    startup: BootstrapProbe(path: "/s", port: 5, kind: .https)))
        // The later TCP readiness probe hides the first container's HTTP one: no readiness listener at all.
        #expect(
            try text(config(merged)) == preamble()
                + probeCluster("liveness", port: 3) + probeCluster("startup", port: 5) + "  listeners:\n"
                + httpListener("liveness", port: 15901, rewrite: "/b") + httpsListener("startup", port: 15903))
    }

    @Test func perObjectFixturesOfV124() throws {
        func yaml(_ value: YAMLValue) throws -> String {
            try Emitter(policy: .goYAMLv2).emitString(value.sortedLikeGoYAMLv2())
        }
        let probe = BootstrapProbe(path: "/liveness", port: 81, timeoutSeconds: 42, kind: .http)
        var nonHTTP = probe
        nonHTTP.kind = .https
        nonHTTP.path = ""
        #expect(
            try yaml(
                ProbeListeners.listener(
                    name: "liveness_listener", cluster: "liveness_cluster",
                    path: "/osm-liveness-probe", port: 15901, probe: probe)) == """
                    address:
                      socket_address:
                        address: 0.0.0.0
                        port_value: 15901
                    filter_chains:
                    - filters:
                      - name: http_connection_manager
                        typed_config:
                          '@type': type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager
                          access_log:
                          - name: envoy.access_loggers.stream
                            typed_config:
                              '@type': type.googleapis.com/envoy.extensions.access_loggers.stream.v3.StdoutAccessLog
                              log_format:
                                json_format:
                                  authority: '%REQ(:AUTHORITY)%'
                                  bytes_received: '%BYTES_RECEIVED%'
                                  bytes_sent: '%BYTES_SENT%'
                                  duration: '%DURATION%'
                                  method: '%REQ(:METHOD)%'
                                  path: '%REQ(X-ENVOY-ORIGINAL-PATH?:PATH)%'
                                  protocol: '%PROTOCOL%'
                                  request_id: '%REQ(X-REQUEST-ID)%'
                                  requested_server_name: '%REQUESTED_SERVER_NAME%'
                                  response_code: '%RESPONSE_CODE%'
                                  response_code_details: '%RESPONSE_CODE_DETAILS%'
                                  response_flags: '%RESPONSE_FLAGS%'
                                  start_time: '%START_TIME%'
                                  time_to_first_byte: '%RESPONSE_DURATION%'
                                  upstream_cluster: '%UPSTREAM_CLUSTER%'
                                  upstream_host: '%UPSTREAM_HOST%'
                                  upstream_service_time: '%RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)%'
                                  user_agent: '%REQ(USER-AGENT)%'
                                  x_forwarded_for: '%REQ(X-FORWARDED-FOR)%'
                          http_filters:
                          - name: http_router
                            typed_config:
                              '@type': type.googleapis.com/envoy.extensions.filters.http.router.v3.Router
                          route_config:
                            name: local_route
                            virtual_hosts:
                            - domains:
                              - '*'
                              name: local_service
                              routes:
                              - match:
                                  prefix: /osm-liveness-probe
                                route:
                                  cluster: liveness_cluster
                                  prefix_rewrite: /liveness
                                  timeout: 42s
                          stat_prefix: health_probes_http
                    name: liveness_listener

                    """)
        #expect(
            try yaml(
                ProbeListeners.listener(
                    name: "liveness_listener", cluster: "liveness_cluster",
                    path: "/osm-liveness-probe", port: 15901, probe: nonHTTP))
                    == """
                    address:
                      socket_address:
                        address: 0.0.0.0
                        port_value: 15901
                    filter_chains:
                    - filters:
                      - name: tcp_proxy
                        typed_config:
                          '@type': type.googleapis.com/envoy.extensions.filters.network.tcp_proxy.v3.TcpProxy
                          access_log:
                          - name: envoy.access_loggers.stream
                            typed_config:
                              '@type': type.googleapis.com/envoy.extensions.access_loggers.stream.v3.StdoutAccessLog
                              log_format:
                                json_format:
                                  bytes_received: '%BYTES_RECEIVED%'
                                  bytes_sent: '%BYTES_SENT%'
                                  duration: '%DURATION%'
                                  requested_server_name: '%REQUESTED_SERVER_NAME%'
                                  response_flags: '%RESPONSE_FLAGS%'
                                  start_time: '%START_TIME%'
                                  upstream_cluster: '%UPSTREAM_CLUSTER%'
                                  upstream_host: '%UPSTREAM_HOST%'
                          cluster: liveness_cluster
                          stat_prefix: health_probes
                    name: liveness_listener

                    """)
        #expect(
            try yaml(
                ProbeListeners.virtualHost(
                    path: "/some/path", cluster: "-cluster-name-",
                    originalPath: "/original/probe/path", timeoutSeconds: 42))
                    == """
                    domains:
                    - '*'
                    name: local_service
                    routes:
                    - match:
                        prefix: /some/path
                      route:
                        cluster: -cluster-name-
                        prefix_rewrite: /original/probe/path
                        timeout: 42s

                    """)
        #expect(
            try yaml(
                ProbeListeners.virtualHost(
                    path: "/some/path", cluster: "-cluster-name-",
                    originalPath: "/original/probe/path", timeoutSeconds: 0))
                    == """
                    domains:
                    - '*'
                    name: local_service
                    routes:
                    - match:
                        prefix: /some/path
                      route:
                        cluster: -cluster-name-
                        prefix_rewrite: /original/probe/path
                        timeout: 1s

                    """)
        #expect(
            try yaml(ProbeListeners.cluster(name: "cluster-name", port: 12341234)) == """
                load_assignment:
                  cluster_name: cluster-name
                  endpoints:
                  - lb_endpoints:
                    - endpoint:
                        address:
                          socket_address:
                            address: 127.0.0.1
                            port_value: 12341234
                name: cluster-name
                type: STATIC

                """)
        #expect(
            try yaml(ProbeListeners.httpAccessLog()) == """
                name: envoy.access_loggers.stream
                typed_config:
                  '@type': type.googleapis.com/envoy.extensions.access_loggers.stream.v3.StdoutAccessLog
                  log_format:
                    json_format:
                      authority: '%REQ(:AUTHORITY)%'
                      bytes_received: '%BYTES_RECEIVED%'
                      bytes_sent: '%BYTES_SENT%'
                      duration: '%DURATION%'
                      method: '%REQ(:METHOD)%'
                      path: '%REQ(X-ENVOY-ORIGINAL-PATH?:PATH)%'
                      protocol: '%PROTOCOL%'
                      request_id: '%REQ(X-REQUEST-ID)%'
                      requested_server_name: '%REQUESTED_SERVER_NAME%'
                      response_code: '%RESPONSE_CODE%'
                      response_code_details: '%RESPONSE_CODE_DETAILS%'
                      response_flags: '%RESPONSE_FLAGS%'
                      start_time: '%START_TIME%'
                      time_to_first_byte: '%RESPONSE_DURATION%'
                      upstream_cluster: '%UPSTREAM_CLUSTER%'
                      upstream_host: '%UPSTREAM_HOST%'
                      upstream_service_time: '%RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)%'
                      user_agent: '%REQ(USER-AGENT)%'
                      x_forwarded_for: '%REQ(X-FORWARDED-FOR)%'

                """)
        #expect(
            try yaml(ProbeListeners.tcpAccessLog()) == """
                name: envoy.access_loggers.stream
                typed_config:
                  '@type': type.googleapis.com/envoy.extensions.access_loggers.stream.v3.StdoutAccessLog
                  log_format:
                    json_format:
                      bytes_received: '%BYTES_RECEIVED%'
                      bytes_sent: '%BYTES_SENT%'
                      duration: '%DURATION%'
                      requested_server_name: '%REQUESTED_SERVER_NAME%'
                      response_flags: '%RESPONSE_FLAGS%'
                      start_time: '%START_TIME%'
                      upstream_cluster: '%UPSTREAM_CLUSTER%'
                      upstream_host: '%UPSTREAM_HOST%'

                """)
    }

    @Test func sdsFiles() throws {
        #expect(
            String(decoding: try SDSFiles.tlsCertificateYAML(), as: UTF8.self) == """
                resources:
                - '@type': type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret
                  name: tls_sds
                  tls_certificate:
                    certificate_chain:
                      filename: /etc/envoy/sds_cert.pem
                    private_key:
                      filename: /etc/envoy/sds_key.pem

                """)
        #expect(
            String(decoding: try SDSFiles.validationContextYAML(), as: UTF8.self) == """
                resources:
                - '@type': type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.Secret
                  name: validation_context_sds
                  validation_context:
                    trusted_ca:
                      filename: /etc/envoy/cacert.pem

                """)
    }

    @Test func secretWithoutCertificates() throws {
        let secret = BootstrapSecret(proxyUUID: uuid, namespace: "bookstore", config: config())
        #expect(secret.name == "envoy-bootstrap-config-\(uuid)")
        let bootstrap = Data(noProbesDocument.utf8).base64EncodedString()
        let tls = Data(try SDSFiles.tlsCertificateYAML()).base64EncodedString()
        let validation = Data(try SDSFiles.validationContextYAML()).base64EncodedString()
        #expect(
            try Emitter().emitString(secret.secret()) == """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: envoy-bootstrap-config-\(uuid)
                  namespace: bookstore
                  labels:
                    app.kubernetes.io/instance: osm
                    app.kubernetes.io/name: openservicemesh.io
                    app.kubernetes.io/version: v1.2.4
                data:
                  bootstrap.yaml: \(bootstrap)
                  tls_certificate_sds_secret.yaml: \(tls)
                  validation_context_sds_secret.yaml: \(validation)

                """)
    }

    @Test func secretWithCertificates() throws {
        let ca = Array("-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n".utf8)
        let chain = Array("-----BEGIN CERTIFICATE-----\nLEAF\n-----END CERTIFICATE-----\n".utf8)
        let key = Array("-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----\n".utf8)
        let secret = BootstrapSecret(
            proxyUUID: "u1", namespace: "ns", meshName: "mesh-a", osmVersion: "v1.2.4",
            config: config(),
            certificates: BootstrapCertificates(
                caCertificate: ca, certificateChain: chain, privateKey: key))
        let files = try secret.files()
        #expect(
            files.map(\.key) == [
                "bootstrap.yaml", "cacert.pem", "sds_cert.pem", "sds_key.pem",
                "tls_certificate_sds_secret.yaml", "validation_context_sds_secret.yaml",
            ])
        #expect(
            files.map(\.bytes) == [
                Array(noProbesDocument.utf8), ca, chain, key,
                try SDSFiles.tlsCertificateYAML(), try SDSFiles.validationContextYAML(),
            ])
        let value = try secret.secret()
        #expect(value["metadata"]?["labels"]?["app.kubernetes.io/instance"] == .string("mesh-a"))
        guard case .mapping(let data)? = value["data"] else {
            Issue.record("no data")
            return
        }
        for (entry, file) in zip(data, files) {
            #expect(entry.key == file.key)
            guard case .string(let encoded) = entry.value, let decoded = Data(base64Encoded: encoded) else {
                Issue.record("\(entry.key) is not base64")
                continue
            }
            #expect(Array(decoded) == file.bytes)
        }
    }
}
