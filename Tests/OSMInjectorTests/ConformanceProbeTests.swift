import Testing
import LosslessYAML
@testable import OSMInjector

// OSM v1.2.4 pkg/injector/health_probes_test.go (`TestRewriteProbe`, `TestGetPort`), translated.
// v1.2.4 (unlike the unreleased main branch the reference's §12.6 describes) keeps one probe per kind, the last
// container having one winning (health_probes.go:17-31), and rewrites HTTP paths to the bare
// `/osm-liveness-probe`, `/osm-readiness-probe`, `/osm-startup-probe` (no `/<container>` suffix).

@Suite("Conformance: health probes (health_probes_test.go)")
struct ConformanceProbeTests {
    /// `makeHTTPProbe` / `makeHTTPSProbe` / `makeTCPProbe` (health_probes_test.go:25-71) as YAML, under `field`.
    private enum Handler {
        case http(String, Int)
        case https(String, Int)
        case tcp(Int)
        case exec, empty
    }

    private static func probe(_ field: String, _ handler: Handler) -> String {
        let timings = """
                  initialDelaySeconds: 1
                  timeoutSeconds: 2
                  periodSeconds: 3
                  successThreshold: 4
                  failureThreshold: 5

            """
        switch handler {
        case .http(let path, let port):
            return "    \(field):\n      httpGet:\n        path: \(path)\n        port: \(port)\n" + timings
        case .https(let path, let port):
            return
                "    \(field):\n      httpGet:\n        path: \(path)\n        port: \(port)\n        scheme: HTTPS\n"
                + timings
        case .tcp(let port):
            return "    \(field):\n      tcpSocket:\n        port: \(port)\n" + timings
        case .exec:
            return "    \(field):\n      exec:\n        command: [cat, /tmp/healthy]\n" + timings
        case .empty:
            return "    \(field): {}\n"
        }
    }

    /// A pod whose containers are `(name, probes)`.
    private static func pod(_ containers: [(String?, [String])]) -> String {
        var yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: test\nspec:\n  containers:\n"
        for (name, probes) in containers {
            yaml += name.map { "  - name: \($0)\n    image: app\n" } ?? "  - image: app\n"
            yaml += probes.joined()
        }
        return yaml
    }

    /// Runs `ProbeRewriter` (v1.2.4 `rewriteHealthProbes`) over the pod's containers; returns the kept probes,
    /// the pod as rewritten, and whether anything changed.
    private static func rewrite(_ yaml: String) throws -> (probes: ProbeSet, pod: YAMLValue, changed: Bool) {
        let stream = try Conf.parse(yaml)
        let document = try #require(stream.documents.first)
        let pod = try PodTemplateView(template: ObjectView(document: document))
        var editor = RecordingEditor(DocumentEditor(source: stream.source, document: document))
        let probes = try ProbeRewriter.rewrite(try pod.containers(), editor: &editor)
        let changed = editor.editor.hasChanges
        let bytes = changed ? try editor.editor.output() : stream.source
        return (probes, try #require(try Conf.values(bytes).first), changed)
    }

    private static func original(_ path: String, _ port: Int, http: Bool = true, tcp: Bool = false) -> OriginalProbe {
        OriginalProbe(path: path, port: port, timeoutSeconds: 2, isHTTP: http, isTCPSocket: tcp)
    }

    /// A rewritten probe: `httpGet` as given, the timings of the helpers kept.
    private static func rewritten(_ httpGet: YAMLValue) -> YAMLValue {
        .map([
            ("httpGet", httpGet), ("initialDelaySeconds", .int(1)), ("timeoutSeconds", .int(2)),
            ("periodSeconds", .int(3)), ("successThreshold", .int(4)), ("failureThreshold", .int(5)),
        ])
    }

    private static func httpGet(_ path: String, _ port: Int, scheme: String? = nil) -> YAMLValue {
        var entries: [(String, YAMLValue)] = [("path", .string(path)), ("port", .int(port))]
        if let scheme { entries.append(("scheme", .string(scheme))) }
        return .map(entries)
    }

    // MARK: TestRewriteProbe

    @Test("T-PRB-1 rewriteHealthProbes")
    func rewriteHealthProbes() throws {
        // health_probes_test.go:80-120: one (unnamed) container with readiness /a:1, liveness /b:2, startup /c:3.
        let yaml = Self.pod([
            (
                nil,
                [
                    Self.probe("readinessProbe", .http("/a", 1)),
                    Self.probe("livenessProbe", .http("/b", 2)),
                    Self.probe("startupProbe", .http("/c", 3)),
                ]
            )
        ])
        let (probes, pod, _) = try Self.rewrite(yaml)
        #expect(
            probes
                == ProbeSet(
                    liveness: Self.original("/b", 2), readiness: Self.original("/a", 1),
                    startup: Self.original("/c", 3)))
        let container = try #require(pod.at("spec", "containers", 0))
        #expect(
            container["livenessProbe"]?.confSorted
                == Self.rewritten(Self.httpGet("/osm-liveness-probe", 15901)).confSorted)
        #expect(
            container["readinessProbe"]?.confSorted
                == Self.rewritten(Self.httpGet("/osm-readiness-probe", 15902)).confSorted)
        #expect(
            container["startupProbe"]?.confSorted
                == Self.rewritten(Self.httpGet("/osm-startup-probe", 15903)).confSorted)
    }

    @Test("T-PRB-1 one probe per kind, the last container wins")
    func lastContainerWins() throws {
        // The two containers of the reference's §12.6 T-PRB-1, under v1.2.4's health_probes.go:17-31.
        let yaml = Self.pod([
            (
                "my-container",
                [
                    Self.probe("readinessProbe", .http("/a", 1)), Self.probe("livenessProbe", .http("/b", 2)),
                    Self.probe("startupProbe", .http("/c", 3)),
                ]
            ),
            (
                "my-sidecar",
                [
                    Self.probe("readinessProbe", .http("/a", 4)), Self.probe("livenessProbe", .http("/b", 5)),
                    Self.probe("startupProbe", .http("/c", 6)),
                ]
            ),
        ])
        let (probes, pod, _) = try Self.rewrite(yaml)
        #expect(
            probes
                == ProbeSet(
                    liveness: Self.original("/b", 5), readiness: Self.original("/a", 4),
                    startup: Self.original("/c", 6)))
        // Both containers are rewritten, to the same bare paths.
        for index in 0..<2 {
            let container = try #require(pod.at("spec", "containers", index))
            #expect(container.at("livenessProbe", "httpGet") == Self.httpGet("/osm-liveness-probe", 15901))
            #expect(container.at("readinessProbe", "httpGet") == Self.httpGet("/osm-readiness-probe", 15902))
            #expect(container.at("startupProbe", "httpGet") == Self.httpGet("/osm-startup-probe", 15903))
        }
    }

    @Test("T-PRB-1 a later container without a probe of a kind does not reset it")
    func laterContainerWithoutProbe() throws {
        // health_probes.go:20-28 assigns only non-nil results; exec probes give nil (health_probes.go:73-75).
        let yaml = Self.pod([
            ("first", [Self.probe("livenessProbe", .tcp(8080)), Self.probe("readinessProbe", .http("/ready", 81))]),
            ("second", [Self.probe("livenessProbe", .exec)]),
        ])
        let (probes, pod, _) = try Self.rewrite(yaml)
        #expect(
            probes
                == ProbeSet(
                    liveness: Self.original("", 8080, http: false, tcp: true),
                    readiness: Self.original("/ready", 81)))
        #expect(
            pod.at("spec", "containers", 1, "livenessProbe", "exec", "command") == .confStrings("cat", "/tmp/healthy"))
    }

    @Test("T-PRB-1 a converted TCP probe overridden by a later HTTP probe adds no healthcheck container")
    func tcpOverriddenNoHealthcheck() throws {
        // UsesTCP (v1.2.4 pkg/models/healthprobe.go) looks only at the kept probes: the first container's TCP
        // liveness probe is converted, but the second container's HTTP liveness probe is the one kept.
        let yaml = Self.pod([
            ("first", [Self.probe("livenessProbe", .tcp(8080))]),
            ("second", [Self.probe("livenessProbe", .http("/live", 81))]),
        ])
        let (probes, pod, _) = try Self.rewrite(yaml)
        #expect(probes.liveness == Self.original("/live", 81))
        #expect(!probes.usesTCP)
        #expect(pod.at("spec", "containers", 0, "livenessProbe", "httpGet", "path") == .string("/osm-healthcheck"))
        // Through the whole pipeline: no osm-healthcheck container.
        let run = try Conf.run(
            yaml,
            cluster: Conf.cluster(
                Conf.monitored("test", annotations: [OSMConstants.sidecarInjectionAnnotation: "enabled"])))
        let injectedFound = run.object("Pod", "p")
        let injected = try #require(injectedFound)
        let names = injected.at("spec", "containers")?.confItems?.map { $0["name"] }
        #expect(names == [.string("first"), .string("second"), .string("envoy")])
    }

    /// health_probes_test.go:89-95.
    private static let someContainer = pod([
        (
            "-some-container-",
            [
                probe("readinessProbe", .http("/a/b/c", 1234)),
                probe("startupProbe", .http("/x/y/z", 3456)),
                probe("livenessProbe", .http("/k/l/m", 7890)),
            ]
        )
    ])

    @Test("T-PRB-2 rewriteLiveness")
    func rewriteLiveness() throws {
        let (probes, pod, _) = try Self.rewrite(Self.someContainer)
        #expect(probes.liveness == Self.original("/k/l/m", 7890))
        #expect(
            pod.at("spec", "containers", 0, "livenessProbe", "httpGet") == Self.httpGet("/osm-liveness-probe", 15901))
    }

    @Test("T-PRB-3 rewriteReadiness")
    func rewriteReadiness() throws {
        let (probes, pod, _) = try Self.rewrite(Self.someContainer)
        #expect(probes.readiness == Self.original("/a/b/c", 1234))
        #expect(
            pod.at("spec", "containers", 0, "readinessProbe", "httpGet") == Self.httpGet("/osm-readiness-probe", 15902))
    }

    @Test("T-PRB-4 rewriteStartup")
    func rewriteStartup() throws {
        let (probes, pod, _) = try Self.rewrite(Self.someContainer)
        #expect(probes.startup == Self.original("/x/y/z", 3456))
        #expect(pod.at("spec", "containers", 0, "startupProbe", "httpGet") == Self.httpGet("/osm-startup-probe", 15903))
    }

    // rewriteProbe table (health_probes_test.go:155-248). OSM calls rewriteProbe with a test path and port; the
    // injector always passes the kind's own (rewriteLiveness etc.), so each case runs for every kind.

    private static let kinds: [(field: String, path: String, port: Int)] = [
        ("livenessProbe", "/osm-liveness-probe", 15901), ("readinessProbe", "/osm-readiness-probe", 15902),
        ("startupProbe", "/osm-startup-probe", 15903),
    ]

    @Test("T-PRB-5 rewriteProbe: nil")
    func rewriteProbeNil() throws {
        let (probes, _, changed) = try Self.rewrite(Self.pod([("c", [])]))
        #expect(probes == ProbeSet())
        #expect(!changed)
    }

    @Test("T-PRB-5 rewriteProbe: no http or tcp", arguments: [0, 1, 2])
    func rewriteProbeNoHandler(kind: Int) throws {
        let field = Self.kinds[kind].field
        for handler in [Handler.empty, .exec] {
            let (probes, pod, changed) = try Self.rewrite(Self.pod([("c", [Self.probe(field, handler)])]))
            #expect(probes == ProbeSet())
            #expect(!changed)
            #expect(pod.at("spec", "containers", 0, field, "httpGet") == nil)
        }
    }

    @Test("T-PRB-5 rewriteProbe: getPort() error", arguments: [0, 1, 2])
    func rewriteProbePortError(kind: Int) throws {
        let (field, path, port) = Self.kinds[kind]
        let (probes, pod, _) = try Self.rewrite(Self.pod([("c", [Self.probe(field, .http("/x/y/z", 0))])]))
        #expect(probes == Self.set(kind, Self.original("/x/y/z", 0)))
        #expect(
            pod.at("spec", "containers", 0, field)?.confSorted == Self.rewritten(Self.httpGet(path, port)).confSorted)
    }

    @Test("T-PRB-5 rewriteProbe: http", arguments: [0, 1, 2])
    func rewriteProbeHTTP(kind: Int) throws {
        let (field, path, port) = Self.kinds[kind]
        let (probes, pod, _) = try Self.rewrite(Self.pod([("a", [Self.probe(field, .http("/x/y/z", 3456))])]))
        #expect(probes == Self.set(kind, Self.original("/x/y/z", 3456)))
        #expect(
            pod.at("spec", "containers", 0, field)?.confSorted == Self.rewritten(Self.httpGet(path, port)).confSorted)
    }

    @Test("T-PRB-5 rewriteProbe: https", arguments: [0, 1, 2])
    func rewriteProbeHTTPS(kind: Int) throws {
        let (field, _, port) = Self.kinds[kind]
        let (probes, pod, _) = try Self.rewrite(Self.pod([("b", [Self.probe(field, .https("/x/y/z", 3456))])]))
        #expect(probes == Self.set(kind, Self.original("/x/y/z", 3456, http: false)))
        // Path unchanged, port rewritten, scheme kept.
        #expect(
            pod.at("spec", "containers", 0, field)?.confSorted
                == Self.rewritten(Self.httpGet("/x/y/z", port, scheme: "HTTPS")).confSorted)
    }

    @Test("T-PRB-5 rewriteProbe: tcp", arguments: [0, 1, 2])
    func rewriteProbeTCP(kind: Int) throws {
        let field = Self.kinds[kind].field
        let (probes, pod, _) = try Self.rewrite(Self.pod([("c", [Self.probe(field, .tcp(3456))])]))
        #expect(probes == Self.set(kind, Self.original("", 3456, http: false, tcp: true)))
        let probe = try #require(pod.at("spec", "containers", 0, field))
        #expect(probe["tcpSocket"] == nil)
        #expect(
            probe.confSorted
                == Self.rewritten(
                    .map([
                        ("path", .string("/osm-healthcheck")), ("port", .int(15904)),
                        (
                            "httpHeaders",
                            .sequence([.map([("name", .string("Original-Tcp-Port")), ("value", .string("3456"))])])
                        ),
                    ])
                ).confSorted)
    }

    @Test("T-PRB-5 rewriteProbe: tcp adds the osm-healthcheck container")
    func tcpAddsHealthcheck() throws {
        // patch.go:123-141.
        let yaml = Self.pod([("c", [Self.probe("readinessProbe", .tcp(3456))])])
        var settings = InjectorSettings()
        settings.defaultHealthcheckImage = "-healthcheck-image-"
        let run = try Conf.run(
            yaml,
            cluster: Conf.cluster(
                Conf.monitored("test", annotations: [OSMConstants.sidecarInjectionAnnotation: "enabled"]),
                settings: settings))
        let podFound = run.object("Pod", "p")
        let pod = try #require(podFound)
        let names = pod.at("spec", "containers")?.confItems?.map { $0["name"] }
        #expect(names == [.string("c"), .string("osm-healthcheck"), .string("envoy")])
        let healthcheck = try #require(pod.at("spec", "containers")?.confItem(named: "osm-healthcheck"))
        #expect(healthcheck["image"] == .string("-healthcheck-image-"))
        #expect(healthcheck["command"] == .confStrings("/osm-healthcheck"))
        #expect(healthcheck.at("args", 0) == .string("--verbosity"))
        #expect(healthcheck["ports"] == .sequence([.map([("containerPort", .int(15904))])]))
        #expect(healthcheck["imagePullPolicy"] == .string("IfNotPresent"))
    }

    private static func set(_ kind: Int, _ probe: OriginalProbe) -> ProbeSet {
        var set = ProbeSet()
        set[ProbeKind.allCases[kind]] = probe
        return set
    }

    // MARK: TestGetPort (health_probes_test.go:251-308)

    /// A container with `ports` (name, number).
    private static func container(ports: [(String, Int)]) throws -> ContainerView {
        var yaml = "name: c\nimage: app\n"
        yaml +=
            ports.isEmpty
            ? "ports: []\n" : "ports:\n" + ports.map { "- name: \"\($0.0)\"\n  containerPort: \($0.1)\n" }.joined()
        let stream = try Conf.parse(yaml)
        return try ContainerView(ObjectView(document: try #require(stream.documents.first)))
    }

    private static let twoPorts = [("-some-port-", 2344), ("-some-other-port-", 8877)]

    @Test("T-PORT-1 no container ports")
    func getPortNoContainerPorts() throws {
        // errNoMatchingPort is only logged; the probe keeps port 0 (health_probes.go:77-81).
        #expect(ProbeRewriter.resolve(.string("-some-port-"), in: try Self.container(ports: [])) == 0)
    }

    @Test("T-PORT-2 named port")
    func getPortNamed() throws {
        #expect(ProbeRewriter.resolve(.string("-some-port-"), in: try Self.container(ports: Self.twoPorts)) == 2344)
    }

    @Test("T-PORT-3 numbered port")
    func getPortNumbered() throws {
        #expect(ProbeRewriter.resolve(.int(9955), in: try Self.container(ports: Self.twoPorts)) == 9955)
    }

    @Test("T-PORT-4 no matching named ports")
    func getPortNoMatch() throws {
        #expect(ProbeRewriter.resolve(.string("-another-port-"), in: try Self.container(ports: Self.twoPorts)) == 0)
    }

    @Test("T-PORT named probe ports resolve against the same container, end to end")
    func getPortThroughRewrite() throws {
        let yaml = """
            apiVersion: v1
            kind: Pod
            metadata: {name: p, namespace: test}
            spec:
              containers:
              - name: c
                image: app
                ports:
                - name: "-some-port-"
                  containerPort: 2344
                livenessProbe:
                  httpGet: {path: /live, port: "-some-port-"}
                readinessProbe:
                  tcpSocket: {port: "-another-port-"}
                startupProbe:
                  httpGet: {path: /start, port: "8080"}

            """
        let (probes, pod, _) = try Self.rewrite(yaml)
        #expect(probes.liveness?.port == 2344)
        #expect(probes.readiness?.port == 0)
        #expect(probes.startup?.port == 8080) // IntValue() of the string "8080"
        #expect(pod.at("spec", "containers", 0, "readinessProbe", "httpGet", "httpHeaders", 0, "value") == .string("0"))
        #expect(pod.at("spec", "containers", 0, "livenessProbe", "httpGet", "port") == .int(15901))
    }
}
