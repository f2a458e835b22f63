import ArgumentParser

/// The files the `namespace` and `metrics` commands read and change, named as for injection.
struct NamespaceFileOptions: ParsableArguments {
    @Option(
        name: [.customShort("f"), .customLong("filename")],
        help: ArgumentHelp(
            "A manifest file or directory whose Namespaces (and, for metrics, injected pods) count (repeatable).",
            valueName: "path"))
    var filenames: [String] = []

    @Flag(name: [.customShort("R"), .long], help: "Read directories recursively.")
    var recursive = false

    @Option(
        name: [.short, .customLong("config")],
        help: ArgumentHelp(
            "The declared cluster state (repeatable); `namespace add` puts new Namespaces in the first one.",
            valueName: "file"))
    var configFiles: [String] = []

    /// Checks that a command that writes has files to write, and no stdin.
    func validateWritable() throws {
        if filenames.isEmpty && configFiles.isEmpty {
            throw ValidationError("Name the files that declare the namespaces with -c/--config or -f/--filename.")
        }
        if filenames.contains("-") {
            throw ValidationError("This command rewrites its files: stdin (-f -) cannot be used.")
        }
    }
}
