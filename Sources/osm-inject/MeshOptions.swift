import ArgumentParser
import OSMInjector

/// The declared cluster state and the injector deployment's settings.
struct MeshOptions: ParsableArguments {
    @Option(
        name: [.short, .customLong("config")],
        help: ArgumentHelp(
            "Declared cluster state: a YAML stream of MeshConfig and Namespace objects (repeatable).", valueName: "file"
        ))
    var configFiles: [String] = []

    @Option(help: "The mesh name the namespaces must be monitored by.")
    var meshName: String = "osm"

    @Option(
        help: ArgumentHelp(
            "The OSM control-plane namespace (default: the MeshConfig's namespace, else osm-system).",
            valueName: "namespace"))
    var osmNamespace: String?

    @Option(name: .shortAndLong, help: "The namespace of workloads that name none (default: default).")
    var namespace: String?

    @Option(help: "The trust domain of the xDS certificate's common name.")
    var trustDomain: String = "cluster.local"

    @Option(help: "The envoy image used when the MeshConfig sets none.")
    var envoyImage: String = InjectorSettings().defaultEnvoyImage

    @Option(help: "The Windows envoy image used when the MeshConfig sets none.")
    var envoyWindowsImage: String = InjectorSettings().defaultEnvoyWindowsImage

    @Option(help: "The osm-init image used when the MeshConfig sets none.")
    var initContainerImage: String = InjectorSettings().defaultInitContainerImage

    @Option(help: "The osm-healthcheck image.")
    var healthcheckImage: String = InjectorSettings().defaultHealthcheckImage

    @Option(help: "The pull policy of the osm-init and osm-healthcheck containers (empty leaves it out).")
    var containerPullPolicy: String = "IfNotPresent"

    /// The settings these options describe.
    func settings(environment: [String: String]) -> InjectorSettings {
        var s = InjectorSettings()
        s.meshName = meshName
        s.osmNamespace = osmNamespace
        s.trustDomain = trustDomain
        s.defaultEnvoyImage = envoyImage
        s.defaultEnvoyWindowsImage = envoyWindowsImage
        s.defaultInitContainerImage = initContainerImage
        s.defaultHealthcheckImage = healthcheckImage
        s.containerPullPolicy = containerPullPolicy
        s.defaultNamespace =
            namespace ?? environment["ARGOCD_APP_NAMESPACE"].flatMap { $0.isEmpty ? nil : $0 } ?? "default"
        return s
    }
}
