import ArgumentParser

/// Where manifests come from, kubectl style.
struct InputOptions: ParsableArguments {
    @Option(
        name: [.customShort("f"), .customLong("filename")],
        help: ArgumentHelp(
            "A manifest file, a directory, or - for stdin (repeatable).", valueName: "path"))
    var filenames: [String] = []

    @Flag(name: [.customShort("R"), .long], help: "Read directories recursively.")
    var recursive = false

    @Argument(help: ArgumentHelp("Manifest files or directories.", valueName: "path"))
    var paths: [String] = []

    /// Every input named, in order; stdin when none is.
    var all: [String] {
        let named = filenames + paths
        return named.isEmpty ? ["-"] : named
    }
}
