import ArgumentParser
import Foundation
import LosslessYAML
import OSMInjector

/// `osm-inject inject`: the default command.
struct InjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inject",
        abstract: "Inject sidecars into the workloads of the given manifests (the default command).",
        discussion: """
            EXAMPLES:
              osm-inject -f deploy.yaml -c cluster.yaml > deploy.injected.yaml
              helm template app ./chart | osm-inject -c cluster.yaml
            """)

    @OptionGroup var inputs: InputOptions
    @OptionGroup var mesh: MeshOptions
    @OptionGroup var modes: OutputOptions

    @Flag(help: "Do not write the envoy bootstrap Secrets.")
    var noBootstrapSecrets = false

    func run() throws {
        let run = FileRun(inputs: inputs, mesh: mesh, modes: modes, report: ReportPrinter(quiet: modes.quiet))
        try run.execute { stream, cluster in
            var injector = Injector(cluster: cluster)
            injector.emitsBootstrapSecrets = !noBootstrapSecrets
            return injector.run(stream)
        }
    }
}
