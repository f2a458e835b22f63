import ArgumentParser

/// Where results go: stdout (default), back into the files, or only a verdict for hooks and CI.
struct OutputOptions: ParsableArguments {
    @Flag(name: [.customShort("i"), .long], help: "Rewrite each changed file in place, atomically.")
    var inPlace = false

    @Flag(help: "Write nothing; exit 1 and name each file whose content would change.")
    var check = false

    @Flag(help: "Print a unified diff of what would change; exit 1 when something would.")
    var diff = false

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("Output format: yaml or json (default: the input's own).", valueName: "format"))
    var output: OutputFormat?

    @Flag(name: .shortAndLong, help: "Print only errors and warnings on stderr, not the report.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Add to the report each check a workload passed, one indented line each.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose exclude each other") }
        if [inPlace, check, diff].filter({ $0 }).count > 1 {
            throw ValidationError("--in-place, --check and --diff exclude each other")
        }
    }
}

/// An output format.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case yaml, json
}
