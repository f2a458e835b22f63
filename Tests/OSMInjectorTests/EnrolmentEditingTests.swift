import LosslessYAML
import Testing

@testable import OSMInjector

/// Byte-preserving edits of the enrolment commands: only the labels and annotations concerned change, in
/// every style a Namespace (or a pod template) may be written in.
@Suite("Enrolment: byte-preserving edits")
struct EnrolmentEditingTests {
    /// Adds `name` to mesh `osm`, then removes it; returns the text after add and after remove.
    static func addThenRemove(_ text: String, name: String = "ns") throws -> (added: String, removed: String) {
        var session = try EnrolmentFixture.session([text])
        try NamespaceAdd().run([name], in: &session)
        let added = try #require(try EnrolmentFixture.changedTexts(session)[0])
        var again = try EnrolmentFixture.session([added])
        try NamespaceRemove().run(name, in: &again)
        return (added, try EnrolmentFixture.changedTexts(again)[0] ?? added)
    }

    @Test("block metadata with comments: keys added at the end of their maps, removal restores the bytes")
    func block() throws {
        let text = """
            # namespaces
            apiVersion: v1
            kind: Namespace
            metadata:
              name: ns   # the name
              labels:
                team: a  # owner
              annotations:
                note: "keep"
            # trailing comment

            """
        let (added, removed) = try Self.addThenRemove(text)
        #expect(
            added == """
                # namespaces
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: ns   # the name
                  labels:
                    team: a  # owner
                    openservicemesh.io/monitored-by: osm
                  annotations:
                    note: "keep"
                    openservicemesh.io/sidecar-injection: enabled
                # trailing comment

                """)
        #expect(removed == text)
    }

    @Test("flow metadata: entries added inside the braces; removing two neighbours works")
    func flow() throws {
        let text = "apiVersion: v1\nkind: Namespace\nmetadata: {name: ns}\n"
        let (added, removed) = try Self.addThenRemove(text)
        #expect(
            added
                == "apiVersion: v1\nkind: Namespace\nmetadata: {name: ns, labels: {openservicemesh.io/monitored-by: osm}, annotations: {openservicemesh.io/sidecar-injection: enabled}}\n"
        )
        #expect(removed == text)
    }

    @Test("flow maps with neighbours lose only the keys removed")
    func flowNeighbours() throws {
        let text = """
            kind: Namespace
            metadata:
              name: ns
              labels: {a: b, openservicemesh.io/monitored-by: osm, openservicemesh.io/ignore: "true"}
              annotations: {openservicemesh.io/metrics: enabled, openservicemesh.io/sidecar-injection: enabled, z: w}

            """
        var session = try EnrolmentFixture.session([text])
        try NamespaceRemove().run("ns", in: &session)
        #expect(
            try EnrolmentFixture.changedTexts(session)[0] == """
                kind: Namespace
                metadata:
                  name: ns
                  labels: {a: b}
                  annotations: {z: w}

                """)
    }

    @Test("missing, null and empty maps are created")
    func emptyMaps() throws {
        for (labels, expected) in [
            ("  labels:\n", "  labels:\n    openservicemesh.io/monitored-by: osm\n"),
            ("  labels: ~\n", "  labels:\n    openservicemesh.io/monitored-by: osm\n"),
            ("  labels: {}\n", "  labels: {openservicemesh.io/monitored-by: osm}\n"),
        ] {
            var session = try EnrolmentFixture.session([
                "kind: Namespace\nmetadata:\n  name: ns\n" + labels + "  annotations: {}\n"
            ])
            try NamespaceAdd().run(["ns"], in: &session)
            #expect(
                try EnrolmentFixture.changedTexts(session)[0] == "kind: Namespace\nmetadata:\n  name: ns\n" + expected
                    + "  annotations: {openservicemesh.io/sidecar-injection: enabled}\n")
        }
    }

    @Test("CRLF files keep CRLF, in edits and in new Namespaces")
    func crlf() throws {
        let text = "kind: Namespace\r\nmetadata:\r\n  name: ns\r\n"
        var session = try EnrolmentFixture.session([text])
        try NamespaceAdd().run(["ns", "new"], in: &session)
        let output = try #require(try EnrolmentFixture.changedTexts(session)[0])
        #expect(
            output == """
                kind: Namespace\r
                metadata:\r
                  name: ns\r
                  labels:\r
                    openservicemesh.io/monitored-by: osm\r
                  annotations:\r
                    openservicemesh.io/sidecar-injection: enabled\r
                ---\r
                apiVersion: v1\r
                kind: Namespace\r
                metadata:\r
                  name: new\r
                  labels:\r
                    openservicemesh.io/monitored-by: osm\r
                  annotations:\r
                    openservicemesh.io/sidecar-injection: enabled\r

                """)
    }

    @Test("a JSON Namespace stays JSON")
    func json() throws {
        let text =
            "{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Namespace\",\n  \"metadata\": {\n    \"name\": \"ns\"\n  }\n}\n"
        let (added, removed) = try Self.addThenRemove(text)
        #expect(added.contains("\"openservicemesh.io/monitored-by\": \"osm\""))
        #expect(removed == text)
    }

    @Test("Namespaces in a List, at their own indentation; several declarations all change")
    func listAndDuplicates() throws {
        let list = """
            apiVersion: v1
            kind: List
            items:
              - apiVersion: v1
                kind: Namespace
                metadata:
                  name: a
              - apiVersion: v1
                kind: Namespace
                metadata:
                  name: b

            """
        var session = try EnrolmentFixture.session([list, EnrolmentFixture.namespace("b")])
        try NamespaceIgnore().run(["b"], in: &session)
        let texts = try EnrolmentFixture.changedTexts(session)
        #expect(texts[0] == list + "      labels:\n        openservicemesh.io/ignore: \"true\"\n")
        #expect(texts[1] == EnrolmentFixture.namespace("b", labels: [(OSMConstants.ignoreLabel, "true")]))
    }

    @Test("quoted keys are recognised and values already right are left alone")
    func quotedKeys() throws {
        let text = """
            kind: Namespace
            metadata:
              name: ns
              labels:
                "openservicemesh.io/monitored-by": 'osm'
              annotations:
                'openservicemesh.io/sidecar-injection': "disabled"

            """
        var session = try EnrolmentFixture.session([text])
        try NamespaceAdd(meshName: "osm", disablesSidecarInjection: true).run(["ns"], in: &session)
        #expect(try session.changedFiles().isEmpty)
        var other = try EnrolmentFixture.session([text])
        try NamespaceAdd(meshName: "other").run(["ns"], in: &other)
        #expect(
            try EnrolmentFixture.changedTexts(other)[0] == """
                kind: Namespace
                metadata:
                  name: ns
                  labels:
                    "openservicemesh.io/monitored-by": 'other'
                  annotations:
                    'openservicemesh.io/sidecar-injection': "enabled"

                """)
    }

    @Test("a duplicated label is removed in all its copies")
    func duplicates() throws {
        let text =
            "kind: Namespace\nmetadata:\n  name: ns\n  labels:\n    openservicemesh.io/monitored-by: osm\n    a: b\n    openservicemesh.io/monitored-by: osm\n"
        var session = try EnrolmentFixture.session([text])
        try NamespaceRemove().run("ns", in: &session)
        #expect(
            try EnrolmentFixture.changedTexts(session)[0]
                == "kind: Namespace\nmetadata:\n  name: ns\n  labels:\n    a: b\n")
    }

    @Test("mesh names that read as other types are quoted")
    func quoting() throws {
        var session = try EnrolmentFixture.session([EnrolmentFixture.namespace("ns")])
        try NamespaceAdd(meshName: "1.0").run(["ns"], in: &session)
        #expect(
            try EnrolmentFixture.changedTexts(session)[0]?.contains("openservicemesh.io/monitored-by: \"1.0\"\n")
                == true)
    }

    @Test("metrics on an injected Deployment template and a CronJob in a List")
    func metricsTemplates() throws {
        let apps = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: apps/v1
              kind: Deployment
              metadata: {name: web, namespace: shop}
              spec:
                template:
                  metadata:
                    labels: {app: web, osm-proxy-uuid: x}
                    annotations: {a: b}
            - apiVersion: batch/v1
              kind: CronJob
              metadata: {name: job}
              spec:
                jobTemplate:
                  spec:
                    template:
                      metadata:
                        labels:
                          osm-proxy-uuid: uuid-2

            """
        var session = try EnrolmentFixture.session(
            [
                EnrolmentFixture.namespace("shop", labels: [(OSMConstants.monitoredByLabel, "osm")]),
                apps,
            ], defaultNamespace: "shop")
        try MetricsSwitch(enables: true).run(["shop"], in: &session)
        let enabled = try #require(try EnrolmentFixture.changedTexts(session)[1])
        #expect(
            enabled
                == apps
                .replacingOccurrences(
                    of: "annotations: {a: b}",
                    with:
                        "annotations: {a: b, prometheus.io/scrape: \"true\", prometheus.io/port: \"15010\", prometheus.io/path: /stats/prometheus}"
                )
                .replacingOccurrences(
                    of: "              osm-proxy-uuid: uuid-2\n",
                    with: """
                                      osm-proxy-uuid: uuid-2
                                    annotations:
                                      prometheus.io/scrape: "true"
                                      prometheus.io/port: "15010"
                                      prometheus.io/path: /stats/prometheus

                        """))
        var again = try EnrolmentFixture.session(
            [EnrolmentFixture.namespace("shop", labels: [(OSMConstants.monitoredByLabel, "osm")]), enabled],
            defaultNamespace: "shop")
        try MetricsSwitch(enables: false).run(["shop"], in: &again)
        #expect(try EnrolmentFixture.changedTexts(again)[1] == apps)
    }

    @Test("a Namespace whose labels are not strings is an error at its place")
    func invalidLabels() throws {
        let error = #expect(throws: EnrolmentError.self) {
            try EnrolmentFixture.session([
                "kind: Namespace\nmetadata:\n  name: ns\n  labels:\n    openservicemesh.io/ignore: true\n"
            ])
        }
        #expect(error?.location?.mark.line == 5)
        #expect(error?.message.hasPrefix("metadata.labels[openservicemesh.io/ignore] must be a string") == true)
    }
}
