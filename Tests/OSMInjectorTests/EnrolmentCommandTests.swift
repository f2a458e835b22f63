import LosslessYAML
import Testing

@testable import OSMInjector

/// OSM v1.2.4's `cmd/cli/namespace_test.go`, `namespace_list_test.go` and `metrics_test.go` cases (reference
/// §12.10), on in-memory sources: messages, errors and resulting labels and annotations.
@Suite("Enrolment: OSM's CLI cases")
struct EnrolmentCommandTests {
    static let monitor = OSMConstants.monitoredByLabel
    static let injection = OSMConstants.sidecarInjectionAnnotation
    static let ignore = OSMConstants.ignoreLabel
    static let metrics = OSMConstants.metricsAnnotation

    /// A Deployment of OSM's controller for `mesh`, as OSM's tests' `addDeployment` creates it.
    static func controller(mesh: String, namespace: String = "osm-system") -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: osm-controller
          namespace: \(namespace)
          labels:
            app: osm-controller
            meshName: \(mesh)
        """
    }

    // MARK: add

    @Test("add to a mesh the files show does not exist")
    func addNonExistentMesh() throws {
        var session = try EnrolmentFixture.session([
            EnrolmentFixture.namespace("namespace"), Self.controller(mesh: "other"),
        ])
        let error = EnrolmentFixture.thrownError { () throws(EnrolmentError) in
            try NamespaceAdd(meshName: "mesh").run(["namespace"], in: &session)
        }
        #expect(
            error?.message
                == "mesh [mesh] does not exist, please specify another mesh using --mesh-name or create a new mesh")
    }

    @Test("no control plane in the files: the mesh check is skipped")
    func addWithoutControlPlane() throws {
        var session = try EnrolmentFixture.session([EnrolmentFixture.namespace("namespace")])
        try NamespaceAdd(meshName: "mesh").run(["namespace"], in: &session)
        #expect(session.messages == ["Namespace [namespace] successfully added to mesh [mesh]"])
    }

    @Test("add an ignored namespace")
    func addIgnored() throws {
        var session = try EnrolmentFixture.session([
            EnrolmentFixture.namespace("namespace", labels: [(Self.ignore, "true")])
        ])
        let error = EnrolmentFixture.thrownError { () throws(EnrolmentError) in
            try NamespaceAdd(meshName: "mesh").run(["namespace"], in: &session)
        }
        #expect(error?.message == "Cannot add ignored namespace")
        #expect(error?.location?.mark.line == 6)
    }

    @Test("the ignore label counts only with the value true")
    func addIgnoredOtherValue() throws {
        var session = try EnrolmentFixture.session([
            EnrolmentFixture.namespace("namespace", labels: [(Self.ignore, "yes")])
        ])
        try NamespaceAdd(meshName: "mesh").run(["namespace"], in: &session)
        #expect(session.namespace("namespace")?.monitoredBy == "mesh")
    }

    @Test("add a namespace already in the mesh")
    func addAlreadyMember() throws {
        var session = try EnrolmentFixture.session([
            EnrolmentFixture.namespace(
                "namespace", labels: [(Self.monitor, "mesh")],
                annotations: [(Self.injection, "enabled")])
        ])
        try NamespaceAdd(meshName: "mesh").run(["namespace"], in: &session)
        #expect(session.messages == ["Namespace [namespace] has already been added to mesh [mesh]"])
        #expect(try session.changedFiles().isEmpty)
    }

    @Test("add --disable-sidecar-injection on a member disables injection (B15: OSM does nothing)")
    func addDisableOnMember() throws {
        var session = try EnrolmentFixture.session([
            EnrolmentFixture.namespace(
                "namespace", labels: [(Self.monitor, "mesh")],
                annotations: [(Self.injection, "enabled")])
        ])
        try NamespaceAdd(meshName: "mesh", disablesSidecarInjection: true).run(["namespace"], in: &session)
        #expect(
            session.messages == [
                "Namespace [namespace] has already been added to mesh [mesh]",
                "Sidecar injection disabled in namespace [namespace]",
            ])
        #expect(session.namespace("namespace")?.annotations[Self.injection] == "disabled")
        #expect(try EnrolmentFixture.changedTexts(session)[0]?.contains("\(Self.injection): \"disabled\"") == true)
    }

    @Test("add, with injection enabled and disabled", arguments: [false, true])
    func add(disabling: Bool) throws {
        var session = try EnrolmentFixture.session([EnrolmentFixture.namespace("namespace")])
        try NamespaceAdd(meshName: "mesh", disablesSidecarInjection: disabling).run(["namespace"], in: &session)
        #expect(session.messages == ["Namespace [namespace] successfully added to mesh [mesh]"])
        let state = try #require(session.namespace("namespace"))
        #expect(state.labels[Self.monitor] == "mesh")
        #expect(state.annotations[Self.injection] == (disabling ? "disabled" : "enabled"))
    }

    @Test("add two namespaces: two lines in order")
    func addTwo() throws {
        var session = try EnrolmentFixture.session([
            EnrolmentFixture.namespace("ns1") + "---\n" + EnrolmentFixture.namespace("ns2")
        ])
        try NamespaceAdd(meshName: "mesh").run(["ns1", "ns2"], in: &session)
        #expect(
            session.messages == [
                "Namespace [ns1] successfully added to mesh [mesh]",
                "Namespace [ns2] successfully added to mesh [mesh]",
            ])
    }

    @Test("add a namespace holding osm-controller")
    func addControllerNamespace() throws {
        var session = try EnrolmentFixture.session([
            EnrolmentFixture.namespace("namespace"), Self.controller(mesh: "mesh", namespace: "namespace"),
        ])
        try NamespaceAdd(meshName: "mesh").run(["namespace"], in: &session)
        #expect(
            session.messages == [
                "Namespace [namespace] already has [osm-controller] installed and cannot be added to mesh [mesh]"
            ])
        #expect(try session.changedFiles().isEmpty)
    }

    @Test("add a namespace no file declares, without a config file")
    func addNotFound() throws {
        var session = try EnrolmentFixture.session(["kind: ConfigMap\n"], newNamespaceSource: nil)
        let error = EnrolmentFixture.thrownError { () throws(EnrolmentError) in
            try NamespaceAdd(meshName: "mesh").run(["namespace"], in: &session)
        }
        #expect(
            error?.message == "Could not add namespace [namespace] to mesh [mesh]: namespaces \"namespace\" not found")
    }

    @Test("add an empty name")
    func addEmptyName() throws {
        var session = try EnrolmentFixture.session(["kind: ConfigMap\n"], newNamespaceSource: nil)
        let error = EnrolmentFixture.thrownError { () throws(EnrolmentError) in
            try NamespaceAdd(meshName: "mesh").run([""], in: &session)
        }
        #expect(error?.message == "Could not add namespace [] to mesh [mesh]: resource name may not be empty")
    }

    @Test("add a namespace of another mesh: relabelled, as OSM does")
    func addOtherMesh() throws {
        var session = try EnrolmentFixture.session([
            EnrolmentFixture.namespace("namespace", labels: [(Self.monitor, "other")])
        ])
        try NamespaceAdd(meshName: "mesh").run(["namespace"], in: &session)
        #expect(session.messages == ["Namespace [namespace] successfully added to mesh [mesh]"])
        #expect(session.namespace("namespace")?.monitoredBy == "mesh")
    }

    @Test("add a namespace no file declares: created in the config file, once")
    func addCreates() throws {
        var session = try EnrolmentFixture.session(["# cluster\n" + EnrolmentFixture.namespace("a")])
        try NamespaceAdd(meshName: "osm").run(["new", "new"], in: &session)
        #expect(
            session.messages == [
                "Namespace [new] is not declared in any file: created it in [file0.yaml]",
                "Namespace [new] successfully added to mesh [osm]",
                "Namespace [new] has already been added to mesh [osm]",
            ])
        #expect(
            try EnrolmentFixture.changedTexts(session)[0] == "# cluster\n" + EnrolmentFixture.namespace("a") + """
                ---
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: new
                  labels:
                    openservicemesh.io/monitored-by: osm
                  annotations:
                    openservicemesh.io/sidecar-injection: enabled

                """)
    }

    @Test("a JSON config file cannot take a new Namespace")
    func addToJSON() throws {
        var session = try EnrolmentFixture.session(["{\"kind\": \"MeshConfig\"}\n"])
        let error = EnrolmentFixture.thrownError { () throws(EnrolmentError) in
            try NamespaceAdd(meshName: "osm").run(["new"], in: &session)
        }
        #expect(
            error?.message
                == "Could not add namespace [new] to mesh [osm]: file0.yaml is a JSON document and holds one object only; declare the namespace in a YAML file"
        )
    }

    // MARK: remove

    @Test("remove from the right mesh")
    func remove() throws {
        var session = try EnrolmentFixture.session([
            EnrolmentFixture.namespace(
                "namespace", labels: [("team", "a"), (Self.monitor, "mesh"), (Self.ignore, "true")],
                annotations: [(Self.injection, "enabled"), (Self.metrics, "enabled")])
        ])
        try NamespaceRemove(meshName: "mesh").run("namespace", in: &session)
        #expect(session.messages == ["Namespace [namespace] successfully removed from mesh [mesh]"])
        #expect(
            try EnrolmentFixture.changedTexts(session)[0]
                == "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: namespace\n  labels:\n    team: \"a\"\n")
    }

    @Test("remove with the wrong mesh")
    func removeWrongMesh() throws {
        var session = try EnrolmentFixture.session([
            EnrolmentFixture.namespace("namespace", labels: [(Self.monitor, "mesh")])
        ])
        let error = EnrolmentFixture.thrownError { () throws(EnrolmentError) in
            try NamespaceRemove(meshName: "incorrectMesh").run("namespace", in: &session)
        }
        #expect(
            error?.message
                == "Namespace belongs to mesh [mesh], not mesh [incorrectMesh]. Please specify the correct mesh")
    }

    @Test("remove a namespace of no mesh")
    func removeUnlabelled() throws {
        var session = try EnrolmentFixture.session([EnrolmentFixture.namespace("namespace")])
        try NamespaceRemove(meshName: "mesh").run("namespace", in: &session)
        #expect(session.messages == ["Namespace [namespace] already does not belong to any mesh"])
    }

    @Test("remove a namespace no file declares")
    func removeNotFound() throws {
        var session = try EnrolmentFixture.session([EnrolmentFixture.namespace("other")])
        let error = EnrolmentFixture.thrownError { () throws(EnrolmentError) in
            try NamespaceRemove(meshName: "mesh").run("namespace", in: &session)
        }
        #expect(error?.message == "Could not get namespace [namespace]: namespaces \"namespace\" not found")
    }

    // MARK: ignore

    @Test("ignore one and many namespaces, names trimmed")
    func ignore() throws {
        var session = try EnrolmentFixture.session([
            EnrolmentFixture.namespace("ns1") + "---\n" + EnrolmentFixture.namespace("ns2", labels: [("a", "b")])
        ])
        try NamespaceIgnore().run([" ns1", "ns2\t"], in: &session)
        #expect(
            session.messages == [
                "Successfully configured namespace [ns1] to be ignored",
                "Successfully configured namespace [ns2] to be ignored",
            ])
        #expect(session.namespace("ns1")?.labels == [Self.ignore: "true"])
        #expect(session.namespace("ns2")?.labels == ["a": "b", Self.ignore: "true"])
    }

    @Test("ignore a namespace no file declares")
    func ignoreNotFound() throws {
        var session = try EnrolmentFixture.session([EnrolmentFixture.namespace("ns1")])
        let error = EnrolmentFixture.thrownError { () throws(EnrolmentError) in
            try NamespaceIgnore().run(["ns1", "nope"], in: &session)
        }
        #expect(error?.message == "Failed to retrieve namespace [nope]: namespaces \"nope\" not found")
    }

    // MARK: list

    @Test("list: none, none in a mesh, rows")
    func list() throws {
        let empty = try EnrolmentFixture.session([EnrolmentFixture.namespace("plain")])
        #expect(NamespaceListing.render(empty.allNamespaces, meshName: "") == "No namespaces in any mesh\n")
        #expect(
            NamespaceListing.render(empty.allNamespaces, meshName: "my-mesh") == "No namespaces in mesh [my-mesh]\n")
        let one = try EnrolmentFixture.session([EnrolmentFixture.namespace("ns", labels: [(Self.monitor, "my-mesh")])])
        #expect(
            NamespaceListing.render(one.allNamespaces, meshName: "")
                == "NAMESPACE   MESH      SIDECAR-INJECTION\nns          my-mesh   -\n")
        let annotated = try EnrolmentFixture.session([
            EnrolmentFixture.namespace(
                "ns", labels: [(Self.monitor, "my-mesh")],
                annotations: [(Self.injection, "enabled")])
        ])
        #expect(
            NamespaceListing.render(annotated.allNamespaces, meshName: "")
                == "NAMESPACE   MESH      SIDECAR-INJECTION\nns          my-mesh   enabled\n")
        let ignored = try EnrolmentFixture.session([
            EnrolmentFixture.namespace("ns", labels: [(Self.monitor, "my-mesh"), (Self.ignore, "any value")])
        ])
        #expect(
            NamespaceListing.render(ignored.allNamespaces, meshName: "")
                == "NAMESPACE   MESH      SIDECAR-INJECTION\nns          my-mesh   disabled (ignored)\n")
    }

    @Test("list: two meshes, with and without a filter")
    func listTwoMeshes() throws {
        let session = try EnrolmentFixture.session([
            EnrolmentFixture.namespace("ns2", labels: [(Self.monitor, "my-mesh2")]) + "---\n"
                + EnrolmentFixture.namespace("ns1", labels: [(Self.monitor, "my-mesh1")])
        ])
        #expect(
            NamespaceListing.render(session.allNamespaces, meshName: "")
                == "NAMESPACE   MESH       SIDECAR-INJECTION\nns1         my-mesh1   -\nns2         my-mesh2   -\n")
        #expect(
            NamespaceListing.render(session.allNamespaces, meshName: "my-mesh2")
                == "NAMESPACE   MESH       SIDECAR-INJECTION\nns2         my-mesh2   -\n")
    }

    // MARK: metrics

    static let injectedPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: pod
          namespace: ns-1
          labels:
            osm-proxy-uuid: 0a2b
        spec:
          containers: []
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: plain
          namespace: ns-1
        spec:
          containers: []

        """

    @Test("metrics enable, then disable")
    func metrics() throws {
        let texts = [
            EnrolmentFixture.namespace("ns-1", labels: [(Self.monitor, "osm")]), Self.injectedPod,
            Self.controller(mesh: "osm"),
        ]
        var session = try EnrolmentFixture.session(texts)
        try MetricsSwitch(enables: true).run(["ns-1"], in: &session)
        #expect(session.messages == ["Metrics successfully enabled in namespace [ns-1]"])
        let enabled = try EnrolmentFixture.changedTexts(session)
        #expect(enabled[0]?.hasSuffix("  annotations:\n    openservicemesh.io/metrics: enabled\n") == true)
        #expect(
            enabled[1]
                == Self.injectedPod.replacingOccurrences(
                    of: "osm-proxy-uuid: 0a2b\n",
                    with: """
                        osm-proxy-uuid: 0a2b
                          annotations:
                            prometheus.io/scrape: "true"
                            prometheus.io/port: "15010"
                            prometheus.io/path: /stats/prometheus

                        """))
        var again = try EnrolmentFixture.session([try #require(enabled[0]), try #require(enabled[1]), texts[2]])
        try MetricsSwitch(enables: false).run(["ns-1"], in: &again)
        #expect(again.messages == ["Metrics successfully disabled in namespace [ns-1]"])
        let disabled = try EnrolmentFixture.changedTexts(again)
        #expect(disabled[0] == texts[0])
        #expect(disabled[1] == texts[1])
    }

    @Test("metrics: a namespace outside any mesh, an empty label, an unknown mesh")
    func metricsChecks() throws {
        var unlabelled = try EnrolmentFixture.session([EnrolmentFixture.namespace("ns")])
        #expect(
            EnrolmentFixture.thrownError { () throws(EnrolmentError) in
                try MetricsSwitch(enables: true).run(["ns"], in: &unlabelled)
            }?.message
                == "Namespace [ns] does not belong to a mesh, missing annotation \"openservicemesh.io/monitored-by\"")
        var empty = try EnrolmentFixture.session([EnrolmentFixture.namespace("ns", labels: [(Self.monitor, "")])])
        #expect(
            EnrolmentFixture.thrownError { () throws(EnrolmentError) in
                try MetricsSwitch(enables: true).run(["ns"], in: &empty)
            }?.message
                == "Label \"openservicemesh.io/monitored-by\" on namespace \"ns\" cannot be empty")
        var unknown = try EnrolmentFixture.session([
            EnrolmentFixture.namespace("ns", labels: [(Self.monitor, "x")]),
            Self.controller(mesh: "osm") + "\n---\n" + Self.controller(mesh: "b", namespace: "b"),
        ])
        #expect(
            EnrolmentFixture.thrownError { () throws(EnrolmentError) in
                try MetricsSwitch(enables: false).run(["ns"], in: &unknown)
            }?.message
                == "Invalid mesh name \"x\" used with label \"openservicemesh.io/monitored-by\" on namespace \"ns\", must be one of [b osm]"
        )
        var missing = try EnrolmentFixture.session([EnrolmentFixture.namespace("ns")])
        #expect(
            EnrolmentFixture.thrownError { () throws(EnrolmentError) in
                try MetricsSwitch(enables: false).run([" nope "], in: &missing)
            }?.message
                == "Failed to retrieve namespace [nope]: namespaces \"nope\" not found")
    }

    @Test("metrics on several namespaces touches only their injected pods")
    func metricsSeveral() throws {
        let namespaces = ["ns-1", "ns-2", "ns-3"].map {
            EnrolmentFixture.namespace($0, labels: [(Self.monitor, "osm")])
        }.joined(separator: "---\n")
        let pods = Self.injectedPod + "---\n" + Self.injectedPod.replacingOccurrences(of: "ns-1", with: "ns-3")
        var session = try EnrolmentFixture.session([namespaces, pods])
        try MetricsSwitch(enables: true).run(["ns-2", "ns-3"], in: &session)
        let text = try #require(try EnrolmentFixture.changedTexts(session)[1])
        #expect(text.components(separatedBy: "prometheus.io/scrape").count == 2)
        #expect(text.hasPrefix(Self.injectedPod))
    }
}
