import ArgumentParser

/// `osm-inject namespace` (alias `ns`): OSM's `osm namespace` commands, acting on the Namespace objects of files.
struct NamespaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "namespace",
        abstract: "Manage the mesh membership of the namespaces declared in files (osm namespace).",
        discussion: """
            Like OSM v1.2.4's `osm namespace` commands, with the same checks and messages, but on the Namespace \
            objects of the files named with -c/--config and -f/--filename (plain objects or items of a List) \
            instead of a cluster. Only the labels and annotations concerned change; every other byte of the \
            files stays as it was. A command that fails changes no file.

            EXAMPLES:
              osm-inject namespace add bookstore -c cluster.yaml
              osm-inject ns list -c cluster.yaml
            """,
        subcommands: [
            NamespaceAddCommand.self, NamespaceRemoveCommand.self, NamespaceIgnoreCommand.self,
            NamespaceListCommand.self,
        ],
        aliases: ["ns"]
    )
}
