import Foundation
import Testing

/// The real pre-commit (from PyPI, in `.ci/venv`) runs this repository's hooks from `repo:` (a git repository
/// made of the working tree's files) at `rev:` (its commit), in a user's repository, on a real `git commit`.
///
/// The `language: system` hooks run the built osm-inject from `PATH`, on every test run. The `language: swift`
/// hooks make pre-commit build the whole package in release mode first (about 5 minutes of CPU, 10 on a busy
/// 2-core machine): that test runs in CI (`CI` set) or with `OSM_INJECT_E2E_SWIFT_HOOK=1`, and is reported as
/// skipped otherwise; its build is kept in `.build/pre-commit-e2e` and reused while the package's files are the
/// same. The definition of the swift hooks is checked against the system ones on every run.
@Suite(.serialized) struct PreCommitIntegrationTests {
    static let deployment = """
        # the web tier
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
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: nginx:1.25

        """

    /// Fixed names and dates: the same files give the same commit, so pre-commit's cache can be reused.
    static let gitEnvironment = [
        "GIT_AUTHOR_NAME": "osm-inject tests", "GIT_AUTHOR_EMAIL": "tests@example.com",
        "GIT_COMMITTER_NAME": "osm-inject tests", "GIT_COMMITTER_EMAIL": "tests@example.com",
        "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z", "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z",
        "GIT_CONFIG_NOSYSTEM": "1",
    ]

    static func git(_ arguments: [String], in folder: URL) throws -> RunResult {
        let git = try ExternalTools.onPath("git", hint: "apt-get install git")
        let result = try ExternalTools.run(git, arguments, in: folder, environment: gitEnvironment)
        try #require(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.stderr)")
        return result
    }

    /// A hooks repository at `folder` holding the working tree's version of `paths` (tracked files only);
    /// returns its commit.
    static func hooksRepository(at folder: URL, paths: [String]) throws -> String {
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let tracked = try git(["ls-files", "-z", "--"] + paths, in: repositoryRoot).stdout
            .split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
        try #require(tracked.contains(".pre-commit-hooks.yaml"))
        for path in tracked {
            let target = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contentsOf: repositoryRoot.appendingPathComponent(path)).write(to: target)
        }
        _ = try git(["init", "-q"], in: folder)
        _ = try git(["add", "-A"], in: folder)
        _ = try git(["commit", "-q", "-m", "osm-inject hooks"], in: folder)
        return try git(["rev-parse", "HEAD"], in: folder).stdoutText.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A user's repository with a manifest, the declared state and a `.pre-commit-config.yaml` naming `hook`.
    static func userRepository(_ scratch: ScratchFolder, hooks: URL, rev: String, hook: String) throws -> URL {
        let folder = scratch.url.appendingPathComponent("app")
        try scratch.write("app/deploy/cluster.yaml", meshNamespace)
        try scratch.write("app/deploy/web.yaml", deployment)
        try scratch.write(
            "app/.pre-commit-config.yaml",
            """
            repos:
              - repo: \(hooks.path)
                rev: \(rev)
                hooks:
                  - id: \(hook)
                    files: ^deploy/web\\.yaml$
                    args: [-c, deploy/cluster.yaml]

            """)
        _ = try git(["init", "-q"], in: folder)
        _ = try git(["add", "-A"], in: folder)
        return folder
    }

    /// Runs pre-commit with `arguments` in `folder`.
    static func preCommit(_ arguments: [String], in folder: URL, home: URL, path: String) throws -> RunResult {
        var environment = gitEnvironment
        environment["PRE_COMMIT_HOME"] = home.path
        environment["PATH"] = path
        return try ExternalTools.run(
            try ExternalTools.inVenv("pre-commit"), arguments, in: folder, environment: environment)
    }

    /// `git commit` in `folder` with pre-commit's git hook installed; the hook's output is in stderr.
    static func commit(in folder: URL, home: URL, path: String) throws -> RunResult {
        let git = try ExternalTools.onPath("git", hint: "apt-get install git")
        var environment = gitEnvironment
        environment["PRE_COMMIT_HOME"] = home.path
        environment["PATH"] = path
        return try ExternalTools.run(git, ["commit", "-m", "deploy web"], in: folder, environment: environment)
    }

    /// The injecting hook on a commit: the first commit stops with the file injected, the second goes through.
    static func expectInjectingHookWorks(id: String, hooks: URL, rev: String, home: URL, path: String) throws {
        let scratch = try ScratchFolder()
        let app = try userRepository(scratch, hooks: hooks, rev: rev, hook: id)
        let install = try preCommit(["install"], in: app, home: home, path: path)
        try #require(install.status == 0, "\(install.stdoutText)\(install.stderr)")
        let first = try commit(in: app, home: home, path: path)
        #expect(
            first.status != 0, "the hook rewrote the file, so the commit must stop: \(first.stdoutText)\(first.stderr)")
        // git hands the hook's output to stderr.
        #expect(
            (first.stdoutText + first.stderr).contains("files were modified by this hook"),
            "\(first.stdoutText)\(first.stderr)")
        let injected = String(decoding: try scratch.read("app/deploy/web.yaml"), as: UTF8.self)
        #expect(
            injected.hasPrefix(
                deployment.replacingOccurrences(
                    of: "      labels: {app: web}\n",
                    with: "      labels: {app: web, osm-proxy-uuid: "
                )
                .prefix(200)))
        #expect(injected.contains("        - name: envoy\n"))
        #expect(injected.contains("kind: Secret\n"))
        _ = try git(["add", "-A"], in: app)
        let second = try commit(in: app, home: home, path: path)
        #expect(second.status == 0, "\(second.stdoutText)\(second.stderr)")
        #expect(try scratch.read("app/deploy/web.yaml") == Array(injected.utf8))
    }

    /// The checking hook: fails naming the file and leaves it as it was.
    static func expectCheckingHookWorks(id: String, hooks: URL, rev: String, home: URL, path: String) throws {
        let scratch = try ScratchFolder()
        let app = try userRepository(scratch, hooks: hooks, rev: rev, hook: id)
        let run = try preCommit(["run", "--all-files"], in: app, home: home, path: path)
        #expect(run.status == 1, "\(run.stdoutText)\(run.stderr)")
        #expect(run.stdoutText.contains("deploy/web.yaml: would change"), "\(run.stdoutText)")
        #expect(try scratch.read("app/deploy/web.yaml") == Array(deployment.utf8))
    }

    @Test func systemHooksRunTheInstalledBinary() throws {
        let scratch = try ScratchFolder()
        let hooks = scratch.url.appendingPathComponent("hooks")
        let rev = try Self.hooksRepository(at: hooks, paths: [".pre-commit-hooks.yaml"])
        let home = scratch.url.appendingPathComponent("pre-commit-home")
        try Self.expectInjectingHookWorks(
            id: "osm-inject-system", hooks: hooks, rev: rev, home: home,
            path: ExternalTools.pathWithTool)
        try Self.expectCheckingHookWorks(
            id: "osm-inject-check-system", hooks: hooks, rev: rev, home: home,
            path: ExternalTools.pathWithTool)
    }

    @Test func systemHooksWithoutTheBinaryFailSayingSo() throws {
        let scratch = try ScratchFolder()
        let hooks = scratch.url.appendingPathComponent("hooks")
        let rev = try Self.hooksRepository(at: hooks, paths: [".pre-commit-hooks.yaml"])
        let app = try Self.userRepository(scratch, hooks: hooks, rev: rev, hook: "osm-inject-check-system")
        let path = ExternalTools.venv.appendingPathComponent("bin").path + ":/usr/bin:/bin"
        let run = try Self.preCommit(
            ["run", "--all-files"], in: app, home: scratch.url.appendingPathComponent("home"), path: path)
        #expect(run.status != 0)
        #expect(run.stdoutText.contains("Executable `osm-inject` not found"), "\(run.stdoutText)")
    }

    /// What pre-commit's `language: swift` needs, and the same hooks as the system variant otherwise.
    @Test func swiftHooksMirrorTheSystemHooks() throws {
        let text = try String(
            contentsOf: repositoryRoot.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        let hooks = text.components(separatedBy: "\n- ").dropFirst().map { block -> [String: String] in
            var fields: [String: String] = [:]
            for line in ("  " + block).split(separator: "\n") {
                let parts = line.trimmingCharacters(in: .whitespaces).split(separator: ":", maxSplits: 1)
                if parts.count == 2 { fields[String(parts[0])] = parts[1].trimmingCharacters(in: .whitespaces) }
            }
            return fields
        }
        let byID = Dictionary(hooks.map { ($0["id"] ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        #expect(Set(byID.keys) == ["osm-inject", "osm-inject-check", "osm-inject-system", "osm-inject-check-system"])
        for (swift, system) in [("osm-inject", "osm-inject-system"), ("osm-inject-check", "osm-inject-check-system")] {
            #expect(byID[swift]?["language"] == "swift")
            #expect(byID[system]?["language"] == "system")
            for field in ["entry", "files", "require_serial", "name"] {
                #expect(byID[swift]?[field] == byID[system]?[field], "\(swift) and \(system) differ in \(field)")
            }
        }
        // pre-commit builds the package (`swift build -c release`) and runs the entry's first word from the
        // build's folder: it must be an executable product of the package.
        let package = try String(contentsOf: repositoryRoot.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(package.contains(".executable(name: \"osm-inject\""))
        #expect(byID["osm-inject"]?["entry"]?.hasPrefix("osm-inject ") == true)
    }

    static let runsSwiftHooks =
        ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty && $0 != "false" } == true
        || ProcessInfo.processInfo.environment["OSM_INJECT_E2E_SWIFT_HOOK"] == "1"

    @Test(
        .enabled(if: runsSwiftHooks, "builds the package in release mode (minutes): CI, or OSM_INJECT_E2E_SWIFT_HOOK=1")
    )
    func swiftHooksBuildThePackageAndRun() throws {
        let cache = repositoryRoot.appendingPathComponent(".build/pre-commit-e2e")
        let hooks = cache.appendingPathComponent("hooks")
        let rev = try Self.hooksRepository(
            at: hooks, paths: ["Package.swift", "Sources", "Tests", ".pre-commit-hooks.yaml"])
        let home = cache.appendingPathComponent("home")
        // No osm-inject on PATH: the hooks must run the one pre-commit built.
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        #expect(
            !path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/osm-inject") })
        try Self.expectInjectingHookWorks(id: "osm-inject", hooks: hooks, rev: rev, home: home, path: path)
        try Self.expectCheckingHookWorks(id: "osm-inject-check", hooks: hooks, rev: rev, home: home, path: path)
    }
}
