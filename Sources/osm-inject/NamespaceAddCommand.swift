import ArgumentParser
import OSMInjector

/// `osm-inject namespace add NAMESPACE...`.
struct NamespaceAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add namespaces to the mesh and enable automatic sidecar injection in them.",
        discussion: """
            Labels each namespace `openservicemesh.io/monitored-by: <mesh>` and annotates it \
            `openservicemesh.io/sidecar-injection: enabled` (or `disabled`). A namespace that is ignored \
            (`openservicemesh.io/ignore: "true"`) is refused. A namespace that no file declares is added as a new \
            Namespace object to the first -c file. With --disable-sidecar-injection, a namespace already in the \
            mesh gets injection disabled too.

            EXAMPLES:
              osm-inject namespace add bookstore bookbuyer -c cluster.yaml
              osm-inject namespace add legacy --disable-sidecar-injection -c cluster.yaml
              osm-inject namespace add shop --mesh-name edge -c cluster.yaml -f apps/ -R
            """)

    @Argument(help: ArgumentHelp("The namespaces to add.", valueName: "namespace"))
    var namespaces: [String]

    @Option(help: "Name of the service mesh.")
    var meshName = "osm"

    @Flag(help: "Disable automatic sidecar injection.")
    var disableSidecarInjection = false

    @OptionGroup var files: NamespaceFileOptions

    func validate() throws {
        try files.validateWritable()
    }

    func run() throws {
        let command = NamespaceAdd(meshName: meshName, disablesSidecarInjection: disableSidecarInjection)
        try NamespaceFileRun(files: files, writes: true).execute { (session) throws(EnrolmentError) in
            try command.run(namespaces, in: &session)
        }
    }
}
