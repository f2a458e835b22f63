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
              osm-inject -c cluster.yaml -f apps/ -R --in-place
              osm-inject -c cluster.yaml -f apps/ -R --check
              osm-inject -c cluster.yaml -f deploy.yaml --diff
              osm-inject -c cluster.yaml -f deploy.json -o yaml
              osm-inject -c cluster.yaml -f deploy.yaml -v
            """)

    @OptionGroup var inputs: InputOptions
    @OptionGroup var mesh: MeshOptions
    @OptionGroup var modes: OutputOptions

    @Flag(help: "Do not write the envoy bootstrap Secrets.")
    var noBootstrapSecrets = false

    @Option(
        help: ArgumentHelp(
            "Write the bootstrap Secrets to this file instead of the output (for sealed-secrets or SOPS).",
            valueName: "file"))
    var secretsOut: String?

    @Option(
        help: ArgumentHelp(
            "The mesh CA certificate (PEM, e.g. ca.crt of the osm-ca-bundle Secret): sign an xDS certificate for each Secret.",
            valueName: "file"))
    var caCert: String?

    @Option(help: ArgumentHelp("The mesh CA's private key (PEM, PKCS#8), with --ca-cert.", valueName: "file"))
    var caKey: String?

    func validate() throws {
        if (caCert == nil) != (caKey == nil) { throw ValidationError("--ca-cert and --ca-key go together") }
        if noBootstrapSecrets && (secretsOut != nil || caCert != nil) {
            throw ValidationError("--no-bootstrap-secrets excludes --secrets-out and --ca-cert")
        }
    }

    func run() throws {
        var options = SecretOptions()
        options.emit = !noBootstrapSecrets
        options.inline = secretsOut == nil
        options.notBefore = Date()
        let report = ReportPrinter(quiet: modes.quiet, verbose: modes.verbose, dryRun: modes.check || modes.diff)
        if let caCert, let caKey {
            do {
                let cert = try InputFiles.load(caCert, as: "CA certificate (--ca-cert)"),
                    key = try InputFiles.load(caKey, as: "CA key (--ca-key)")
                options.issuer = try CertificateIssuer(
                    caCertificatePEM: String(decoding: cert.bytes, as: UTF8.self),
                    caKeyPEM: String(decoding: key.bytes, as: UTF8.self))
            } catch let error as CLIError {
                report.plain("error: \(error.message)")
                throw ExitCode(1)
            } catch let error as InjectionError {
                report.plain("error: \(caCert): \(error.message)")
                throw ExitCode(1)
            }
        }
        let run = FileRun(inputs: inputs, mesh: mesh, modes: modes, report: report)
        let makeInjector = { (cluster: ClusterState) -> Injector in
            var injector = Injector(cluster: cluster)
            injector.secrets = options
            return injector
        }
        let verbose = modes.verbose
        // The passed checks are replayed on the parsed stream, so a verbose run takes the in-memory path.
        try run.execute(
            afterOutput: { (outcomes) throws(CLIError) in
                if let secretsOut { try SecretsFile.write(outcomes.flatMap(\.secrets), to: secretsOut) }
            }, streaming: verbose ? nil : makeInjector
        ) { stream, cluster in
            let injector = makeInjector(cluster)
            let output = injector.run(stream)
            return verbose ? injector.addingPassedChecks(to: output, of: stream) : output
        }
    }
}

/// The file `--secrets-out` names.
enum SecretsFile {
    /// Writes the Secrets as one stream, atomically (an existing file is replaced, a new one created).
    static func write(_ secrets: [[UInt8]], to path: String) throws(CLIError) {
        var writer = StreamWriter()
        for secret in secrets { writer.writeNewDocument(secret) }
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw CLIError("\(path): cannot create the file")
            }
        }
        try AtomicFileWriter.replace([(path, writer.bytes)])
    }
}
