import Testing
import LosslessYAML
@testable import OSMInjector

// OSM v1.2.4 pkg/injector/webhook_test.go and metrics_test.go, translated.
//
// Not translated, because an offline tool has no HTTP server, no API server and no informer cache:
// - T-MWC-1 `TestCreateMutatingWebhook` and the two "creates new webhook" Ginkgo cases (MutatingWebhookConfiguration
//   creation; the selector it registers is exercised through `InjectionDecision` below);
// - T-HTTP-1…5 `podCreationHandler`, `getAdmissionReqResp`, `mutate(nil)`, `TestPodCreationHandler`
//   (content type, empty body, AdmissionReview decoding);
// - T-PATCH-HELPER `patchAdmissionResponse`;
// - T-MUT-2 "mustInject error" and T-MUT-3 "createPatch error" of `TestWebhookMutate`: both need a namespace that
//   is monitored while `GetNamespace` returns nil (an informer-cache race). Offline a namespace is monitored only
//   when it is declared, so "namespace not found" cannot happen; see "12.7 ns-5" below for the reachable half.

@Suite("Conformance: injection decision (webhook_test.go)")
struct ConformanceDecisionTests {
    private static let key = OSMConstants.sidecarInjectionAnnotation

    // MARK: TestIsAnnotatedForInjection (webhook_test.go:115-194)

    @Test(
        "T-ANN-1…6 annotation set to enabled/yes/true/disabled/no/false",
        arguments: [
            ("enabled", true), ("yes", true), ("true", true), ("disabled", false), ("no", false), ("false", false),
        ])
    func annotationValues(value: String, enabled: Bool) throws {
        let parsed = try InjectionAnnotation.read(from: [Self.key: value])
        #expect(parsed != nil) // exists
        #expect(parsed?.isEnabled == enabled)
    }

    @Test("T-ANN-7 annotation does not exist")
    func annotationAbsent() throws {
        #expect(try InjectionAnnotation.read(from: [:]) == nil)
    }

    @Test("T-ANN-8 annotation exists with an invalid value")
    func annotationInvalid() {
        let error = #expect(throws: AnnotationError.self) {
            try InjectionAnnotation.read(from: [Self.key: "invalid"])
        }
        #expect(error?.message == "Invalid annotation value for key \"openservicemesh.io/sidecar-injection\": invalid")
    }

    // MARK: mustInject (webhook_test.go:196-474), namespace "test", osmNamespace "osm-namespace"

    private static func pod(annotation: String?, serviceAccount: String = "test-SA", hostNetwork: Bool = false)
        -> String
    {
        var yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n"
        if let annotation { yaml += "  annotations:\n    openservicemesh.io/sidecar-injection: \"\(annotation)\"\n" }
        yaml += "spec:\n  serviceAccountName: \(serviceAccount)\n"
        if hostNetwork { yaml += "  hostNetwork: true\n" }
        yaml += "  containers:\n  - name: app\n    image: app\n"
        return yaml
    }

    private static func settings() -> InjectorSettings {
        var settings = InjectorSettings()
        settings.osmNamespace = "osm-namespace"
        return settings
    }

    private static func decide(
        _ podYAML: String, in namespace: String,
        _ namespaces: NamespaceInfo...
    ) throws -> InjectionDecision.Outcome {
        var cluster = ClusterState(settings: settings())
        for ns in namespaces { cluster.namespaces[ns.name] = ns }
        return try InjectionDecision.decide(pod: try Conf.pod(podYAML), namespace: namespace, cluster: cluster)
    }

    @Test("T-INJ-1 pod enabled for sidecar injection")
    func podEnabled() throws {
        #expect(try Self.decide(Self.pod(annotation: "enabled"), in: "test", Conf.monitored("test")) == .inject)
    }

    @Test("T-INJ-2 pod on the host network")
    func hostNetwork() throws {
        // As OSM's case: namespace "" (monitoring is never consulted).
        let outcome = try Self.decide(Self.pod(annotation: nil, hostNetwork: true), in: "")
        guard case .skip = outcome else {
            Issue.record("expected no injection, got \(outcome)")
            return
        }
        // The same pod where everything else would inject: the host network alone prevents it.
        let enabled = Conf.monitored("test", annotations: [Self.key: "enabled"])
        #expect(
            try Self.decide(Self.pod(annotation: "enabled", hostNetwork: true), in: "test", enabled)
                == .skip(.hostNetwork))
    }

    @Test("T-INJ-3 pod disabled for sidecar injection")
    func podDisabled() throws {
        #expect(
            try Self.decide(Self.pod(annotation: "disabled"), in: "test", Conf.monitored("test"))
                == .skip(.podDisabled))
    }

    @Test("T-INJ-4 namespace enabled, pod unannotated")
    func namespaceEnabledPodUnannotated() throws {
        let ns = Conf.monitored("test", annotations: [Self.key: "enabled"])
        #expect(try Self.decide(Self.pod(annotation: nil), in: "test", ns) == .inject)
    }

    @Test("T-INJ-5 namespace enabled, pod explicitly disabled")
    func namespaceEnabledPodDisabled() throws {
        let ns = Conf.monitored("test", annotations: [Self.key: "enabled"])
        #expect(try Self.decide(Self.pod(annotation: "disabled"), in: "test", ns) == .skip(.podDisabled))
    }

    @Test("T-INJ-6 namespace not monitored")
    func namespaceNotMonitored() throws {
        let unmonitored = NamespaceInfo(name: "test")
        #expect(
            try Self.decide(Self.pod(annotation: "enabled"), in: "test", unmonitored)
                == .skip(.namespaceNotMonitored(namespace: "test", mesh: "osm")))
        // mustInject returns before parsing the pod annotation (webhook.go:203-206): no error either.
        let outcome = try Self.decide(Self.pod(annotation: "invalid-value"), in: "test", unmonitored)
        guard case .skip = outcome else {
            Issue.record("expected no injection, got \(outcome)")
            return
        }
    }

    @Test("T-INJ-7 invalid pod annotation is an error")
    func invalidPodAnnotation() {
        let error = #expect(throws: InjectionError.self) {
            try Self.decide(Self.pod(annotation: "invalid-value"), in: "test", Conf.monitored("test"))
        }
        #expect(
            error?.message == "Invalid annotation value for key \"openservicemesh.io/sidecar-injection\": invalid-value"
        )
    }

    @Test("T-INJ-8 invalid namespace annotation is an error")
    func invalidNamespaceAnnotation() {
        let ns = Conf.monitored("test", annotations: [Self.key: "invalid"])
        let error = #expect(throws: InjectionError.self) {
            try Self.decide(Self.pod(annotation: nil), in: "test", ns)
        }
        #expect(
            error?.message.contains(
                "Invalid annotation value for key \"openservicemesh.io/sidecar-injection\": invalid") == true)
    }

    // MARK: isNamespaceInjectable (webhook_test.go:426-474)

    @Test("T-NS-1 monitored app namespace is injectable")
    func monitoredNamespace() throws {
        #expect(try Self.decide(Self.pod(annotation: "enabled"), in: "test", Conf.monitored("test")) == .inject)
    }

    @Test(
        "T-NS-2…4 osm-controller's, kube-system and kube-public namespaces are not injectable",
        arguments: [
            ("osm-namespace", SkipReason.osmNamespace("osm-namespace")),
            ("kube-system", .systemNamespace("kube-system")),
            ("kube-public", .systemNamespace("kube-public")),
        ])
    func nonInjectableNamespaces(namespace: String, reason: SkipReason) throws {
        // Even monitored and enabled, and with an enabled pod.
        let ns = Conf.monitored(namespace, annotations: [Self.key: "enabled"])
        #expect(try Self.decide(Self.pod(annotation: "enabled"), in: namespace, ns) == .skip(reason))
    }

    @Test("T-NS-5 unmonitored app namespace is not injectable")
    func unmonitoredNamespace() throws {
        #expect(
            try Self.decide(Self.pod(annotation: "enabled"), in: "test", NamespaceInfo(name: "test"))
                == .skip(.namespaceNotMonitored(namespace: "test", mesh: "osm")))
        // Labelled for another mesh.
        #expect(
            try Self.decide(Self.pod(annotation: "enabled"), in: "test", Conf.monitored("test", mesh: "other"))
                == .skip(.namespaceNotMonitored(namespace: "test", mesh: "osm")))
    }

    // MARK: TestWebhookMutate (webhook_test.go:729-872)

    @Test("T-MUT-1 invalid input is an error")
    func invalidInput() {
        // OSM: raw `{` fails to decode ("unexpected end of JSON input"). Offline the manifest itself fails to parse.
        #expect(throws: YAMLError.self) { try Conf.parse("{") }
    }

    @Test("T-MUT-4 will inject")
    func willInject() throws {
        let yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              namespace: ns
              annotations:
                openservicemesh.io/sidecar-injection: "true"
            spec:
              containers: []

            """
        let cluster = Conf.cluster(
            Conf.monitored("ns"),
            meshConfig: Conf.meshConfig(
                envoy: "envoy-linux-image", windows: "envoy-windows-image",
                initImage: "init-container-image"))
        let run = try Conf.run(yaml, cluster: cluster)
        #expect(run.report?.outcome == .injected)
        #expect(run.output.bytes != Array(yaml.utf8)) // a non-nil patch
        let podFound = run.object("Pod", "p")
        let pod = try #require(podFound)
        #expect(pod.at("spec", "containers")?.confItem(named: "envoy")?["image"] == .string("envoy-linux-image"))
    }
}

// OSM v1.2.4 pkg/injector/metrics_test.go (`TestIsMetricsEnabled`), reference §12.7.
@Suite("Conformance: metrics (metrics_test.go)")
struct ConformanceMetricsTests {
    @Test(
        "12.7 ns-1…4 metrics annotation enabled/disabled/absent/invalid",
        arguments: [
            ("ns-1", "enabled" as String?, true, false), ("ns-2", "disabled", false, false),
            ("ns-3", nil, false, false), ("ns-4", "invalid", false, true),
        ])
    func metricsAnnotation(namespace: String, value: String?, enabled: Bool, expectError: Bool) throws {
        var annotations: [String: String] = [:]
        if let value { annotations[OSMConstants.metricsAnnotation] = value }
        if expectError {
            let error = #expect(throws: AnnotationError.self) {
                try MetricsAnnotation.isEnabled(annotations: annotations)
            }
            #expect(error?.message == "Invalid value specified for annotation \"openservicemesh.io/metrics\": invalid")
        } else {
            #expect(try MetricsAnnotation.isEnabled(annotations: annotations) == enabled)
        }
    }

    @Test("12.7 ns-4 invalid metrics annotation rejects an enabled pod")
    func metricsInvalidRejectsPod() throws {
        let yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              namespace: ns-4
            spec:
              containers:
              - name: app
                image: app

            """
        let ns = Conf.monitored(
            "ns-4",
            annotations: [
                OSMConstants.sidecarInjectionAnnotation: "enabled",
                OSMConstants.metricsAnnotation: "invalid",
            ])
        let run = try Conf.run(yaml, cluster: Conf.cluster(ns))
        #expect(!run.errors.isEmpty)
        #expect(
            run.failure?.contains("Invalid value specified for annotation \"openservicemesh.io/metrics\": invalid")
                == true)
    }

    @Test("12.7 ns-5 namespace not found")
    func metricsNamespaceNotFound() throws {
        // OSM: `isMetricsEnabled` errors for a namespace its cache lacks. In the full webhook such a namespace
        // already fails `IsMonitoredNamespace`, so the pod is left alone; offline the same holds.
        let yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              namespace: ns-5
              annotations:
                openservicemesh.io/sidecar-injection: enabled
            spec:
              containers:
              - name: app
                image: app

            """
        let run = try Conf.run(yaml, cluster: Conf.cluster())
        #expect(run.report?.outcome == .skipped(.namespaceNotDeclared("ns-5")))
        #expect(run.output.bytes == Array(yaml.utf8))
    }
}
