import ArgumentParser
import OSMInjector

/// `osm-inject uninject`: removes what an injection added, exactly.
struct UninjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninject",
        abstract: "Remove injected sidecars: the result is byte for byte the manifest before injection.",
        discussion: """
            Removes everything osm-inject added (label, annotations, volume, init container, containers), restores \
            every rewritten probe, and drops the bootstrap Secret documents. The restore log travels in each bootstrap \
            Secret, so the Secret must be in the input; without it the workload is an error and nothing changes.

            EXAMPLES:
              osm-inject uninject -f injected.yaml > original.yaml
              osm-inject uninject --in-place -f deploy/ -R
              osm-inject uninject --check -f deploy/ -R
              osm-inject uninject -f injected.yaml --diff
            """)

    @OptionGroup var inputs: InputOptions
    @OptionGroup var mesh: MeshOptions
    @OptionGroup var modes: OutputOptions

    func run() throws {
        let report = ReportPrinter(quiet: modes.quiet, verbose: modes.verbose, dryRun: modes.check || modes.diff)
        let run = FileRun(inputs: inputs, mesh: mesh, modes: modes, report: report)
        let verbose = modes.verbose
        try run.execute { stream, cluster in
            let injector = Injector(cluster: cluster, mode: .uninject)
            let output = injector.run(stream)
            return verbose ? injector.addingPassedChecks(to: output, of: stream) : output
        }
    }
}
