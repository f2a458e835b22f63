import ArgumentParser
import OSMInjector

/// `osm-inject metrics`: OSM's `osm metrics` commands, acting on files.
struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Switch Prometheus metrics scraping per namespace (osm metrics).",
        discussion: """
            Like OSM v1.2.4's `osm metrics enable|disable`, on the Namespace objects of the files and on the pod \
            templates in them that already have a sidecar (label `osm-proxy-uuid`).

            EXAMPLES:
              osm-inject metrics enable --namespace shop -c cluster.yaml -f apps/ -R
              osm-inject metrics disable --namespace shop -c cluster.yaml -f apps/ -R
            """,
        subcommands: [MetricsEnableCommand.self, MetricsDisableCommand.self]
    )
}

/// `osm-inject metrics enable --namespace NS[,NS...]`.
struct MetricsEnableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enable",
        abstract: "Enable metrics scraping in namespaces of a mesh.",
        discussion: """
            Annotates each namespace `openservicemesh.io/metrics: enabled`, so that pods injected from now on get \
            the Prometheus annotations, and gives the already-injected pod templates of the namespace the \
            annotations `prometheus.io/scrape: "true"`, `prometheus.io/port: "15010"` and \
            `prometheus.io/path: /stats/prometheus`.

            EXAMPLES:
              osm-inject metrics enable --namespace shop,web -c cluster.yaml -f apps/ -R
              osm-inject metrics enable --namespace shop --namespace web -c cluster.yaml
            """)

    @OptionGroup var switches: MetricsSwitchOptions

    func validate() throws {
        try switches.files.validateWritable()
    }

    func run() throws {
        try switches.run(enables: true)
    }
}

/// `osm-inject metrics disable --namespace NS[,NS...]`.
struct MetricsDisableCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable",
        abstract: "Disable metrics scraping in namespaces of a mesh.",
        discussion: """
            Removes the annotation `openservicemesh.io/metrics` of each namespace and the three Prometheus \
            annotations of its already-injected pod templates.

            EXAMPLES:
              osm-inject metrics disable --namespace shop -c cluster.yaml -f apps/ -R
              osm-inject metrics disable --namespace shop,web -c cluster.yaml
            """)

    @OptionGroup var switches: MetricsSwitchOptions

    func validate() throws {
        try switches.files.validateWritable()
    }

    func run() throws {
        try switches.run(enables: false)
    }
}
