import Foundation
import Testing

/// The real kpt (`kpt fn render`, `kpt fn eval --exec`) runs osm-inject as an exec function on a copy of
/// `integrations/kpt` and writes the package in place: the workload injected, its bootstrap Secret in a file
/// of its own, and a second run changing no byte.
@Suite struct KptIntegrationTests {
    static let hint = "install kpt 1.0 (Debian package google-cloud-cli-kpt from Google's apt repository)"

    /// A copy of `integrations/kpt`, without its Kptfile when `kptfile` is false.
    static func package(kptfile: Bool = true) throws -> ScratchFolder {
        let scratch = try ScratchFolder()
        let source = repositoryRoot.appendingPathComponent("integrations/kpt")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path) where kptfile || name != "Kptfile"
        {
            try scratch.write(name, Array(try Data(contentsOf: source.appendingPathComponent(name))))
        }
        return scratch
    }

    /// Runs kpt with the built osm-inject first on `PATH`.
    static func kpt(_ arguments: [String]) throws -> RunResult {
        try ExternalTools.run(
            try ExternalTools.onPath("kpt", hint: hint), arguments,
            environment: ["PATH": ExternalTools.pathWithTool])
    }

    /// Every file of the package and its bytes.
    static func files(_ package: ScratchFolder) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for name in try package.entries() { files[name] = try package.read(name) }
        return files
    }

    /// Checks the package after one run: injected, one Secret file, each resource at a place of its own.
    static func expectInjected(_ package: ScratchFolder) throws {
        let deployment = String(decoding: try package.read("deployment.yaml"), as: UTF8.self)
        #expect(deployment.contains("        - name: envoy\n"))
        #expect(deployment.contains("osm-proxy-uuid: "))
        let entries = try package.entries()
        let secrets = entries.filter { $0.hasPrefix("secret_envoy-bootstrap-config-") && $0.hasSuffix(".yaml") }
        try #require(secrets.count == 1, "\(entries)")
        let secret = String(decoding: try package.read(secrets[0]), as: UTF8.self)
        #expect(secret.hasPrefix("apiVersion: v1\nkind: Secret\nmetadata:\n  name: envoy-bootstrap-config-"))
        #expect(!secret.contains("config.kubernetes.io/"), "kpt strips its own annotations when it writes a file")
        // The namespace file is untouched.
        let original = repositoryRoot.appendingPathComponent("integrations/kpt/namespace.yaml")
        #expect(try package.read("namespace.yaml") == Array(try Data(contentsOf: original)))
    }

    @Test func renderInjectsInPlaceAndASecondRenderChangesNothing() throws {
        let package = try Self.package()
        let first = try Self.kpt(["fn", "render", package.url.path, "--allow-exec"])
        try #require(first.status == 0, "\(first.stdoutText)\(first.stderr)")
        #expect(first.stderr.contains("deployment \"web\" injected"), "\(first.stderr)")
        try Self.expectInjected(package)
        let before = try Self.files(package)
        let second = try Self.kpt(["fn", "render", package.url.path, "--allow-exec"])
        try #require(second.status == 0, "\(second.stdoutText)\(second.stderr)")
        #expect(second.stderr.contains("already injected, up to date"), "\(second.stderr)")
        #expect(try Self.files(package) == before)
    }

    @Test func evalExecInjectsInPlaceAndASecondEvalChangesNothing() throws {
        let package = try Self.package(kptfile: false)
        let first = try Self.kpt(["fn", "eval", package.url.path, "--exec", "osm-inject", "--", "mesh-name=osm"])
        try #require(first.status == 0, "\(first.stdoutText)\(first.stderr)")
        try Self.expectInjected(package)
        let before = try Self.files(package)
        let second = try Self.kpt(["fn", "eval", package.url.path, "--exec", "osm-inject", "--", "mesh-name=osm"])
        try #require(second.status == 0, "\(second.stdoutText)\(second.stderr)")
        #expect(second.stderr.contains("already injected, up to date"), "\(second.stderr)")
        #expect(try Self.files(package) == before)
    }

    @Test func aChangedSettingUpdatesTheWorkloadAndReplacesItsSecretFile() throws {
        let package = try Self.package(kptfile: false)
        let first = try Self.kpt(["fn", "eval", package.url.path, "--exec", "osm-inject", "--", "mesh-name=osm"])
        try #require(first.status == 0, "\(first.stdoutText)\(first.stderr)")
        let second = try Self.kpt([
            "fn", "eval", package.url.path, "--exec", "osm-inject", "--", "mesh-name=osm",
            "envoy-image=registry.example.com/envoy:v1.22.2",
        ])
        try #require(second.status == 0, "\(second.stdoutText)\(second.stderr)")
        #expect(second.stderr.contains("updated: images"), "\(second.stderr)")
        let deployment = String(decoding: try package.read("deployment.yaml"), as: UTF8.self)
        #expect(deployment.contains("image: registry.example.com/envoy:v1.22.2\n"))
        try Self.expectInjected(package)
    }

    @Test func theFunctionsResourcesEachHaveAPlaceOfTheirOwn() throws {
        let package = try Self.package(kptfile: false)
        let eval = try Self.kpt(["fn", "eval", package.url.path, "--exec", "osm-inject", "--", "mesh-name=osm"])
        try #require(eval.status == 0, "\(eval.stderr)")
        let source = try Self.kpt(["fn", "source", package.url.path])
        try #require(source.status == 0, "\(source.stderr)")
        let places = source.stdoutText.split(separator: "\n").filter {
            $0.contains("internal.config.kubernetes.io/path:")
        }
        #expect(places.count == 3, "\(source.stdoutText)")
        #expect(Set(places).count == places.count)
    }
}
