/// What the osm-injector deployment supplies besides the MeshConfig: its flags and environment, with the
/// OSM v1.2.4 Helm chart's defaults.
public struct InjectorSettings: Sendable, Equatable {
    public var meshName = "osm"
    /// The OSM control-plane namespace; nil means the MeshConfig's own namespace, else `osm-system`.
    public var osmNamespace: String?
    public var trustDomain = "cluster.local"
    /// `OSM_DEFAULT_ENVOY_IMAGE`.
    public var defaultEnvoyImage =
        "envoyproxy/envoy-distroless:v1.22.2@sha256:541d31419b95e3c62d8cc0967db9cdb4ad2782cc08faa6f15f04c081200e324a"
    /// `OSM_DEFAULT_ENVOY_WINDOWS_IMAGE`.
    public var defaultEnvoyWindowsImage =
        "envoyproxy/envoy-windows:v1.22.1@sha256:92733f8e5beae5c45df204a0e13edbd29e99adf962d1b1c7869b197d85c64bd0"
    /// `OSM_DEFAULT_INIT_CONTAINER_IMAGE`.
    public var defaultInitContainerImage =
        "openservicemesh/init@sha256:d290df023e305b3a76c8b22fd0a3cfcc7504377e97bfdfeb256b1ca9c4d59d68"
    /// `OSM_DEFAULT_HEALTHCHECK_CONTAINER_IMAGE`.
    public var defaultHealthcheckImage =
        "openservicemesh/osm-healthcheck@sha256:d5a9ad914a7279c52316ee968b97715b0dc854d77cf02a2b68389bb46f656b6f"
    /// `--osm-container-pull-policy` (empty leaves the field out).
    public var containerPullPolicy = "IfNotPresent"
    /// The injector's version, written into the bootstrap Secret's labels.
    public var osmVersion = "v1.2.4"
    /// The namespace of workloads that name none.
    public var defaultNamespace = "default"

    public init() {}
}
