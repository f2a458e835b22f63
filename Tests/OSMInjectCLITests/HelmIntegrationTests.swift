import Foundation
import Testing

/// Helm post-rendering (Helm 3 streams with `# Source:` comments, Helm 4 streams with the filename
/// annotation), the shipped Helm 4 plugin, and the other GitOps entry points: Argo CD's plugin and
/// environment, and the pre-commit hooks.
@Suite struct HelmIntegrationTests {
    static let cluster = """
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
          labels: {openservicemesh.io/monitored-by: osm}
          annotations: {openservicemesh.io/sidecar-injection: enabled}

        """

    /// What `helm template web ./chart -n shop` (Helm 3) writes for a chart with a ServiceAccount, a Service and
    /// a Deployment.
    static let helm3Stream = """
        ---
        # Source: web/templates/serviceaccount.yaml
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: web
          labels:
            helm.sh/chart: web-0.1.0
            app.kubernetes.io/name: web
            app.kubernetes.io/instance: web
            app.kubernetes.io/version: "1.16.0"
            app.kubernetes.io/managed-by: Helm
        ---
        # Source: web/templates/service.yaml
        apiVersion: v1
        kind: Service
        metadata:
          name: web
          labels:
            helm.sh/chart: web-0.1.0
            app.kubernetes.io/name: web
            app.kubernetes.io/instance: web
            app.kubernetes.io/version: "1.16.0"
            app.kubernetes.io/managed-by: Helm
        spec:
          type: ClusterIP
          ports:
            - port: 80
              targetPort: http
              protocol: TCP
              name: http
          selector:
            app.kubernetes.io/name: web
            app.kubernetes.io/instance: web
        ---
        # Source: web/templates/deployment.yaml
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            helm.sh/chart: web-0.1.0
            app.kubernetes.io/name: web
            app.kubernetes.io/instance: web
            app.kubernetes.io/version: "1.16.0"
            app.kubernetes.io/managed-by: Helm
        spec:
          replicas: 1
          selector:
            matchLabels:
              app.kubernetes.io/name: web
              app.kubernetes.io/instance: web
          template:
            metadata:
              labels:
                helm.sh/chart: web-0.1.0
                app.kubernetes.io/name: web
                app.kubernetes.io/instance: web
                app.kubernetes.io/version: "1.16.0"
                app.kubernetes.io/managed-by: Helm
            spec:
              serviceAccountName: web
              securityContext:
                {}
              containers:
                - name: web
                  securityContext:
                    {}
                  image: "nginx:1.16.0"
                  imagePullPolicy: IfNotPresent
                  ports:
                    - name: http
                      containerPort: 80
                      protocol: TCP
                  livenessProbe:
                    httpGet:
                      path: /
                      port: http
                  readinessProbe:
                    httpGet:
                      path: /
                      port: http
                  resources:
                    {}
        ---
        # Source: web/templates/tests/test-connection.yaml
        apiVersion: v1
        kind: Pod
        metadata:
          name: "web-test-connection"
          labels:
            helm.sh/chart: web-0.1.0
            app.kubernetes.io/name: web
            app.kubernetes.io/instance: web
            app.kubernetes.io/version: "1.16.0"
            app.kubernetes.io/managed-by: Helm
          annotations:
            "helm.sh/hook": test
        spec:
          containers:
            - name: wget
              image: busybox
              command: ['wget']
              args: ['web:80']
          restartPolicy: Never

        """

    /// Runs the tool as Helm runs a post-renderer: the stream on stdin, the arguments after the command.
    private func postRender(_ stream: String, _ arguments: [String] = ["-n", "shop"]) throws -> RunResult {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "osm-inject-helm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.cluster.utf8).write(to: folder.appendingPathComponent("cluster.yaml"))
        return try runTool(["inject"] + arguments + ["-c", "cluster.yaml"], in: folder, stdin: Array(stream.utf8))
    }

    /// The documents of a stream, split at `---` lines.
    private func documents(_ text: String) -> [String] {
        text.components(separatedBy: "---\n").filter { !$0.isEmpty }
    }

    @Test func helm3StreamKeepsSourceCommentsAndUntouchedDocuments() throws {
        let result = try postRender(Self.helm3Stream)
        try #require(result.status == 0, "\(result.stderr)")
        let input = documents(Self.helm3Stream), output = documents(result.stdoutText)
        // The deployment and the chart's test pod get a sidecar, each with its bootstrap Secret after it.
        try #require(output.count == input.count + 2)
        #expect(output[0] == input[0] && output[1] == input[1])
        #expect(output[2].hasPrefix("# Source: web/templates/deployment.yaml\napiVersion: apps/v1\n"))
        #expect(output[2].contains("        - name: envoy\n"))
        #expect(output[2].contains("- web.shop\n"))
        #expect(output[3].hasPrefix("apiVersion: v1\nkind: Secret\n"))
        #expect(output[3].contains("  namespace: shop\n"))
        #expect(output[4].hasPrefix("# Source: web/templates/tests/test-connection.yaml\n"))
        #expect(output[4].contains("osm-proxy-uuid"))
        #expect(output[5].hasPrefix("apiVersion: v1\nkind: Secret\n"))
        #expect(result.stderr.contains("<stdin>: deployment \"web\" injected"))
    }

    @Test func helm4StreamKeepsThePostRenderFilenameAnnotation() throws {
        let stream = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              annotations:
                postrenderer.helm.sh/postrender-filename: 'web/templates/service.yaml'
            spec:
              ports:
              - port: 80
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              annotations:
                postrenderer.helm.sh/postrender-filename: 'web/templates/deployment.yaml'
            spec:
              template:
                metadata:
                  labels:
                    app: web
                spec:
                  containers:
                  - name: web
                    image: nginx

            """
        let result = try postRender(stream)
        try #require(result.status == 0, "\(result.stderr)")
        let output = documents(result.stdoutText)
        try #require(output.count == 3)
        #expect(output[0] == documents(stream)[0])
        #expect(output[1].contains("    postrenderer.helm.sh/postrender-filename: 'web/templates/deployment.yaml'\n"))
        #expect(output[1].contains("  - name: envoy\n"))
        #expect(output[2].contains("kind: Secret"))
    }

    @Test func helm4PluginIsAPostRendererRunningTheTool() throws {
        let text = try String(
            contentsOf: repositoryRoot.appendingPathComponent("integrations/helm/plugin.yaml"), encoding: .utf8)
        for line in [
            "apiVersion: v1\n", "type: postrenderer/v1\n", "name: osm-inject\n", "version: 0.1.0\n",
            "runtime: subprocess\n", "runtimeConfig:\n  platformCommand:\n    - command: osm-inject\n",
        ] {
            #expect(text.contains(line), "\(line)")
        }
        // Helm appends --post-renderer-args after the plugin's own arguments.
        let result = try postRender(Self.helm3Stream, ["-n", "shop", "--quiet"])
        #expect(result.status == 0)
    }

    @Test func argoCDAppNamespaceIsTheDefaultNamespace() throws {
        let manifest =
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: a\n"
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "osm-inject-argo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent(".osm"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.cluster.utf8).write(to: folder.appendingPathComponent(".osm/cluster.yaml"))
        try Data(manifest.utf8).write(to: folder.appendingPathComponent("pod.yaml"))
        // The plugin's generate command, as Argo CD runs it in the application's folder.
        let plugin = try String(
            contentsOf: repositoryRoot.appendingPathComponent("integrations/argocd/plugin.yaml"), encoding: .utf8)
        #expect(plugin.contains("kind: ConfigManagementPlugin") && plugin.contains("apiVersion: argoproj.io/v1alpha1"))
        #expect(
            plugin.contains(
                "osm-inject inject --recursive --quiet -f . -c \"${ARGOCD_ENV_OSM_INJECT_CONFIG:-.osm/cluster.yaml}\""))
        let arguments = ["inject", "--recursive", "--quiet", "-f", ".", "-c", ".osm/cluster.yaml"]
        let argo = try runTool(arguments, in: folder, environment: ["ARGOCD_APP_NAMESPACE": "shop"])
        try #require(argo.status == 0, "\(argo.stderr)")
        #expect(argo.stdoutText.contains("- name: envoy"))
        #expect(argo.stdoutText.contains("  namespace: shop\n"))
        #expect(!argo.stdoutText.contains("kind: Namespace"))
        let plain = try runTool(arguments, in: folder)
        #expect(plain.stdoutText == manifest)
        let flag = try runTool(
            arguments + ["-n", "default"], in: folder, environment: ["ARGOCD_APP_NAMESPACE": "shop"])
        #expect(flag.stdoutText == manifest)
    }

    @Test func preCommitHooksRunInPlaceAndCheck() throws {
        let hooks = try String(
            contentsOf: repositoryRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        #expect(
            hooks.contains("- id: osm-inject\n") && hooks.contains("  entry: osm-inject inject --in-place --quiet\n"))
        #expect(
            hooks.contains("- id: osm-inject-check\n") && hooks.contains("  entry: osm-inject inject --check --quiet\n")
        )
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "osm-inject-hooks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.cluster.utf8).write(to: folder.appendingPathComponent("cluster.yaml"))
        let manifest =
            "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: shop\nspec:\n  containers:\n    - name: a\n      image: a\n"
        try Data(manifest.utf8).write(to: folder.appendingPathComponent("pod.yaml"))
        // pre-commit runs: entry + args + file names.
        let check = try runTool(["inject", "--check", "--quiet", "-c", "cluster.yaml", "pod.yaml"], in: folder)
        #expect(check.status == 1)
        #expect(check.stderr.contains("pod.yaml: would change"))
        let fix = try runTool(["inject", "--in-place", "--quiet", "-c", "cluster.yaml", "pod.yaml"], in: folder)
        #expect(fix.status == 0)
        #expect(
            try String(contentsOf: folder.appendingPathComponent("pod.yaml"), encoding: .utf8).contains("- name: envoy")
        )
        let again = try runTool(["inject", "--check", "--quiet", "-c", "cluster.yaml", "pod.yaml"], in: folder)
        #expect(again.status == 0)
    }
}
