import Foundation
import Testing

/// The real tools the integration tests run (kpt, kubectl, pre-commit, the Kubernetes Python client), found
/// on `PATH` or in the virtual environment `.ci/run` makes. A missing tool fails the test with what to
/// install: an integration nobody ran must not pass.
enum ExternalTools {
    /// The Python virtual environment with `pre-commit` and `kubernetes`: `$OSM_INJECT_TEST_VENV`, else
    /// `.ci/venv` in the repository (made by `.ci/run`).
    static let venv: URL = {
        if let path = ProcessInfo.processInfo.environment["OSM_INJECT_TEST_VENV"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return repositoryRoot.appendingPathComponent(".ci/venv")
    }()

    /// What to run to get the virtual environment.
    static let venvHint = "run .ci/run, or: python3 -m venv .ci/venv && .ci/venv/bin/pip install pre-commit kubernetes"

    /// A program of the virtual environment (`python`, `pre-commit`).
    static func inVenv(_ name: String) throws -> URL {
        let url = venv.appendingPathComponent("bin").appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: url.path) else {
            throw MissingTool(description: "\(name) is not installed in \(venv.path): \(venvHint)")
        }
        return url
    }

    /// A program on `PATH`; `hint` says how to install it.
    static func onPath(_ name: String, hint: String) throws -> URL {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let url = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw MissingTool(description: "\(name) is not on PATH: \(hint)")
    }

    /// `PATH` with the folder of the built `osm-inject` first, as a user who installed it would have it.
    static var pathWithTool: String {
        toolURL.deletingLastPathComponent().path + ":"
            + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    }

    /// Runs `executable` with `arguments` in `directory`; stdin is empty.
    static func run(
        _ executable: URL, _ arguments: [String], in directory: URL? = nil,
        environment: [String: String] = [:]
    ) throws -> RunResult {
        let env = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        return try runProcess(executable, arguments, in: directory, environment: env)
    }
}

/// A tool an integration test needs is not installed; the message says how to install it.
struct MissingTool: Error, CustomStringConvertible {
    let description: String
}
