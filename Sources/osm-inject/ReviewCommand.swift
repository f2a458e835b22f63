import ArgumentParser
import Foundation
import LosslessYAML
import OSMInjector

/// `osm-inject review`: answers an AdmissionReview as osm-injector's webhook would.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Answer an admission.k8s.io/v1 AdmissionReview for a pod CREATE as OSM's webhook would.",
        discussion: """
            Reads an AdmissionReview (JSON, or YAML) from stdin or --filename and writes the AdmissionReview \
            response osm-injector v1.2.4 sends: allowed with a base64 JSON patch (gomodules jsonpatch v2.2.0's \
            CreatePatch of the original and the injected pod, keys visited in sorted order), allowed without a \
            patch when the pod gets no sidecar, or not allowed with OSM's error message. The pod is injected by \
            the same engine as the manifests, in the request's namespace; the declared state comes from --config. \
            The response is followed by a line break.

            EXAMPLES:
              osm-inject review -c cluster.yaml < review.json
              osm-inject review -c cluster.yaml -f review.yaml | jq .response.allowed
              osm-inject review -f review.json | jq -r .response.patch | base64 -d

            EXIT STATUS:
              0  a response was written (whether it allows the pod or not)
              1  no response: an empty or unreadable input, a bad --config file
              2  a usage error
            """)

    @Option(
        name: [.customShort("f"), .customLong("filename")],
        help: ArgumentHelp("The AdmissionReview file, or - for stdin.", valueName: "path"))
    var filename: String = "-"

    @OptionGroup var mesh: MeshOptions

    @Flag(name: .shortAndLong, help: "Print only errors on stderr, not the report.")
    var quiet = false

    func run() throws {
        let report = ReportPrinter(quiet: quiet)
        do {
            let cluster = try ReviewCluster.load(mesh: mesh, report: report)
            let body = try ReviewCluster.readBody(filename)
            let outcome = try AdmissionReviewer(cluster: cluster).review(body)
            FileHandle.standardOutput.write(Data((outcome.response.json + "\n").utf8))
            if !quiet {
                for line in outcome.reports.map(\.line) { report.plain("review: \(line)") }
            }
            if let message = outcome.response.message { report.plain("review: not allowed: \(message)") }
        } catch let error as ReviewInputError {
            report.plain("error: \(error.message)")
            throw ExitCode(1)
        } catch let error as CLIError {
            report.plain("error: \(error.message)")
            throw ExitCode(1)
        }
    }
}

/// The declared state and the request body of a review.
enum ReviewCluster {
    /// The cluster state from the mesh options and the `--config` files (errors printed, then exit 1).
    static func load(mesh: MeshOptions, report: ReportPrinter) throws -> ClusterState {
        var cluster = ClusterState(settings: mesh.settings(environment: [:]))
        var failed = false
        for path in mesh.configFiles {
            let file = try InputFiles.load(path, as: InputFiles.configRole)
            do {
                for document in try Parser().parse(file.bytes).documents {
                    do { try cluster.absorb(document) } catch {
                        report.error(file: file, mark: error.mark, message: error.message)
                        failed = true
                    }
                }
            } catch {
                report.error(file: file, mark: error.mark, message: error.message)
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
        return cluster
    }

    /// The request body: the file, or stdin for `-`.
    static func readBody(_ path: String) throws(CLIError) -> [UInt8] {
        if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
        return try InputFiles.load(path).bytes
    }
}
