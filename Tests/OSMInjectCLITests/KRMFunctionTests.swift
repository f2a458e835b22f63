import Foundation
import Testing

/// The KRM function front end (kpt, kustomize): a ResourceList in, a ResourceList with `results` out.
@Suite struct KRMFunctionTests {
    static let namespace = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels:
            openservicemesh.io/monitored-by: osm
          annotations:
            openservicemesh.io/sidecar-injection: enabled
            config.kubernetes.io/path: 'ns.yaml'
            internal.config.kubernetes.io/path: 'ns.yaml'
        """

    static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web   # the web tier
          namespace: shop
          annotations:
            config.kubernetes.io/index: '0'
            config.kubernetes.io/path: 'deploy.yaml'
            internal.config.kubernetes.io/index: '0'
            internal.config.kubernetes.io/path: 'deploy.yaml'
            internal.config.kubernetes.io/id: '2'
            config.k8s.io/id: '2'
            kustomize.config.k8s.io/id: |
              group: apps
              kind: Deployment
              name: web
        spec:
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: "nginx:1.25"
                  readinessProbe:
                    tcpSocket: {port: 8080}
        """

    static let service = """
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          namespace: shop
          annotations:
            internal.config.kubernetes.io/path: 'deploy.yaml'
            internal.config.kubernetes.io/index: '1'
        spec: {ports: [{port: 80}]}   # untouched
        """

    static let stray = """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: migrate
          namespace: data
        spec:
          template:
            spec:
              containers: [{name: m, image: m}]
        """

    /// A document as a block sequence item of `items`.
    static func item(_ document: String) -> String {
        document.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { $0.offset == 0 ? "- " + $0.element : ($0.element.isEmpty ? "" : "  " + $0.element) }
            .joined(separator: "\n") + "\n"
    }

    static func resourceList(_ documents: [String], functionConfig: String? = nil) -> String {
        var text = "# from kpt\napiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n"
        for document in documents { text += item(document) }
        if let functionConfig { text += "functionConfig:\n" + functionConfig }
        return text
    }

    static let configMap = """
          apiVersion: v1
          kind: ConfigMap
          metadata:
            name: osm-inject
          data:
            mesh-name: osm

        """

    @Test func injectsItemsAndPutsTheSecretRightAfterItsWorkload() throws {
        let input = Self.resourceList(
            [Self.namespace, Self.deployment, Self.service, Self.stray], functionConfig: Self.configMap)
        let result = try runTool([], stdin: Array(input.utf8))
        try #require(result.status == 0, "\(result.stderr)")
        let output = result.stdoutText
        // Untouched items and the foreign annotations keep their bytes.
        #expect(
            output.hasPrefix(
                "# from kpt\napiVersion: config.kubernetes.io/v1\nkind: ResourceList\nitems:\n"
                    + Self.item(Self.namespace)))
        #expect(output.contains(Self.item(Self.service) + Self.item(Self.stray) + "functionConfig:\n" + Self.configMap))
        for line in [
            "internal.config.kubernetes.io/id: '2'", "config.k8s.io/id: '2'", "kustomize.config.k8s.io/id: |",
            "name: web   # the web tier",
        ] {
            #expect(output.contains(line))
        }
        // The Secret follows the deployment, in a file of its own beside the deployment's, without ids.
        let secretStart = try #require(output.range(of: "- apiVersion: v1\n  kind: Secret\n"))
        let serviceStart = try #require(output.range(of: Self.item(Self.service)))
        let deploymentStart = try #require(output.range(of: "- apiVersion: apps/v1\n  kind: Deployment"))
        #expect(deploymentStart.lowerBound < secretStart.lowerBound && secretStart.lowerBound < serviceStart.lowerBound)
        let secret = String(output[secretStart.lowerBound..<serviceStart.lowerBound])
        let name = try #require(secret.firstMatch(of: /name: (envoy-bootstrap-config-[0-9a-f-]{36})\n/)?.1)
        for line in [
            "    config.kubernetes.io/path: secret_\(name).yaml\n",
            "    internal.config.kubernetes.io/path: secret_\(name).yaml\n",
            "    config.kubernetes.io/index: \"0\"\n", "    internal.config.kubernetes.io/index: \"0\"\n",
        ] {
            #expect(secret.contains(line), "\(line)")
        }
        #expect(!secret.contains("/id:"))
        // Results: the injection and the skip, with resourceRef and file.
        let results = String(output[try #require(output.range(of: "\nresults:\n")).upperBound...])
        #expect(
            results.contains(
                "- message: deployment \"web\" injected\n  severity: info\n  resourceRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: web\n    namespace: shop\n  file:\n    path: deploy.yaml\n    index: 0\n"
            ))
        #expect(results.contains("job \\\"migrate\\\" skipped: namespace \\\"data\\\" is not declared"))
    }

    @Test func theItemIsInjectedExactlyAsTheManifestPathInjectsTheDocument() throws {
        let input = Self.resourceList([Self.namespace, Self.deployment])
        let krm = try runTool([], stdin: Array(input.utf8))
        let manifest = try runTool([], stdin: Array((Self.namespace + "\n---\n" + Self.deployment + "\n").utf8))
        try #require(krm.status == 0 && manifest.status == 0, "\(krm.stderr)\(manifest.stderr)")
        let documents = manifest.stdoutText.components(separatedBy: "\n---\n")
        try #require(documents.count == 3)
        let injected = documents[1] + "\n", secret = documents[2]
        #expect(krm.stdoutText.contains(Self.item(String(injected.dropLast()))))
        let copied = [
            "    config.kubernetes.io/path: secret_", "    internal.config.kubernetes.io/path: secret_",
            "    config.kubernetes.io/index: \"0\"", "    internal.config.kubernetes.io/index: \"0\"",
        ]
        let start = try #require(krm.stdoutText.range(of: "- apiVersion: v1\n  kind: Secret\n")).lowerBound
        let end = krm.stdoutText.range(of: "results:\n")?.lowerBound ?? krm.stdoutText.endIndex
        let krmSecret = krm.stdoutText[start..<end].split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.dropFirst(2)) }.filter { line in !copied.contains { line.hasPrefix($0) } }.joined(
                separator: "\n")
        #expect(krmSecret == secret)
    }

    @Test func rerunningOnItsOutputChangesNothing() throws {
        let input = Self.resourceList([Self.namespace, Self.deployment, Self.service], functionConfig: Self.configMap)
        let first = try runTool([], stdin: Array(input.utf8))
        let items = String(first.stdoutText[..<(try #require(first.stdoutText.range(of: "results:\n"))).lowerBound])
        let second = try runTool([], stdin: Array(items.utf8))
        #expect(second.status == 0)
        #expect(second.stdoutText.hasPrefix(items))
        #expect(second.stdoutText.contains("- message: deployment \"web\" already injected, up to date\n"))
        let uninjected = try runTool(["uninject"], stdin: Array(items.utf8))
        let head = try #require(input.range(of: "functionConfig:\n")).upperBound
        #expect(uninjected.stdoutText.hasPrefix(input[..<head]))
    }

    /// The new Secret item's path and index: beside its workload's file, at an index no other item of that file holds.
    @Test func theSecretTakesAFreePlaceBesideItsWorkloadsFile() throws {
        let deployment = Self.deployment.replacingOccurrences(of: "'deploy.yaml'", with: "'apps/deploy.yaml'")
        let first = try runTool([], stdin: Array(Self.resourceList([Self.namespace, deployment]).utf8))
        try #require(first.status == 0, "\(first.stderr)")
        let name = try #require(first.stdoutText.firstMatch(of: /name: (envoy-bootstrap-config-[0-9a-f-]{36})\n/)?.1)
        #expect(
            first.stdoutText.contains(
                "      internal.config.kubernetes.io/path: apps/secret_\(name).yaml\n      config.kubernetes.io/index: \"0\"\n      internal.config.kubernetes.io/index: \"0\"\n"
            ))
        // A file of that name already holding an item of the user's: the Secret takes the next index.
        let squatter = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: squatter
              namespace: shop
              annotations:
                internal.config.kubernetes.io/path: 'apps/secret_\(name).yaml'
                internal.config.kubernetes.io/index: '0'
            """
        let second = try runTool([], stdin: Array(Self.resourceList([Self.namespace, deployment, squatter]).utf8))
        try #require(second.status == 0, "\(second.stderr)")
        #expect(
            second.stdoutText.contains(
                "      internal.config.kubernetes.io/path: apps/secret_\(name).yaml\n      config.kubernetes.io/index: \"1\"\n      internal.config.kubernetes.io/index: \"1\"\n"
            ))
    }

    /// kpt gives every item of a re-run ids of its own, the Secret included: an unchanged Secret is still up to date.
    @Test func aSecretWithTheOrchestratorsIdsIsUpToDate() throws {
        let first = try runTool([], stdin: Array(Self.resourceList([Self.namespace, Self.deployment]).utf8))
        let items = String(first.stdoutText[..<(try #require(first.stdoutText.range(of: "results:\n"))).lowerBound])
        let withIDs = items.replacingOccurrences(
            of: "      internal.config.kubernetes.io/index: \"0\"\n  data:\n",
            with:
                "      internal.config.kubernetes.io/index: \"0\"\n      internal.config.kubernetes.io/id: '3'\n      config.k8s.io/id: '3'\n  data:\n"
        )
        #expect(withIDs.contains("config.k8s.io/id: '3'"))
        let second = try runTool([], stdin: Array(withIDs.utf8))
        #expect(second.status == 0)
        #expect(second.stdoutText.hasPrefix(withIDs), "\(second.stdoutText)")
        #expect(second.stdoutText.contains("- message: deployment \"web\" already injected, up to date\n"))
    }

    @Test func typedInjectorConfigCarriesMeshConfigNamespacesAndFlags() throws {
        let config = """
              apiVersion: osm-inject.openservicemesh.io/v1alpha1
              kind: InjectorConfig
              metadata:
                name: osm-inject
                annotations:
                  config.kubernetes.io/function: |
                    exec:
                      path: osm-inject
              spec:
                meshName: blue
                trustDomain: example.org
                bootstrapSecrets: false
                meshConfig:
                  apiVersion: config.openservicemesh.io/v1alpha2
                  kind: MeshConfig
                  metadata: {name: osm-mesh-config, namespace: osm-blue}
                  spec:
                    sidecar: {envoyImage: "example/envoy:1"}
                namespaces:
                  - apiVersion: v1
                    kind: Namespace
                    metadata:
                      name: shop
                      labels: {openservicemesh.io/monitored-by: blue}
                      annotations: {openservicemesh.io/sidecar-injection: enabled}

            """
        let result = try runTool([], stdin: Array(Self.resourceList([Self.deployment], functionConfig: config).utf8))
        try #require(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutText.contains("image: example/envoy:1"))
        #expect(!result.stdoutText.contains("kind: Secret"))
        #expect(result.stdoutText.contains("deployment \"web\" injected"))
    }

    @Test func anErrorIsAResultLeavesTheItemsAndExitsOne() throws {
        let broken = Self.deployment.replacingOccurrences(
            of: "labels: {app: web}",
            with: "labels: {app: web}\n      annotations: {openservicemesh.io/sidecar-injection: maybe}")
        let input = Self.resourceList([Self.namespace, broken, Self.service])
        let result = try runTool([], stdin: Array(input.utf8))
        #expect(result.status == 1)
        #expect(result.stdoutText.hasPrefix(input))
        #expect(result.stdoutText.contains("  severity: error\n"))
        #expect(result.stdoutText.contains("Invalid annotation value for key"))
        #expect(result.stderr.contains("error: deployment \"web\": Invalid annotation value"))
    }

    @Test func aKeyWrittenTwiceInTheFunctionConfigsStateIsAnErrorResult() throws {
        for (mesh, namespace) in [
            ("sidecar: {logLevel: debug}", "name: shop\n          name: shop"),
            ("sidecar: {logLevel: debug, logLevel: info}", "name: shop"),
        ] {
            let config = """
                  apiVersion: osm-inject.openservicemesh.io/v1alpha1
                  kind: InjectorConfig
                  metadata: {name: osm-inject}
                  spec:
                    meshConfig:
                      apiVersion: config.openservicemesh.io/v1alpha2
                      kind: MeshConfig
                      metadata: {name: osm-mesh-config, namespace: osm-system}
                      spec:
                        \(mesh)
                    namespaces:
                      - apiVersion: v1
                        kind: Namespace
                        metadata:
                          \(namespace)

                """
            let result = try runTool(
                [], stdin: Array(Self.resourceList([Self.deployment], functionConfig: config).utf8))
            #expect(result.status == 1)
            #expect(result.stdoutText.contains("severity: error"))
            let key = mesh.contains("info") ? "logLevel" : "name"
            #expect(
                result.stderr.contains("error: functionConfig: duplicate key \"\(key)\" (first at line"),
                "\(result.stderr)")
        }
    }

    @Test func aBadFunctionConfigIsAnErrorResult() throws {
        let config = "  apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: x}\n  data:\n    mesh-nme: osm\n"
        let result = try runTool([], stdin: Array(Self.resourceList([Self.deployment], functionConfig: config).utf8))
        #expect(result.status == 1)
        #expect(
            result.stdoutText.contains(
                "- message: \"functionConfig: functionConfig.data has an unknown key \\\"mesh-nme\\\""))
    }

    @Test func jsonResourceListsGetTheSecretAsAJSONItem() throws {
        let input = """
            {"apiVersion": "config.kubernetes.io/v1", "kind": "ResourceList", "items": [
              {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "shop", "labels": {"openservicemesh.io/monitored-by": "osm"}, "annotations": {"openservicemesh.io/sidecar-injection": "enabled"}}},
              {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "shop", "annotations": {"internal.config.kubernetes.io/path": "pod.json"}}, "spec": {"containers": [{"name": "a", "image": "a"}]}},
              {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c", "namespace": "shop"}}
            ]}

            """
        let result = try runTool([], stdin: Array(input.utf8))
        try #require(result.status == 0, "\(result.stderr)")
        let list = try ReviewValue(json: result.stdoutText)
        guard case .array(let items)? = list["items"] else {
            Issue.record("no items")
            return
        }
        #expect(items.map { $0["kind"]?.string ?? "" } == ["Namespace", "Pod", "Secret", "ConfigMap"])
        let name = items[2]["metadata"]?["name"]?.string ?? ""
        #expect(
            items[2]["metadata"]?["annotations"]?["internal.config.kubernetes.io/path"]
                == .string("secret_\(name).yaml"))
        guard case .array(let results)? = list["results"] else {
            Issue.record("no results")
            return
        }
        #expect(results.first?["message"] == .string("pod \"p\" injected"))
    }

    @Test func fileModesTreatAResourceListAsAManifest() throws {
        let input = Self.resourceList([Self.namespace, Self.deployment])
        let result = try runTool(["--diff"], stdin: Array(input.utf8))
        #expect(result.status == 1)
        #expect(!result.stdoutText.contains("results:"))
    }
}
