import ArgumentParser
import Foundation

/// The `osm-inject` command: Open Service Mesh sidecar injection for manifests, offline.
@main
struct OSMInjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "osm-inject",
        abstract:
            "Inject Open Service Mesh sidecars into Kubernetes manifests, offline, exactly as OSM v1.2.4's webhook would.",
        discussion: """
            Reads manifests (stdin when no file is named), decides for every workload as OSM's mutating webhook \
            would, and writes the manifests back with the sidecars injected and the bootstrap Secrets added. \
            Everything the injection does not change stays byte for byte as it was.

            EXAMPLES:
              cat app.yaml | osm-inject > injected.yaml
              osm-inject -f app.yaml -c cluster.yaml
              osm-inject -f manifests/ -R --mesh-name osm

            EXIT STATUS:
              0  success
              1  an input or injection error (nothing is written to stdout)
              2  a usage error
            """,
        version: "osm-inject \(ToolVersion.tool) (OSM \(ToolVersion.osm))",
        subcommands: [
            InjectCommand.self, UninjectCommand.self, NamespaceCommand.self, MetricsCommand.self, ReviewCommand.self,
        ],
        defaultSubcommand: InjectCommand.self
    )

    /// Runs the command; usage errors exit with status 2 (ArgumentParser's own default is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// The versions this build reports.
enum ToolVersion {
    static let tool = "0.1.0"
    static let osm = "v1.2.4"
}
