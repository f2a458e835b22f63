import Testing
import LosslessYAML
@testable import OSMInjector

// OSM v1.2.4 pkg/injector/patch_test.go (`TestCreatePatch`, `TestVerifyPrerequisites`), translated.
// OSM checks substrings of the JSON patch; here the injected YAML is parsed back and its values are read.

@Suite("Conformance: patch creation (patch_test.go)")
struct ConformancePatchTests {
    private static let namespace = "-namespace-"
    private static let podName = "-pod-name-"

    /// `tests.NewOsSpecificPodFixture(namespace, podName, "bookstore", nil, os)` (v1.2.4 pkg/tests/fixtures.go:583):
    /// no labels, no containers.
    private static func podFixture(namespace: String = namespace, os: String) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: "\(podName)"
          namespace: "\(namespace)"
        spec:
          serviceAccountName: bookstore
          nodeSelector:
            kubernetes.io/os: \(os)

        """
    }

    /// The namespace of patch_test.go:46-93; injection is enabled on it because offline `createPatch` is only
    /// reached through `mustInject` (an annotation on the pod would change `/metadata/annotations`).
    private static func namespaceObject(metrics: Bool = false) -> NamespaceInfo {
        var annotations = [OSMConstants.sidecarInjectionAnnotation: "enabled"]
        if metrics { annotations[OSMConstants.metricsAnnotation] = "enabled" }
        return Conf.monitored(namespace, annotations: annotations)
    }

    /// patch_test.go:145-147, image names swapped as in OSM's test.
    private static let meshConfig = Conf.meshConfig(
        envoy: "envoy-windows-image", windows: "envoy-linux-image",
        initImage: "init-container-image")

    private static func cluster(metrics: Bool = false) -> ClusterState {
        Conf.cluster(namespaceObject(metrics: metrics), meshConfig: meshConfig, settings: Conf.noDefaultImages)
    }

    /// The proxy UUID our injector gives the fixture (OSM draws a random one; §"Differences on purpose").
    private static let uuid = ProxyUUID.make(namespace: namespace, kind: "Pod", name: podName)

    /// The assertions shared by the three cases of patch_test.go:43-112.
    private func checkPatch(_ run: Conf.Run, linux: Bool, metrics: Bool) throws {
        #expect(run.errors.isEmpty)
        #expect(run.report?.outcome == .injected)
        let podFound = run.object("Pod", Self.podName)
        let pod = try #require(podFound)
        // "path":"/metadata/labels", "value":{"osm-proxy-uuid":"<uuid>"
        #expect(pod.at("metadata", "labels") == .map([("osm-proxy-uuid", .string(Self.uuid))]))
        // "path":"/spec/volumes", "value":[{"name":"envoy-bootstrap-config-volume","secret":{...}}]
        #expect(
            pod.at("spec", "volumes")?.confSorted
                == .sequence([Conf.bootstrapVolume(secretName: "envoy-bootstrap-config-\(Self.uuid)")]).confSorted)
        // "path":"/spec/initContainers", "command":["/bin/sh"] (Linux only)
        if linux {
            let initContainers = try #require(pod.at("spec", "initContainers")?.confItems)
            #expect(initContainers.count == 1)
            #expect(initContainers.first?["name"] == .string("osm-init"))
            #expect(initContainers.first?["command"] == .confStrings("/bin/sh"))
            #expect(initContainers.first?["image"] == .string("init-container-image"))
        } else {
            #expect(pod.at("spec", "initContainers") == nil)
        }
        // "path":"/spec/containers", "command":["envoy"]
        let containers = try #require(pod.at("spec", "containers")?.confItems)
        #expect(containers.count == 1)
        #expect(containers.first?["name"] == .string("envoy"))
        #expect(containers.first?["command"] == .confStrings("envoy"))
        // GetEnvoyImage returns "envoy-windows-image" and GetEnvoyWindowsImage "envoy-linux-image" (sic).
        #expect(containers.first?["image"] == .string(linux ? "envoy-windows-image" : "envoy-linux-image"))
        #expect(containers.first?.at("args", 5) == .string("bookstore.\(Self.namespace)"))
        // "path":"/metadata/annotations", "value":{"prometheus.io/path":…,"prometheus.io/port":"15010",…}
        if metrics {
            #expect(
                pod.at("metadata", "annotations")?.confSorted
                    == YAMLValue.map([
                        ("prometheus.io/path", .string("/stats/prometheus")),
                        ("prometheus.io/port", .string("15010")),
                        ("prometheus.io/scrape", .string("true")),
                    ]).confSorted)
        } else {
            #expect(pod.at("metadata", "annotations") == nil)
        }
    }

    /// The bootstrap Secret `envoy-bootstrap-config-<uuid>` in `-namespace-` (patch_test.go:176-184).
    private func checkSecret(_ run: Conf.Run) {
        let secrets = run.secrets
        #expect(secrets.count == 1)
        #expect(secrets.first?.at("metadata", "name") == .string("envoy-bootstrap-config-\(Self.uuid)"))
        #expect(secrets.first?.at("metadata", "namespace") == .string(Self.namespace))
    }

    @Test("T-PATCH-1 creates a patch for a unix worker")
    func linuxWorker() throws {
        let run = try Conf.run(Self.podFixture(os: "linux"), cluster: Self.cluster())
        try checkPatch(run, linux: true, metrics: false)
    }

    @Test("T-PATCH-2 creates a patch for a windows worker")
    func windowsWorker() throws {
        let run = try Conf.run(Self.podFixture(os: "windows"), cluster: Self.cluster())
        try checkPatch(run, linux: false, metrics: false)
    }

    @Test("T-PATCH-3 metrics enabled")
    func metricsEnabled() throws {
        let run = try Conf.run(Self.podFixture(os: "linux"), cluster: Self.cluster(metrics: true))
        try checkPatch(run, linux: true, metrics: true)
    }

    @Test(
        "T-PATCH-1…3 the bootstrap Secret is created",
        arguments: [("linux", false), ("windows", false), ("linux", true)])
    func bootstrapSecretCreated(os: String, metrics: Bool) throws {
        let run = try Conf.run(Self.podFixture(os: os), cluster: Self.cluster(metrics: metrics), secrets: true)
        try checkPatch(run, linux: os == "linux", metrics: metrics)
        checkSecret(run)
    }

    @Test("T-PATCH-4 unix dry run")
    func dryRun() throws {
        // No dry run offline; `--no-bootstrap-secrets` is the same contract: the same pod, no Secret.
        let run = try Conf.run(Self.podFixture(os: "linux"), cluster: Self.cluster(), secrets: false)
        try checkPatch(run, linux: true, metrics: false)
        #expect(run.secrets.isEmpty)
    }

    // MARK: re-injection (patch_test.go:186-225)
    //
    // v1.2.4 (patch.go:43-105) gives an already-injected pod a new proxy UUID: `osm-proxy-uuid` is set to the new
    // UUID and the bootstrap volume's secretName becomes `envoy-bootstrap-config-<new>` (the old Secret, read from
    // the API server, is copied); nothing else is added. Offline the old Secret is only known when it is in the
    // stream, so the case is run both ways: with it, the full v1.2.4 outcome is expected; without it, only that no
    // second sidecar is added (osm-inject then leaves the template as it is, fixtures/inject/already-injected).

    /// The injected pod of a case, its metadata replaced by `{name: debug, namespace: -namespace-}` as
    /// `kubectl debug` would (patch_test.go:192); followed by its bootstrap Secret when `withSecret`.
    private func debugCopy(os: String, metrics: Bool, withSecret: Bool) throws -> [UInt8] {
        let first = try Conf.run(Self.podFixture(os: os), cluster: Self.cluster(metrics: metrics), secrets: withSecret)
        let stream = try Parser().parse(first.output.bytes)
        #expect(stream.documents.count == (withSecret ? 2 : 1))
        let document = try #require(stream.documents.first)
        var editor = DocumentEditor(source: stream.source, document: document)
        try editor.set(
            "metadata", to: .map([("name", .string("debug")), ("namespace", .string(Self.namespace))]),
            in: document.root)
        var bytes = try editor.output()
        for rest in stream.documents.dropFirst() { bytes += stream.bytes(of: rest) }
        return bytes
    }

    @Test(
        "T-PATCH-REINJECT an already injected pod gets no second sidecar",
        arguments: [("linux", false), ("windows", false), ("linux", true)])
    func reinjectAddsNothing(os: String, metrics: Bool) throws {
        let input = try debugCopy(os: os, metrics: metrics, withSecret: false)
        let before = try #require(try Conf.values(input).first)
        let run = try Conf.run(bytes: input, cluster: Self.cluster(metrics: metrics))
        #expect(run.errors.isEmpty)
        let podFound = run.object("Pod", "debug")
        let pod = try #require(podFound)
        // patch.go:95-105: no volume appended, no init container, no container.
        #expect(pod.at("spec", "volumes")?.confItems?.count == 1)
        #expect(pod.at("spec", "containers") == before.at("spec", "containers"))
        #expect(pod.at("spec", "initContainers") == before.at("spec", "initContainers"))
    }

    /// A copy of an injected pod (as `kubectl debug` makes it) whose Secret is in the input: as in the webhook
    /// (patch.go:43-105) it gets a proxy UUID of its own and a bootstrap Secret of that name; osm-inject gets
    /// there by undoing what the restore log still finds and injecting the copy afresh.
    @Test(
        "T-PATCH-REINJECT with its bootstrap Secret: the copy gets its own proxy UUID and Secret",
        arguments: [("linux", false), ("windows", false), ("linux", true)])
    func reinjectRenewsUUID(os: String, metrics: Bool) throws {
        let input = try debugCopy(os: os, metrics: metrics, withSecret: true)
        let run = try Conf.run(bytes: input, cluster: Self.cluster(metrics: metrics), secrets: true)
        #expect(run.errors.isEmpty)
        let pod = try #require(run.object("Pod", "debug"))
        let newUUID = ProxyUUID.make(namespace: Self.namespace, kind: "Pod", name: "debug")
        #expect(pod.at("metadata", "labels", "osm-proxy-uuid") == .string(newUUID))
        #expect(pod.at("spec", "volumes")?.confItems?.count == 1)
        #expect(pod.at("spec", "volumes", 0, "secret", "secretName") == .string("envoy-bootstrap-config-\(newUUID)"))
        #expect(pod.at("spec", "containers")?.confItems?.filter { $0["name"] == .string("envoy") }.count == 1)
        #expect(run.secrets.contains { $0.at("metadata", "name") == .string("envoy-bootstrap-config-\(newUUID)") })
    }

    // MARK: errors

    @Test("T-PATCH-ERR error checking if metrics is enabled")
    func patchError() throws {
        // patch_test.go:229-265: namespace "not--namespace-" without annotations, GetEnvoyImage "" — the
        // prerequisite check fails (the case's name notwithstanding). Injection is enabled on the pod here.
        let yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: "-pod-name-"
              namespace: "not--namespace-"
              annotations:
                openservicemesh.io/sidecar-injection: enabled
            spec:
              serviceAccountName: bookstore
              nodeSelector:
                kubernetes.io/os: linux

            """
        let cluster = Conf.cluster(
            Conf.monitored("not--namespace-"), meshConfig: MeshConfig(),
            settings: Conf.noDefaultImages)
        let run = try Conf.run(yaml, cluster: cluster)
        #expect(!run.errors.isEmpty)
        #expect(run.failure == "MeshConfig sidecar.envoyImage not set")
    }

    // MARK: TestVerifyPrerequisites (patch_test.go:268-333)

    struct Prerequisites: Sendable, CustomTestStringConvertible {
        var name: String
        var podOS: String
        var linuxImage = ""
        var windowsImage = ""
        var initImage = ""
        /// OSM only checks that there is an error; this is v1.2.4's message for it (patch.go:155-166).
        var error: String?
        var testDescription: String { name }
    }

    @Test(
        "T-PREREQ verifyPrerequisites",
        arguments: [
            Prerequisites(name: "prereqs met for linux pod", podOS: "", linuxImage: "envoy", initImage: "init"),
            Prerequisites(
                name: "prereqs not met for linux pod when init container image is missing", podOS: "",
                linuxImage: "envoy", error: "MeshConfig sidecar.initContainerImage not set"),
            Prerequisites(
                name: "prereqs not met for linux pod when envoy container image is missing", podOS: "",
                initImage: "init", error: "MeshConfig sidecar.envoyImage not set"),
            Prerequisites(
                name: "prereqs met for windows pod", podOS: "windows", windowsImage: "windows", initImage: "init"),
            Prerequisites(
                name: "prereqs met for windows pod when init container image is missing", podOS: "windows",
                windowsImage: "envoy"),
            // Named "windows" in OSM but podOS is "" (reference §14 B18): a Linux pod without the envoy image.
            Prerequisites(
                name: "prereqs not met for windows pod when envoy container image is missing", podOS: "",
                initImage: "init", error: "MeshConfig sidecar.envoyImage not set"),
            // The genuinely Windows variant of the last case.
            Prerequisites(
                name: "windows pod without the windows envoy image", podOS: "windows", linuxImage: "envoy",
                initImage: "init", error: "MeshConfig sidecar.envoyWindowsImage not set"),
        ])
    func prerequisites(_ c: Prerequisites) throws {
        var yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              namespace: ns
            spec:
              containers:
              - name: app
                image: app

            """
        if !c.podOS.isEmpty { yaml += "  nodeSelector:\n    kubernetes.io/os: \(c.podOS)\n" }
        let ns = Conf.monitored("ns", annotations: [OSMConstants.sidecarInjectionAnnotation: "enabled"])
        let cluster = Conf.cluster(
            ns,
            meshConfig: Conf.meshConfig(
                envoy: c.linuxImage, windows: c.windowsImage,
                initImage: c.initImage),
            settings: Conf.noDefaultImages)
        let run = try Conf.run(yaml, cluster: cluster)
        if let error = c.error {
            #expect(!run.errors.isEmpty)
            #expect(run.failure == error)
        } else {
            #expect(run.report?.outcome == .injected)
            let podFound = run.object("Pod", "p")
            let pod = try #require(podFound)
            let envoy = pod.at("spec", "containers")?.confItem(named: "envoy")
            #expect(envoy?["image"] == .string(c.podOS == "windows" ? c.windowsImage : c.linuxImage))
        }
    }

    @Test("T-PREREQ images fall back to the injector's environment")
    func prerequisitesFallBack() throws {
        // configurator GetEnvoyImage/GetEnvoyWindowsImage/GetInitContainerImage (v1.2.4 pkg/configurator/methods.go:130-154):
        // an empty MeshConfig image falls back to OSM_DEFAULT_*_IMAGE, so only both empty is an error.
        let yaml = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: ns\nspec:\n  containers: []\n"
        let ns = Conf.monitored("ns", annotations: [OSMConstants.sidecarInjectionAnnotation: "enabled"])
        var settings = Conf.noDefaultImages
        settings.defaultEnvoyImage = "env-envoy"
        settings.defaultInitContainerImage = "env-init"
        let run = try Conf.run(yaml, cluster: Conf.cluster(ns, meshConfig: MeshConfig(), settings: settings))
        let podFound = run.object("Pod", "p")
        let pod = try #require(podFound)
        #expect(pod.at("spec", "containers")?.confItem(named: "envoy")?["image"] == .string("env-envoy"))
        #expect(pod.at("spec", "initContainers")?.confItem(named: "osm-init")?["image"] == .string("env-init"))
    }
}
