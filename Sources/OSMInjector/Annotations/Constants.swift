/// The fixed names, keys, ports and paths of OSM v1.2.4's sidecar injector (`pkg/constants`, reference §1).
public enum OSMConstants {
    // MARK: Envoy ports and port names

    /// Envoy's admin port.
    public static let envoyAdminPort = 15000
    /// Name of Envoy's admin container port.
    public static let envoyAdminPortName = "proxy-admin"
    /// Envoy's outbound listener port (target of the outbound REDIRECT rule).
    public static let envoyOutboundListenerPort = 15001
    /// Name constant of Envoy's outbound listener port (not used on the container).
    public static let envoyOutboundListenerPortName = "proxy-outbound"
    /// Envoy's inbound listener port (target of the inbound REDIRECT rule).
    public static let envoyInboundListenerPort = 15003
    /// Name of Envoy's inbound listener container port.
    public static let envoyInboundListenerPortName = "proxy-inbound"
    /// Envoy's inbound Prometheus listener port.
    public static let envoyPrometheusInboundListenerPort = 15010
    /// Name of Envoy's inbound Prometheus listener container port.
    public static let envoyPrometheusInboundListenerPortName = "proxy-metrics"
    /// The Linux user id Envoy runs as.
    public static let envoyUID = 1500
    /// The Windows user name Envoy runs as.
    public static let envoyWindowsUser = "EnvoyUser"
    /// The xDS (ADS) port of the OSM controller.
    public static let adsServerPort = 15128

    // MARK: Health probes

    /// Port Envoy listens on for rewritten liveness probes.
    public static let livenessProbePort = 15901
    /// Port Envoy listens on for rewritten readiness probes.
    public static let readinessProbePort = 15902
    /// Port Envoy listens on for rewritten startup probes.
    public static let startupProbePort = 15903
    /// Port of the `osm-healthcheck` container (rewritten TCP probes).
    public static let healthcheckPort = 15904
    /// Path of rewritten liveness probes.
    public static let livenessProbePath = "/osm-liveness-probe"
    /// Path of rewritten readiness probes.
    public static let readinessProbePath = "/osm-readiness-probe"
    /// Path of rewritten startup probes.
    public static let startupProbePath = "/osm-startup-probe"
    /// Path served by the `osm-healthcheck` container.
    public static let healthcheckPath = "/osm-healthcheck"

    // MARK: Containers, volume and bootstrap Secret

    /// Name of the Envoy sidecar container.
    public static let envoyContainerName = "envoy"
    /// Name of the iptables init container.
    public static let initContainerName = "osm-init"
    /// Name of the TCP health-check helper container.
    public static let healthcheckContainerName = "osm-healthcheck"
    /// Name of the volume holding the Envoy bootstrap Secret.
    public static let envoyBootstrapConfigVolumeName = "envoy-bootstrap-config-volume"
    /// Prefix of the bootstrap Secret name (followed by the proxy UUID).
    public static let bootstrapSecretPrefix = "envoy-bootstrap-config-"
    /// Mount path of the bootstrap volume in the Envoy container.
    public static let envoyProxyConfigPath = "/etc/envoy"
    /// Bootstrap Secret key of the Envoy bootstrap configuration.
    public static let envoyBootstrapConfigFile = "bootstrap.yaml"
    /// Bootstrap Secret key of the TLS certificate SDS secret.
    public static let envoyTLSCertificateSDSSecretFile = "tls_certificate_sds_secret.yaml"
    /// Bootstrap Secret key of the validation context SDS secret.
    public static let envoyValidationContextSDSSecretFile = "validation_context_sds_secret.yaml"
    /// Bootstrap Secret key of the xDS CA certificate.
    public static let envoyXDSCACertFile = "cacert.pem"
    /// Bootstrap Secret key of the xDS client certificate.
    public static let envoyXDSCertFile = "sds_cert.pem"
    /// Bootstrap Secret key of the xDS client private key.
    public static let envoyXDSKeyFile = "sds_key.pem"
    /// Default Envoy log level when MeshConfig sets none.
    public static let defaultEnvoyLogLevel = "error"
    /// The loopback address used in the iptables rules.
    public static let localhostIPAddress = "127.0.0.1"

    // MARK: Annotations and labels

    /// Pod/namespace annotation enabling or disabling sidecar injection.
    public static let sidecarInjectionAnnotation = "openservicemesh.io/sidecar-injection"
    /// Namespace annotation enabling or disabling Prometheus metrics.
    public static let metricsAnnotation = "openservicemesh.io/metrics"
    /// Namespace label naming the mesh that monitors the namespace.
    public static let monitoredByLabel = "openservicemesh.io/monitored-by"
    /// Namespace label that makes the webhook ignore the namespace.
    public static let ignoreLabel = "openservicemesh.io/ignore"
    /// Label marking resources reconciled by OSM.
    public static let reconcileLabel = "openservicemesh.io/reconcile"
    /// Pod label carrying the proxy UUID.
    public static let envoyUniqueIDLabelName = "osm-proxy-uuid"
    /// Pod annotation listing outbound ports to exclude from interception.
    public static let outboundPortExclusionListAnnotation = "openservicemesh.io/outbound-port-exclusion-list"
    /// Pod annotation listing inbound ports to exclude from interception.
    public static let inboundPortExclusionListAnnotation = "openservicemesh.io/inbound-port-exclusion-list"
    /// Pod annotation listing outbound IP ranges to exclude from interception.
    public static let outboundIPRangeExclusionListAnnotation = "openservicemesh.io/outbound-ip-range-exclusion-list"
    /// Pod annotation listing outbound IP ranges to intercept (all others bypass the proxy).
    public static let outboundIPRangeInclusionListAnnotation = "openservicemesh.io/outbound-ip-range-inclusion-list"
    /// Pod annotation telling Prometheus to scrape the pod.
    public static let prometheusScrapeAnnotation = "prometheus.io/scrape"
    /// Pod annotation giving Prometheus the port to scrape.
    public static let prometheusPortAnnotation = "prometheus.io/port"
    /// Pod annotation giving Prometheus the path to scrape.
    public static let prometheusPathAnnotation = "prometheus.io/path"
    /// The Envoy metrics path Prometheus scrapes.
    public static let prometheusScrapePath = "/stats/prometheus"
    /// App-name label key of OSM's own resources.
    public static let appNameLabelKey = "app.kubernetes.io/name"
    /// App-name label value of OSM's own resources.
    public static let appNameLabelValue = "openservicemesh.io"
    /// App-instance label key (value: the mesh name).
    public static let appInstanceLabelKey = "app.kubernetes.io/instance"
    /// App-version label key (value: the OSM version).
    public static let appVersionLabelKey = "app.kubernetes.io/version"
    /// The `app` label key.
    public static let appLabel = "app"

    // MARK: Control plane

    /// Name of the OSM controller (service and `app` label).
    public static let osmControllerName = "osm-controller"
    /// Name of the OSM injector (service and `app` label).
    public static let osmInjectorName = "osm-injector"
    /// Port the injector webhook listens on.
    public static let injectorWebhookPort = 9090
    /// HTTP path of the pod-creation webhook.
    public static let webhookCreatePodPath = "/mutate-pod-creation"
    /// Name of the webhook entry in the MutatingWebhookConfiguration.
    public static let mutatingWebhookName = "osm-inject.k8s.io"
    /// Default trust domain (`--trust-domain`).
    public static let defaultTrustDomain = "cluster.local"
    /// Validity of internal (xDS) certificates, in hours.
    public static let certificateValidityHours = 87600
    /// The `kubernetes.io/os` value of Windows nodes.
    public static let osWindows = "windows"
    /// The `kubernetes.io/os` value of Linux nodes.
    public static let osLinux = "linux"
}
