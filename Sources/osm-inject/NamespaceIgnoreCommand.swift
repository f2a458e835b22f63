import ArgumentParser
import OSMInjector

/// `osm-inject namespace ignore NAMESPACE...`.
struct NamespaceIgnoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ignore",
        abstract: "Keep namespaces out of the mesh: no sidecar injection in them.",
        discussion: """
            Labels each namespace `openservicemesh.io/ignore: "true"`. Sidecars already in the files stay.

            EXAMPLES:
              osm-inject namespace ignore kube-tools -c cluster.yaml
              osm-inject namespace ignore monitoring logging -c cluster.yaml -f infra/ -R
            """)

    @Argument(help: ArgumentHelp("The namespaces to ignore.", valueName: "namespace"))
    var namespaces: [String]

    @OptionGroup var files: NamespaceFileOptions

    func validate() throws {
        try files.validateWritable()
    }

    func run() throws {
        try NamespaceFileRun(files: files, writes: true).execute { (session) throws(EnrolmentError) in
            try NamespaceIgnore().run(namespaces, in: &session)
        }
    }
}
