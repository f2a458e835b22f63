import ArgumentParser
import OSMInjector

/// The options of `metrics enable` and `metrics disable`, and the run they share.
struct MetricsSwitchOptions: ParsableArguments {
    @Option(
        name: .customLong("namespace"),
        help: ArgumentHelp(
            "One or more namespaces, comma-separated or repeated.", valueName: "namespace[,namespace...]"))
    var namespaces: [String] = []

    @OptionGroup var files: NamespaceFileOptions

    /// The namespaces as cobra's string slice reads them: every value split at commas.
    var namespaceList: [String] {
        namespaces.flatMap {
            $0.isEmpty ? [] : $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    func run(enables: Bool) throws {
        let names = namespaceList
        try NamespaceFileRun(files: files, writes: true).execute { (session) throws(EnrolmentError) in
            try MetricsSwitch(enables: enables).run(names, in: &session)
        }
    }
}
