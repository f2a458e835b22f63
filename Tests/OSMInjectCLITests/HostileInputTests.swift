import Foundation
import Testing

/// Hostile and broken input through the built binary: each gives the correct result, or a clear error naming
/// file, line and column with nothing on stdout and exit status 1, in bounded time.
@Suite struct HostileInputTests {
    // MARK: Broken YAML

    /// Invalid YAML in the first, a middle and the last document of a stream: the error names the line.
    @Test(arguments: [
        ("a: [1\nkind: x\n---\nkind: ConfigMap\n", 2),
        ("kind: ConfigMap\n---\nkind: Secret\n---\na: b: c\n---\nkind: ConfigMap\n", 5),
        ("kind: ConfigMap\n---\nkind: Secret\n---\na: \"unterminated\n", 6),
    ])
    func invalidYAMLAnywhereInTheStream(_ text: String, line: Int) throws {
        let scratch = try HostileScratch()
        try scratch.write("in.yaml", text)
        let (result, elapsed) = try timedRun(["-f", "in.yaml"], in: scratch.url)
        expectCleanError(result, file: "in.yaml", line: line)
        #expect(result.stderr.contains("^"), "no caret: \(result.stderr)")
        #expect(elapsed < .seconds(10))
    }

    /// Random bytes are refused with a position, never a crash.
    @Test func binaryGarbage() throws {
        let scratch = try HostileScratch()
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var bytes: [UInt8] = []
        for _ in 0..<4096 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes.append(UInt8(truncatingIfNeeded: state >> 56))
        }
        try scratch.write("garbage.bin", bytes)
        let (result, elapsed) = try timedRun(["-f", "garbage.bin"], in: scratch.url)
        expectCleanError(result, file: "garbage.bin")
        #expect(elapsed < .seconds(10))
    }

    /// UTF-16 (with either byte-order mark, or none) and UTF-32 are refused with a message saying so.
    @Test func utf16AndUTF32AreRefused() throws {
        let scratch = try HostileScratch()
        let text = "kind: ConfigMap\nmetadata:\n  name: x\n"
        let le = text.utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }
        let be = text.utf16.flatMap { [UInt8(truncatingIfNeeded: $0 >> 8), UInt8(truncatingIfNeeded: $0)] }
        let cases: [(String, [UInt8])] = [
            ("le-bom.yaml", [0xFF, 0xFE] + le), ("be-bom.yaml", [0xFE, 0xFF] + be),
            ("le.yaml", le), ("be.yaml", be), ("utf32.yaml", [0xFF, 0xFE, 0, 0] + le.flatMap { [$0, 0] }),
        ]
        for (name, bytes) in cases {
            try scratch.write(name, bytes)
            let result = try runTool(["-f", name], in: scratch.url)
            expectCleanError(result, file: name, line: 1, mentions: ["UTF-8"])
        }
    }

    /// A byte-order mark before a one-line document: the document is injected and the mark kept.
    @Test func byteOrderMarkBeforeJSONIsKept() throws {
        let scratch = try HostileScratch()
        try scratch.write("ns.yaml", meshNamespace)
        let json =
            #"{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "shop"}, "spec": {"containers": [{"name": "a", "image": "b"}]}}"#
        try scratch.write("pod.json", [0xEF, 0xBB, 0xBF] + Array((json + "\n").utf8))
        let result = try runTool(["-f", "pod.json", "-c", "ns.yaml", "--no-bootstrap-secrets"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.starts(with: [0xEF, 0xBB, 0xBF, UInt8(ascii: "{")]))
        #expect(result.stdoutText.contains("\"envoy\""))
    }

    /// A byte-order mark before an ordinary block manifest (as editors on Windows write them).
    @Test
    func byteOrderMarkBeforeBlockManifest() throws {
        let scratch = try HostileScratch()
        try scratch.write("ns.yaml", meshNamespace)
        let pod = hostilePod(spec: "  containers:\n  - name: a\n    image: b")
        try scratch.write("pod.yaml", [0xEF, 0xBB, 0xBF] + Array(pod.utf8))
        let result = try runTool(["-f", "pod.yaml", "-c", "ns.yaml", "--no-bootstrap-secrets"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.starts(with: [0xEF, 0xBB, 0xBF] + Array("apiVersion: v1\n".utf8)))
    }

    /// NUL bytes: at the start they mean UTF-16; elsewhere they are refused, never passed through.
    @Test func nulBytesAreRefused() throws {
        let scratch = try HostileScratch()
        try scratch.write("start.yaml", [0, 0] + Array("kind: ConfigMap\n".utf8))
        expectCleanError(try runTool(["-f", "start.yaml"], in: scratch.url), file: "start.yaml", line: 1)
        try scratch.write("middle.yaml", Array("kind: ConfigMap\ndata:\n  a: \"x".utf8) + [0] + Array("y\"\n".utf8))
        expectCleanError(try runTool(["-f", "middle.yaml"], in: scratch.url), file: "middle.yaml")
        try scratch.write("end.yaml", Array("kind: ConfigMap\n".utf8) + [0])
        expectCleanError(try runTool(["-f", "end.yaml"], in: scratch.url), file: "end.yaml")
    }

    /// The error for a NUL (or another character libyaml's reader refuses) names the line it is on.
    @Test
    func nulByteErrorNamesItsLine() throws {
        let scratch = try HostileScratch()
        try scratch.write("middle.yaml", Array("kind: ConfigMap\ndata:\n  a: \"x".utf8) + [0] + Array("y\"\n".utf8))
        expectCleanError(try runTool(["-f", "middle.yaml"], in: scratch.url), file: "middle.yaml", line: 3)
        try scratch.write(
            "utf8.yaml", Array("kind: ConfigMap\ndata:\n  a: \"x".utf8) + [0xC3, 0x28] + Array("\"\n".utf8))
        expectCleanError(try runTool(["-f", "utf8.yaml"], in: scratch.url), file: "utf8.yaml", line: 3)
    }

    /// A tab where indentation belongs is a YAML error at that line.
    @Test func tabsInIndentation() throws {
        let scratch = try HostileScratch()
        try scratch.write("tabs.yaml", "kind: ConfigMap\ndata:\n\ta: b\n")
        expectCleanError(try runTool(["-f", "tabs.yaml"], in: scratch.url), file: "tabs.yaml", line: 3)
        // Tabs after the indentation (before a value, in a comment) are fine and kept.
        let fine = "kind: ConfigMap\ndata:\n  a:\tb\t# tab\n"
        try scratch.write("fine.yaml", fine)
        let result = try runTool(["-f", "fine.yaml"], in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdoutText == fine)
    }

    // MARK: Size and depth

    /// A 1,000-level nested document (block and flow) is refused cleanly; 999 levels are fine.
    @Test func thousandLevelNesting() throws {
        let scratch = try HostileScratch()
        let flow =
            "kind: ConfigMap\ndata: " + String(repeating: "[", count: 1_000) + String(repeating: "]", count: 1_000)
            + "\n"
        try scratch.write("flow.yaml", flow)
        let (result, elapsed) = try timedRun(["-f", "flow.yaml"], in: scratch.url)
        expectCleanError(result, file: "flow.yaml", line: 2, mentions: ["nesting is deeper than the limit"])
        #expect(elapsed < .seconds(10))

        var block = "kind: ConfigMap\ndata:\n"
        for level in 0..<1_000 { block += String(repeating: "  ", count: level + 1) + "k\(level):\n" }
        try scratch.write("block.yaml", block)
        expectCleanError(
            try runTool(["-f", "block.yaml"], in: scratch.url), file: "block.yaml",
            mentions: ["nesting is deeper than the limit"])

        let shallower =
            "kind: ConfigMap\ndata: " + String(repeating: "[", count: 998) + String(repeating: "]", count: 998) + "\n"
        try scratch.write("ok.yaml", shallower)
        let ok = try runTool(["-f", "ok.yaml"], in: scratch.url)
        #expect(ok.status == 0, "\(ok.stderr.prefix(300))")
        #expect(ok.stdoutText == shallower)
    }

    /// The nine-level alias bomb: passed through untouched where nothing reads it, refused where a value
    /// must be expanded, never expanded in memory.
    @Test func billionLaughs() throws {
        let scratch = try HostileScratch()
        try scratch.write("ns.yaml", meshNamespace)
        var bomb = "x-bomb:\n  a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            bomb += "  \(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
            previous = name
        }
        // In a ConfigMap: nothing reads it, so it passes through byte for byte.
        let configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\n" + bomb + "data:\n  all: *i\n"
        try scratch.write("cm.yaml", configMap)
        let (passed, elapsed) = try timedRun(["-f", "cm.yaml"], in: scratch.url)
        #expect(passed.status == 0)
        #expect(passed.stdoutText == configMap)
        #expect(elapsed < .seconds(10))

        // As the containers of a pod: refused with a position.
        let pod =
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: shop}\n" + bomb + "spec:\n  containers: *i\n"
        try scratch.write("pod.yaml", pod)
        let (refused, podTime) = try timedRun(["-f", "pod.yaml", "-c", "ns.yaml"], in: scratch.url)
        expectCleanError(refused, file: "pod.yaml", mentions: ["must be a mapping"])
        #expect(podTime < .seconds(10))

        // In MeshConfig resources, which are read as values: the expansion limit stops it.
        let meshConfig =
            "apiVersion: config.openservicemesh.io/v1alpha2\nkind: MeshConfig\nmetadata:\n  name: osm-mesh-config\n"
            + bomb + "spec:\n  sidecar:\n    resources:\n      limits: *i\n"
        try scratch.write("mc.yaml", meshConfig)
        try scratch.write("plain.yaml", hostilePod(spec: "  containers: [{name: a, image: b}]"))
        let (limited, limitTime) = try timedRun(
            ["-f", "plain.yaml", "-c", "ns.yaml", "-c", "mc.yaml"], in: scratch.url)
        expectCleanError(limited, file: "mc.yaml", mentions: ["alias bomb"])
        #expect(limitTime < .seconds(10))
    }

    /// A 64 MB scalar in a workload: injected, the scalar kept byte for byte, in bounded time.
    @Test func sixtyFourMegabyteScalar() throws {
        let scratch = try HostileScratch()
        try scratch.write("ns.yaml", meshNamespace)
        let head = Array(
            hostilePod(spec: "  containers:\n  - name: a\n    image: b\n    args:\n    - \"").utf8.dropLast())
        var bytes = head
        bytes.reserveCapacity(head.count + (64 << 20) + 4)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "x"), count: 64 << 20))
        bytes.append(contentsOf: Array("\"\n".utf8))
        try scratch.write("big.yaml", bytes)
        let (result, elapsed) = try timedRun(["-f", "big.yaml", "-c", "ns.yaml", "-q"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr.prefix(300))")
        #expect(result.stdout.count > 64 << 20)
        #expect(result.stdout.starts(with: head.prefix(40)))
        #expect(result.stdoutText.contains("- name: envoy"))
        #expect(elapsed < .seconds(90))
    }

    // MARK: Odd but valid YAML

    /// Duplicate keys: `kubectl apply`'s strict validation refuses them, and a lenient reading would take the
    /// last one without a word; in a workload read for injection they are an error at the first repetition,
    /// with nothing on stdout, in a streaming run and in `--check` alike.
    @Test func duplicateKeys() throws {
        let scratch = try HostileScratch()
        try scratch.write("ns.yaml", meshNamespace)
        let pod = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: p
              namespace: elsewhere
              namespace: shop
              annotations:
                openservicemesh.io/sidecar-injection: disabled
                openservicemesh.io/sidecar-injection: enabled
            spec:
              containers:
              - name: ignored
                image: x
              containers:
              - name: a
                image: b

            """
        try scratch.write("dup.yaml", pod)
        for extra in [[], ["--check"]] {
            let result = try runTool(
                ["-f", "dup.yaml", "-c", "ns.yaml", "--no-bootstrap-secrets"] + extra, in: scratch.url)
            #expect(result.status == 1)
            #expect(result.stdout.isEmpty)
            #expect(
                result.stderr.hasPrefix("dup.yaml:6:3: error: duplicate key \"namespace\" (first at line 5)\n"),
                "\(result.stderr)")
        }
    }

    // MARK: Wrong shapes

    /// `containers:` as a string or a map is an error at its value; null is an empty list, as the webhook
    /// sees it (the envoy becomes the only container).
    @Test func containersOfTheWrongShape() throws {
        let scratch = try HostileScratch()
        try scratch.write("ns.yaml", meshNamespace)
        for (name, value) in [("string.yaml", "nginx"), ("map.yaml", "{name: a, image: b}")] {
            try scratch.write(name, hostilePod(spec: "  containers: \(value)"))
            expectCleanError(
                try runTool(["-f", name, "-c", "ns.yaml"], in: scratch.url), file: name, line: 7,
                mentions: ["spec.containers must be a list"])
        }
        for (name, value) in [("null.yaml", " null"), ("empty.yaml", "")] {
            try scratch.write(name, hostilePod(spec: "  containers:\(value)"))
            let result = try runTool(["-f", name, "-c", "ns.yaml", "--no-bootstrap-secrets"], in: scratch.url)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdoutText.contains("  containers:\n  - name: envoy\n"), "\(result.stdoutText.prefix(400))")
        }
    }

    /// A container without a name is injected (the API server's validation comes after the webhook).
    @Test func containerWithoutName() throws {
        let scratch = try HostileScratch()
        try scratch.write("ns.yaml", meshNamespace)
        try scratch.write("pod.yaml", hostilePod(spec: "  containers:\n  - image: nginx"))
        let result = try runTool(["-f", "pod.yaml", "-c", "ns.yaml"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText.contains("  - image: nginx\n  - name: envoy\n"))
    }

    /// A probe on a named port no container declares: resolved to 0 as the webhook does; the probe is rewritten.
    @Test func probePortNameNoContainerDeclares() throws {
        let scratch = try HostileScratch()
        try scratch.write("ns.yaml", meshNamespace)
        try scratch.write(
            "pod.yaml",
            hostilePod(
                spec: """
                      containers:
                      - name: a
                        image: b
                        ports: [{name: web, containerPort: 8080}]
                        livenessProbe:
                          httpGet: {path: /h, port: nosuch}
                        readinessProbe:
                          tcpSocket: {port: nosuch}
                    """))
        let result = try runTool(["-f", "pod.yaml", "-c", "ns.yaml"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText.contains("httpGet: {path: /osm-liveness-probe, port: 15901}"))
        #expect(result.stdoutText.contains("Original-Tcp-Port"))
    }

    /// Negative and out-of-range ports that still fit Kubernetes' int32 are the webhook's to accept (the
    /// API server refuses them later): injected. Numbers beyond 64 bits are refused at their position.
    @Test func negativeAndLargePorts() throws {
        let scratch = try HostileScratch()
        try scratch.write("ns.yaml", meshNamespace)
        for port in ["-1", "0", "65536", "2147483647"] {
            try scratch.write(
                "pod.yaml",
                hostilePod(
                    spec: """
                          containers:
                          - name: a
                            image: b
                            ports: [{containerPort: \(port)}]
                            livenessProbe:
                              httpGet: {path: /h, port: \(port)}
                        """))
            let result = try runTool(["-f", "pod.yaml", "-c", "ns.yaml"], in: scratch.url)
            #expect(result.status == 0, "port \(port): \(result.stderr)")
        }
        try scratch.write(
            "huge.yaml",
            hostilePod(
                spec: "  containers:\n  - name: a\n    image: b\n    ports: [{containerPort: 99999999999999999999}]"))
        expectCleanError(
            try runTool(["-f", "huge.yaml", "-c", "ns.yaml"], in: scratch.url), file: "huge.yaml", line: 10,
            mentions: ["containerPort must be an integer"])
    }

    /// A port beyond int32 cannot be decoded by Kubernetes (the API server refuses the pod before any
    /// webhook); it must be an error, not be truncated into another port.
    @Test
    func portBeyondInt32IsAnError() throws {
        let scratch = try HostileScratch()
        try scratch.write("ns.yaml", meshNamespace)
        try scratch.write(
            "pod.yaml",
            hostilePod(
                spec: """
                      containers:
                      - name: a
                        image: b
                        livenessProbe:
                          httpGet: {path: /h, port: 4294967377}
                    """))
        expectCleanError(
            try runTool(["-f", "pod.yaml", "-c", "ns.yaml"], in: scratch.url), file: "pod.yaml", line: 11,
            mentions: ["port"])
    }

    /// Numbers where strings belong and strings where numbers belong: errors naming the field.
    @Test(arguments: [
        ("metadata:\n  name: 123\n", "  containers: [{name: a, image: b}]", 4, "metadata.name must be a string"),
        ("", "  containers: [{name: 7, image: b}]", 7, "spec.containers[0].name must be a string"),
        (
            "", "  containers: [{name: a, image: b, ports: [{containerPort: http}]}]", 7,
            "containerPort must be an integer"
        ),
        (
            "", "  containers: [{name: a, image: b, livenessProbe: {httpGet: {port: 80}, timeoutSeconds: ten}}]", 7,
            "timeoutSeconds must be an integer"
        ),
        ("", "  hostNetwork: yes please\n  containers: [{name: a, image: b}]", 7, "hostNetwork"),
    ])
    func wrongScalarTypes(_ metadata: String, _ spec: String, line: Int, message: String) throws {
        let scratch = try HostileScratch()
        try scratch.write("ns.yaml", meshNamespace)
        let text =
            metadata.isEmpty
            ? hostilePod(spec: spec)
            : "apiVersion: v1\nkind: Pod\n\(metadata.replacingOccurrences(of: "metadata:\n", with: "metadata:\n  namespace: shop\n"))spec:\n\(spec)\n"
        try scratch.write("pod.yaml", text)
        expectCleanError(
            try runTool(["-f", "pod.yaml", "-c", "ns.yaml"], in: scratch.url), file: "pod.yaml",
            line: line + (metadata.isEmpty ? 0 : 1), mentions: [message])
    }

    /// Annotations that are not strings (booleans, numbers, maps, a list, a number as key) are errors
    /// naming the annotation; a null value counts as empty.
    @Test(arguments: [
        ("  annotations:\n    openservicemesh.io/sidecar-injection: true\n", "must be a string, not true"),
        ("  annotations:\n    openservicemesh.io/outbound-port-exclusion-list: 8080\n", "must be a string, not 8080"),
        ("  annotations:\n    foo: {a: b}\n", "metadata.annotations[foo] must be a string"),
        ("  annotations: [a, b]\n", "metadata.annotations must be a mapping"),
        ("  annotations:\n    7: x\n", "must be a string, not 7"),
    ])
    func annotationsThatAreNotStrings(_ metadata: String, message: String) throws {
        let scratch = try HostileScratch()
        try scratch.write("ns.yaml", meshNamespace)
        try scratch.write("pod.yaml", hostilePod(spec: "  containers: [{name: a, image: b}]", metadata: metadata))
        expectCleanError(
            try runTool(["-f", "pod.yaml", "-c", "ns.yaml"], in: scratch.url), file: "pod.yaml", mentions: [message])
    }

    /// A null annotation value is an empty string, as Kubernetes reads it: injected, the null kept.
    @Test func nullAnnotationValueCountsAsEmpty() throws {
        let scratch = try HostileScratch()
        try scratch.write("ns.yaml", meshNamespace)
        try scratch.write(
            "pod.yaml",
            hostilePod(spec: "  containers: [{name: a, image: b}]", metadata: "  annotations:\n    foo: null\n"))
        let result = try runTool(["-f", "pod.yaml", "-c", "ns.yaml"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText.contains("    foo: null\n"))
    }

    // MARK: Empty input

    /// An empty stream, a stream of only comments and one of only separators come out as they went in.
    @Test(arguments: ["", "# only\n# comments\n\n", "---\n---\n...\n", "\n\n\n", "# no final newline"])
    func emptyStreams(_ text: String) throws {
        let scratch = try HostileScratch()
        try scratch.write("empty.yaml", text)
        let result = try runTool(["-f", "empty.yaml"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText == text)
        let piped = try runTool([], stdin: Array(text.utf8))
        #expect(piped.status == 0)
        #expect(piped.stdoutText == text)
    }

    // MARK: kubectl output

    /// `kubectl get -o yaml` output (status, managedFields, resourceVersion, uid, the last-applied annotation),
    /// alone and as a `kind: List`: injected, every server field kept byte for byte, and uninject gives it back.
    @Test(arguments: [false, true])
    func kubectlGetOutput(asList: Bool) throws {
        let scratch = try HostileScratch()
        try scratch.write("ns.yaml", meshNamespace)
        var object = kubectlDeployment
        if asList {
            let indented = object.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
            object =
                "apiVersion: v1\nitems:\n-" + indented.dropFirst(1) + "kind: List\nmetadata:\n  resourceVersion: \"\"\n"
        }
        try scratch.write("get.yaml", object)
        let result = try runTool(["-f", "get.yaml", "-c", "ns.yaml"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("deployment \"web\" injected"))
        let out = result.stdoutText
        for kept in [
            "  resourceVersion: \"4711\"", "  managedFields:", "    manager: kubectl-client-side-apply",
            "  uid: 0b8f3c2e-6f7a-4b7e-9c55-1b1a2f3e4d5c", "status:",
            "  - lastTransitionTime: \"2024-05-01T10:00:00Z\"",
            "kubectl.kubernetes.io/last-applied-configuration: |",
        ] {
            #expect(out.contains(kept), "lost: \(kept)")
        }
        try scratch.write("injected.yaml", result.stdout)
        let undone = try runTool(["uninject", "-f", "injected.yaml", "-c", "ns.yaml"], in: scratch.url)
        #expect(undone.status == 0, "\(undone.stderr)")
        #expect(undone.stdoutText == object)
    }

    /// A Deployment as `kubectl get deployment web -o yaml` prints it.
    private let kubectlDeployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          annotations:
            deployment.kubernetes.io/revision: "1"
            kubectl.kubernetes.io/last-applied-configuration: |
              {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"web","namespace":"shop"},"spec":{"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"image":"nginx:1.25","name":"web"}]}}}}
          creationTimestamp: "2024-05-01T09:59:58Z"
          generation: 1
          managedFields:
          - apiVersion: apps/v1
            fieldsType: FieldsV1
            fieldsV1:
              f:metadata:
                f:annotations:
                  .: {}
                  f:kubectl.kubernetes.io/last-applied-configuration: {}
              f:spec:
                f:template:
                  f:spec:
                    f:containers:
                      k:{"name":"web"}:
                        .: {}
                        f:image: {}
            manager: kubectl-client-side-apply
            operation: Update
            time: "2024-05-01T09:59:58Z"
          - apiVersion: apps/v1
            fieldsType: FieldsV1
            fieldsV1:
              f:status:
                f:availableReplicas: {}
            manager: kube-controller-manager
            operation: Update
            subresource: status
            time: "2024-05-01T10:00:00Z"
          name: web
          namespace: shop
          resourceVersion: "4711"
          uid: 0b8f3c2e-6f7a-4b7e-9c55-1b1a2f3e4d5c
        spec:
          progressDeadlineSeconds: 600
          replicas: 1
          revisionHistoryLimit: 10
          selector:
            matchLabels:
              app: web
          strategy:
            rollingUpdate:
              maxSurge: 25%
              maxUnavailable: 25%
            type: RollingUpdate
          template:
            metadata:
              creationTimestamp: null
              labels:
                app: web
            spec:
              containers:
              - image: nginx:1.25
                imagePullPolicy: IfNotPresent
                name: web
                resources: {}
                terminationMessagePath: /dev/termination-log
                terminationMessagePolicy: File
              dnsPolicy: ClusterFirst
              restartPolicy: Always
              schedulerName: default-scheduler
              securityContext: {}
              terminationGracePeriodSeconds: 30
        status:
          availableReplicas: 1
          conditions:
          - lastTransitionTime: "2024-05-01T10:00:00Z"
            lastUpdateTime: "2024-05-01T10:00:00Z"
            message: Deployment has minimum availability.
            reason: MinimumReplicasAvailable
            status: "True"
            type: Available
          observedGeneration: 1
          readyReplicas: 1
          replicas: 1
          updatedReplicas: 1

        """
}
