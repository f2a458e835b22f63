import ArgumentParser
import Foundation
import OSMInjector

/// `osm-inject namespace list [MESH]`.
struct NamespaceListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the namespaces of the meshes, with their sidecar injection setting.",
        discussion: """
            Prints OSM's table of the declared namespaces that a mesh monitors (the given one, or any). Reads \
            stdin when no file is named.

            EXAMPLES:
              osm-inject namespace list -c cluster.yaml -f manifests/ -R
              osm-inject namespace list osm -c cluster.yaml
              kubectl get namespaces -o yaml | osm-inject namespace list
            """)

    @Argument(help: ArgumentHelp("The mesh to list (overrides --mesh-name).", valueName: "mesh"))
    var mesh: String?

    @Option(help: "Name of the service mesh to list the namespaces of (default: all meshes).")
    var meshName = ""

    @OptionGroup var files: NamespaceFileOptions

    func run() throws {
        let meshName = mesh ?? self.meshName
        try NamespaceFileRun(files: files, writes: false).execute { (session) throws(EnrolmentError) in
            FileHandle.standardOutput.write(
                Data(NamespaceListing.render(session.allNamespaces, meshName: meshName).utf8))
        }
    }
}
