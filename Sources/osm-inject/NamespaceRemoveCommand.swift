import ArgumentParser
import OSMInjector

/// `osm-inject namespace remove NAMESPACE`.
struct NamespaceRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a namespace from the mesh.",
        discussion: """
            Removes the labels `openservicemesh.io/monitored-by` and `openservicemesh.io/ignore` and the \
            annotations `openservicemesh.io/sidecar-injection` and `openservicemesh.io/metrics` of the namespace, \
            as OSM does. A namespace monitored by another mesh is an error.

            EXAMPLES:
              osm-inject namespace remove bookstore -c cluster.yaml
              osm-inject namespace remove shop --mesh-name edge -c cluster.yaml -f apps/ -R
            """)

    @Argument(help: ArgumentHelp("The namespace to remove.", valueName: "namespace"))
    var namespace: String

    @Option(help: "Name of the service mesh.")
    var meshName = "osm"

    @OptionGroup var files: NamespaceFileOptions

    func validate() throws {
        try files.validateWritable()
    }

    func run() throws {
        let command = NamespaceRemove(meshName: meshName)
        try NamespaceFileRun(files: files, writes: true).execute { (session) throws(EnrolmentError) in
            try command.run(namespace, in: &session)
        }
    }
}
