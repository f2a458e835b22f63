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

    @Flag(help: "Do not write the envoy bootstrap Secrets.")
    var noBootstrapSecrets = false

    @Flag(name: .shortAndLong, help: "Print only errors and warnings on stderr, not the report.")
    var quiet = false

    func run() throws {
        let report = ReportPrinter(quiet: quiet)
        do {
            let environment = ProcessInfo.processInfo.environment
            var cluster = ClusterState(settings: mesh.settings(environment: environment))
            let configs = try mesh.configFiles.map { (path) throws(CLIError) -> InputFile in try InputFiles.load(path) }
            let files = try InputFiles.read(inputs.all, recursive: inputs.recursive)
            var parsed: [(InputFile, YAMLStream)] = []
            var failed = false
            for file in configs + files {
                do {
                    let stream = try Parser().parse(file.bytes)
                    parsed.append((file, stream))
                } catch {
                    report.error(file: file, mark: error.mark, message: error.message)
                    failed = true
                }
            }
            guard !failed else { throw ExitCode(1) }
            for (file, stream) in parsed {
                for document in stream.documents {
                    do { try cluster.absorb(document) } catch {
                        report.error(file: file, mark: error.mark, message: error.message)
                        failed = true
                    }
                }
            }
            guard !failed else { throw ExitCode(1) }
            var injector = Injector(cluster: cluster)
            injector.emitsBootstrapSecrets = !noBootstrapSecrets
            var output: [UInt8] = []
            for (file, stream) in parsed.dropFirst(configs.count) {
                let result = injector.run(stream)
                report.workloads(result.reports, file: file)
                failed = failed || result.hasErrors
                OutputJoiner.append(result.bytes, startsExplicitly: stream.documents.first?.hasExplicitStart ?? true,
                                    to: &output)
            }
            guard !failed else { throw ExitCode(1) }
            FileHandle.standardOutput.write(Data(output))
            report.flush()
        } catch let error as CLIError {
            report.plain("error: \(error.message)")
            throw ExitCode(1)
        }
    }
}

/// Joins the outputs of several files into one stream on stdout.
enum OutputJoiner {
    static func append(_ bytes: [UInt8], startsExplicitly: Bool, to output: inout [UInt8]) {
        if !output.isEmpty, !bytes.isEmpty {
            if output.last != 0x0A { output.append(0x0A) }
            if !startsExplicitly { output.append(contentsOf: Array("---\n".utf8)) }
        }
        output.append(contentsOf: bytes)
    }
}
