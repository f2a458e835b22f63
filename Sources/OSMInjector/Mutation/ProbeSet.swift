/// One probe as it was before the rewrite: what the bootstrap needs to route to it.
public struct OriginalProbe: Sendable, Equatable {
    public var path: String
    public var port: Int
    public var timeoutSeconds: Int
    /// An httpGet probe with scheme HTTP or none.
    public var isHTTP: Bool
    /// A tcpSocket probe (converted to the healthcheck).
    public var isTCPSocket: Bool

    public init(path: String, port: Int, timeoutSeconds: Int, isHTTP: Bool, isTCPSocket: Bool) {
        self.path = path
        self.port = port
        self.timeoutSeconds = timeoutSeconds
        self.isHTTP = isHTTP
        self.isTCPSocket = isTCPSocket
    }
}

/// v1.2.4's `models.HealthProbes`: one probe per kind, the last container that has one wins.
public struct ProbeSet: Sendable, Equatable {
    public var liveness: OriginalProbe?
    public var readiness: OriginalProbe?
    public var startup: OriginalProbe?

    public init(liveness: OriginalProbe? = nil, readiness: OriginalProbe? = nil, startup: OriginalProbe? = nil) {
        self.liveness = liveness
        self.readiness = readiness
        self.startup = startup
    }

    /// The probe of `kind`.
    public subscript(kind: ProbeKind) -> OriginalProbe? {
        get {
            switch kind {
            case .liveness: return liveness
            case .readiness: return readiness
            case .startup: return startup
            }
        }
        set {
            switch kind {
            case .liveness: liveness = newValue
            case .readiness: readiness = newValue
            case .startup: startup = newValue
            }
        }
    }

    /// True when a kept probe was a TCP probe: then v1.2.4 adds the healthcheck container.
    public var usesTCP: Bool {
        [liveness, readiness, startup].contains { $0?.isTCPSocket == true }
    }
}
