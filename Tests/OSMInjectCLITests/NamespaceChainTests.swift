import Foundation
import Testing

/// The enrolment commands and the injection together, on files: enrol a namespace, inject, opt a pod out,
/// switch metrics, leave the mesh, and find the manifest as it was.
@Suite struct NamespaceChainTests {
    static let namespaces = """
        # Declared cluster state.
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop   # the shop
          labels:
            team: web

        """

    static let app = """
        # The web app of the shop.
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: shop
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels:
                app: web   # selector
            spec:
              containers:
                - name: web
                  image: nginx:1.25
                  ports:
                    - containerPort: 80

        """

    /// The app with its pod opted out of injection.
    static let optedOutApp = app.replacingOccurrences(
        of: "        app: web   # selector\n",
        with: """
                    app: web   # selector
                  annotations:
                    openservicemesh.io/sidecar-injection: disabled

            """)

    @Test func enrolInjectOptOutAndLeave() throws {
        let folder = try NamespaceScratch.folder(["ns.yaml": Self.namespaces, "app.yaml": Self.app])
        defer { try? FileManager.default.removeItem(at: folder) }
        let inject = ["-c", "ns.yaml", "-f", "app.yaml"]

        let before = try runTool(inject, in: folder)
        #expect(before.status == 0)
        #expect(before.stdoutText == Self.app, "a namespace outside the mesh: the manifest passes unchanged")

        let add = try runTool(["namespace", "add", "shop", "-c", "ns.yaml"], in: folder)
        #expect(add.status == 0)
        #expect(add.stdoutText == "Namespace [shop] successfully added to mesh [osm]\n")
        #expect(
            try NamespaceScratch.text(folder, "ns.yaml")
                == Self.namespaces.replacingOccurrences(
                    of: "    team: web\n",
                    with: """
                            team: web
                            openservicemesh.io/monitored-by: osm
                          annotations:
                            openservicemesh.io/sidecar-injection: enabled

                        """))

        let injected = try runTool(inject, in: folder)
        #expect(injected.status == 0, "\(injected.stderr)")
        #expect(injected.stdoutText.contains("- name: envoy"))
        #expect(injected.stdoutText.contains("osm-proxy-uuid: "))
        #expect(injected.stdoutText.contains("- name: osm-init"))
        #expect(!injected.stdoutText.contains("prometheus.io/"))
        #expect(injected.stderr.contains("deployment \"web\" injected"))

        #expect(Self.optedOutApp != Self.app)
        try NamespaceScratch.write(folder, "app.yaml", Self.optedOutApp)
        let optedOut = try runTool(inject, in: folder)
        #expect(optedOut.status == 0)
        #expect(optedOut.stdoutText == Self.optedOutApp, "the pod's annotation disables injection")
        try NamespaceScratch.write(folder, "app.yaml", Self.app)

        let remove = try runTool(["namespace", "remove", "shop", "-c", "ns.yaml"], in: folder)
        #expect(remove.status == 0)
        #expect(remove.stdoutText == "Namespace [shop] successfully removed from mesh [osm]\n")
        #expect(
            try NamespaceScratch.text(folder, "ns.yaml") == Self.namespaces,
            "add then remove gives the original bytes back")

        let after = try runTool(inject, in: folder)
        #expect(after.status == 0)
        #expect(after.stdout == Array(Self.app.utf8), "out of the mesh again: the manifest is back to its bytes")
    }

    @Test func metricsOnNamespaceAndInjectedManifest() throws {
        let folder = try NamespaceScratch.folder(["ns.yaml": Self.namespaces, "app.yaml": Self.app])
        defer { try? FileManager.default.removeItem(at: folder) }
        let inject = ["-c", "ns.yaml", "-f", "app.yaml", "--no-bootstrap-secrets"]
        #expect(try runTool(["namespace", "add", "shop", "-c", "ns.yaml"], in: folder).status == 0)
        let withoutMetrics = try runTool(inject, in: folder)
        #expect(withoutMetrics.status == 0)

        let enable = try runTool(["metrics", "enable", "--namespace", "shop", "-c", "ns.yaml"], in: folder)
        #expect(enable.status == 0)
        #expect(enable.stdoutText == "Metrics successfully enabled in namespace [shop]\n")
        let withMetrics = try runTool(inject, in: folder)
        #expect(withMetrics.stdoutText.contains("prometheus.io/scrape: \"true\""))
        #expect(withMetrics.stdoutText.contains("prometheus.io/port: \"15010\""))

        try NamespaceScratch.write(folder, "injected.yaml", withMetrics.stdoutText)
        let disable = try runTool(
            ["metrics", "disable", "--namespace", "shop", "-c", "ns.yaml", "-f", "injected.yaml"],
            in: folder)
        #expect(disable.status == 0)
        #expect(disable.stdoutText == "Metrics successfully disabled in namespace [shop]\n")
        #expect(
            try NamespaceScratch.text(folder, "injected.yaml") == withoutMetrics.stdoutText,
            "disabling metrics on the injected manifest gives what injection without metrics gives")

        #expect(
            try runTool(
                ["metrics", "enable", "--namespace", "shop", "-c", "ns.yaml", "-f", "injected.yaml"],
                in: folder
            ).status == 0)
        #expect(
            try NamespaceScratch.text(folder, "injected.yaml") == withMetrics.stdoutText,
            "enabling metrics on the injected manifest gives what injection with metrics gives")
    }

    @Test func disabledInjectionNamespaceInjectsOnlyOptedInPods() throws {
        let folder = try NamespaceScratch.folder(["ns.yaml": Self.namespaces, "app.yaml": Self.app])
        defer { try? FileManager.default.removeItem(at: folder) }
        let add = try runTool(["namespace", "add", "shop", "--disable-sidecar-injection", "-c", "ns.yaml"], in: folder)
        #expect(add.status == 0)
        let inject = ["-c", "ns.yaml", "-f", "app.yaml", "--no-bootstrap-secrets"]
        #expect(try runTool(inject, in: folder).stdoutText == Self.app)
        let optedIn = Self.optedOutApp.replacingOccurrences(
            of: "sidecar-injection: disabled", with: "sidecar-injection: enabled")
        #expect(optedIn.contains("sidecar-injection: enabled"))
        try NamespaceScratch.write(folder, "app.yaml", optedIn)
        #expect(try runTool(inject, in: folder).stdoutText.contains("- name: envoy"))
    }
}

/// Scratch folders and files for the enrolment command tests.
enum NamespaceScratch {
    /// A fresh folder holding `files`.
    static func folder(_ files: [String: String]) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("osm-inject-ns-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, content) in files { try write(folder, name, content) }
        return folder
    }

    /// Writes `content` to `name` in `folder`.
    static func write(_ folder: URL, _ name: String, _ content: String) throws {
        try Data(content.utf8).write(to: folder.appendingPathComponent(name))
    }

    /// The text of `name` in `folder`.
    static func text(_ folder: URL, _ name: String) throws -> String {
        String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
    }
}
