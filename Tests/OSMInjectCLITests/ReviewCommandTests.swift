import Foundation
import Testing

/// `osm-inject review`: the webhook's AdmissionReview answers, computed by the manifest engine.
@Suite struct ReviewCommandTests {
    static let cluster = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: bookstore
          labels: {openservicemesh.io/monitored-by: osm}
          annotations: {openservicemesh.io/sidecar-injection: enabled}
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: metrics
          labels: {openservicemesh.io/monitored-by: osm}
          annotations: {openservicemesh.io/sidecar-injection: enabled, openservicemesh.io/metrics: enabled}
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: default
          labels: {openservicemesh.io/monitored-by: osm}
        """

    /// The API-server-shaped pod of the reference's worked example (§13).
    static let bookstorePod = """
        {"kind":"Pod","apiVersion":"v1",
         "metadata":{"name":"bookstore-v1-abc","namespace":"bookstore","creationTimestamp":null,"labels":{"app":"bookstore"}},
         "spec":{"volumes":[{"name":"kube-api-access-x7k2p","projected":{"sources":[{"serviceAccountToken":{"expirationSeconds":3607,"path":"token"}}],"defaultMode":420}}],
          "containers":[{"name":"bookstore","image":"openservicemesh/bookstore:v1",
            "ports":[{"name":"web","containerPort":14001,"protocol":"TCP"}],"resources":{},
            "volumeMounts":[{"name":"kube-api-access-x7k2p","readOnly":true,"mountPath":"/var/run/secrets/kubernetes.io/serviceaccount"}],
            "livenessProbe":{"httpGet":{"path":"/liveness","port":"web","scheme":"HTTP"},"timeoutSeconds":1,"periodSeconds":10,"successThreshold":1,"failureThreshold":3},
            "readinessProbe":{"tcpSocket":{"port":14001},"timeoutSeconds":1,"periodSeconds":10,"successThreshold":1,"failureThreshold":3},
            "terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","imagePullPolicy":"IfNotPresent"}],
          "restartPolicy":"Always","terminationGracePeriodSeconds":30,"dnsPolicy":"ClusterFirst","serviceAccountName":"bookstore","serviceAccount":"bookstore",
          "securityContext":{},"schedulerName":"default-scheduler","priority":0,"enableServiceLinks":true,"preemptionPolicy":"PreemptLowerPriority"},
         "status":{}}
        """

    /// Runs `review` with the declared state above on `body`.
    private func review(_ body: [UInt8]) throws -> RunResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "osm-inject-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.cluster.utf8).write(to: folder.appendingPathComponent("cluster.yaml"))
        return try runTool(["review", "-c", "cluster.yaml"], in: folder, stdin: body)
    }

    /// The pod the manifest path writes for the same pod (JSON in, JSON out, no Secret).
    private func manifestPath(_ pod: String) throws -> ReviewValue {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "osm-inject-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.cluster.utf8).write(to: folder.appendingPathComponent("cluster.yaml"))
        try Data(pod.utf8).write(to: folder.appendingPathComponent("pod.json"))
        let result = try runTool(["-f", "pod.json", "-c", "cluster.yaml", "--no-bootstrap-secrets"], in: folder)
        try #require(result.status == 0, "\(result.stderr)")
        return try ReviewValue(json: result.stdoutText)
    }

    @Test(arguments: [
        ("bookstore", bookstorePod),
        (
            "metrics",
            #"{"kind":"Pod","apiVersion":"v1","metadata":{"name":"m","namespace":"metrics"},"spec":{"containers":[{"name":"app","image":"app","startupProbe":{"httpGet":{"path":"/up","port":8080,"scheme":"HTTPS"}}}]}}"#
        ),
    ])
    func patchAppliedToTheRequestPodGivesTheManifestPathsPod(_ testCase: (String, String)) throws {
        let (namespace, pod) = testCase
        let result = try review(admissionReview(namespace: namespace, pod: pod))
        try #require(result.status == 0, "\(result.stderr)")
        let response = try ReviewValue(json: result.stdoutText)
        #expect(response["response"]?["allowed"] == .bool(true))
        #expect(response["response"]?["patchType"] == .string("JSONPatch"))
        let patched = try ReviewValue(json: pod).applying(try reviewPatch(response))
        #expect(patched == (try manifestPath(pod)))
    }

    @Test func operationsAreThoseOfTheWorkedExampleInSortedKeyOrder() throws {
        let result = try review(admissionReview(namespace: "bookstore", pod: Self.bookstorePod))
        let patch = try reviewPatch(try ReviewValue(json: result.stdoutText))
        guard case .array(let ops) = patch else {
            Issue.record("no operations")
            return
        }
        #expect(
            ops.map { "\($0["op"]?.string ?? "") \($0["path"]?.string ?? "")" } == [
                "add /metadata/labels/osm-proxy-uuid",
                "add /spec/containers/1",
                "add /spec/containers/2",
                "replace /spec/containers/0/livenessProbe/httpGet/path",
                "replace /spec/containers/0/livenessProbe/httpGet/port",
                "add /spec/containers/0/readinessProbe/httpGet",
                "remove /spec/containers/0/readinessProbe/tcpSocket",
                "add /spec/initContainers",
                "add /spec/volumes/1",
            ])
        #expect(ops[3]["value"] == .string("/osm-liveness-probe"))
        #expect(ops[4]["value"] == .number(15901))
        let encoded = try #require(try ReviewValue(json: result.stdoutText)["response"]?["patch"]?.string)
        let text = String(decoding: try #require(Data(base64Encoded: encoded)), as: UTF8.self)
        #expect(text.contains(#"iptables-restore --noflush \u003c\u003cEOF\n# OSM sidecar interception rules"#))
        #expect(text.contains(#"{"op":"remove","path":"/spec/containers/0/readinessProbe/tcpSocket"}"#))
        #expect(result.stderr.contains("pod \"bookstore-v1-abc\" injected"))
    }

    @Test func metricsNamespaceAddsTheAnnotationsMapAndTheLabelsMap() throws {
        let pod =
            #"{"kind":"Pod","apiVersion":"v1","metadata":{"name":"m","namespace":"metrics"},"spec":{"containers":[{"name":"app","image":"app"}]}}"#
        let result = try review(admissionReview(namespace: "metrics", pod: pod))
        let encoded = try #require(ReviewValue(json: result.stdoutText)["response"]?["patch"]?.string)
        let text = String(decoding: try #require(Data(base64Encoded: encoded)), as: UTF8.self)
        #expect(
            text.contains(
                #"{"op":"add","path":"/metadata/annotations","value":{"prometheus.io/path":"/stats/prometheus","prometheus.io/port":"15010","prometheus.io/scrape":"true"}}"#
            ))
        #expect(text.contains(#"{"op":"add","path":"/metadata/labels","value":{"osm-proxy-uuid":""#))
    }

    @Test func podNotInjectedIsAllowedWithoutPatch() throws {
        let pod =
            #"{"kind":"Pod","apiVersion":"v1","metadata":{"name":"p","namespace":"elsewhere"},"spec":{"containers":[{"name":"a","image":"a"}]}}"#
        let result = try review(admissionReview(uid: "u-1", namespace: "elsewhere", pod: pod))
        #expect(result.status == 0)
        #expect(
            result.stdoutText
                == #"{"kind":"AdmissionReview","apiVersion":"admission.k8s.io/v1","response":{"uid":"u-1","allowed":true}}"#
                + "\n")
        #expect(result.stderr.contains("skipped"))
    }

    /// T-HTTP-1/2: a pods/exec CONNECT review in a monitored namespace without annotations.
    @Test func podExecConnectIsAllowed() throws {
        let body = """
            {"kind":"AdmissionReview","apiVersion":"admission.k8s.io/v1","request":{"uid":"11111111-2222-3333-4444-555555555555",
            "kind":{"group":"","version":"v1","kind":"PodExecOptions"},"resource":{"group":"","version":"v1","resource":"pods"},
            "subResource":"exec","requestKind":{"group":"","version":"v1","kind":"PodExecOptions"},
            "requestResource":{"group":"","version":"v1","resource":"pods"},"requestSubResource":"exec",
            "name":"some-pod-1111111111-22222","namespace":"default","operation":"CONNECT","userInfo":{"username":"user","groups":[]},
            "object":{"kind":"PodExecOptions","apiVersion":"v1","stdin":true,"stdout":true,"tty":true,"container":"some-pod","command":["bin/bash"]},
            "oldObject":null,"dryRun":false,"options":null}}
            """
        let result = try review(Array(body.utf8))
        #expect(
            result.stdoutText
                == #"{"kind":"AdmissionReview","apiVersion":"admission.k8s.io/v1","response":{"uid":"11111111-2222-3333-4444-555555555555","allowed":true}}"#
                + "\n")
    }

    /// The operations of a review's patch, as `op path`.
    private func operations(_ result: RunResult) throws -> [ReviewValue] {
        guard case .array(let ops) = try reviewPatch(try ReviewValue(json: result.stdoutText)) else { return [] }
        return ops
    }

    /// v1.2.4 TestWebhookMutate "will inject": a pod without `spec` decodes into an empty pod spec and is
    /// patched (a monitored namespace without annotation, the pod annotated `true`).
    @Test func podWithoutSpecIsInjected() throws {
        let pod =
            #"{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{"openservicemesh.io/sidecar-injection":"true"}}}"#
        let result = try review(admissionReview(namespace: "default", pod: pod))
        #expect(result.status == 0, "\(result.stderr)")
        let ops = try operations(result)
        #expect(
            ops.map { "\($0["op"]?.string ?? "") \($0["path"]?.string ?? "")" } == [
                "add /metadata/labels", "add /spec",
            ])
        let spec = ops.last?["value"]
        #expect(spec?["containers"].map { "\($0)" }?.contains(#""name":"envoy""#) == true)
        #expect(spec?["initContainers"].map { "\($0)" }?.contains(#""name":"osm-init""#) == true)
        #expect(spec?["volumes"].map { "\($0)" }?.contains(#""name":"envoy-bootstrap-config-volume""#) == true)
        let patched = try ReviewValue(json: pod).applying(try reviewPatch(try ReviewValue(json: result.stdoutText)))
        #expect(patched["kind"] == .string("Pod"))
    }

    /// v1.2.4 TestCreatePatch: a pod marshalled from Go without `kind` and `apiVersion` is a pod all the same;
    /// the patch leaves the missing kind missing.
    @Test func podWithoutKindIsInjected() throws {
        let pod =
            #"{"metadata":{"name":"p","namespace":"bookstore","creationTimestamp":null},"spec":{"containers":[{"name":"a","image":"a","resources":{}}]},"status":{}}"#
        let result = try review(admissionReview(namespace: "bookstore", pod: pod))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            try operations(result).map { "\($0["op"]?.string ?? "") \($0["path"]?.string ?? "")" } == [
                "add /metadata/labels", "add /spec/containers/1", "add /spec/initContainers", "add /spec/volumes",
            ])
        #expect(result.stderr.contains("pod \"p\" injected"))
    }

    /// An object of another kind is decoded into a Pod too (the webhook never checks `kind`), and keeps its kind.
    @Test func objectOfAnotherKindIsInjectedAsAPod() throws {
        let pod =
            #"{"kind":"Podd","apiVersion":"v1","metadata":{"name":"p","namespace":"bookstore"},"spec":{"containers":[{"name":"a","image":"a"}]}}"#
        let result = try review(admissionReview(namespace: "bookstore", pod: pod))
        let ops = try operations(result)
        #expect(ops.contains { $0["path"] == .string("/spec/containers/1") })
        #expect(!ops.contains { $0["path"] == .string("/kind") })
    }

    /// T-HTTP-3: a body that does not decode; the response has no kind, apiVersion or uid.
    @Test func undecodableBodyIsAnErrorResponse() throws {
        let result = try review(Array("}".utf8))
        #expect(result.status == 0)
        #expect(
            result.stdoutText
                == #"{"response":{"uid":"","allowed":false,"status":{"metadata":{},"message":"yaml: did not find expected node content"}}}"#
                + "\n")
    }

    /// T-HTTP-4: no request.
    @Test func missingRequestIsNilAdmissionRequest() throws {
        let result = try review(Array(#"{"kind":"AdmissionReview","apiVersion":"admission.k8s.io/v1"}"#.utf8))
        #expect(
            result.stdoutText
                == #"{"kind":"AdmissionReview","apiVersion":"admission.k8s.io/v1","response":{"uid":"","allowed":false,"status":{"metadata":{},"message":"nil admission request"}}}"#
                + "\n")
    }

    @Test func missingObjectIsAGoDecodeError() throws {
        let body =
            #"{"kind":"AdmissionReview","apiVersion":"admission.k8s.io/v1","request":{"uid":"x","namespace":"bookstore"}}"#
        let result = try review(Array(body.utf8))
        #expect(
            result.stdoutText.contains(
                #""allowed":false,"status":{"metadata":{},"message":"unexpected end of JSON input"}"#))
    }

    @Test func invalidAnnotationsRejectWithOSMsMessage() throws {
        let pod =
            #"{"kind":"Pod","apiVersion":"v1","metadata":{"name":"p","namespace":"bookstore","annotations":{"openservicemesh.io/sidecar-injection":"bogus"}},"spec":{"containers":[{"name":"a","image":"a"}]}}"#
        let result = try review(admissionReview(uid: "u-2", namespace: "bookstore", pod: pod))
        #expect(result.status == 0)
        #expect(
            result.stdoutText
                == #"{"kind":"AdmissionReview","apiVersion":"admission.k8s.io/v1","response":{"uid":"","allowed":false,"status":{"metadata":{},"message":"Invalid annotation value for key \"openservicemesh.io/sidecar-injection\": bogus"}}}"#
                + "\n")
    }

    @Test func emptyBodyIsNoResponse() throws {
        let result = try review([])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("empty request admission request body"))
    }

    @Test func podNamespaceOtherThanTheRequestsIsAnInputError() throws {
        let pod =
            #"{"kind":"Pod","apiVersion":"v1","metadata":{"name":"p","namespace":"metrics"},"spec":{"containers":[{"name":"a","image":"a"}]}}"#
        let result = try review(admissionReview(namespace: "bookstore", pod: pod))
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
    }
}
