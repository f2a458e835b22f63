import LosslessYAML

/// Rewrites the health probes of a pod's app containers as v1.2.4's `rewriteHealthProbes` does, through
/// byte-preserving edits, and records the original probes for the bootstrap.
enum ProbeRewriter {
    /// Rewrites every container's probes; returns the kept original of each kind (the last one wins).
    static func rewrite(_ containers: [ContainerView], editor: inout RecordingEditor) throws(InjectionError) -> ProbeSet
    {
        var probes = ProbeSet()
        for container in containers {
            for kind in ProbeKind.allCases {
                guard let probe = try container.probe(kind),
                    let original = try rewrite(probe, kind: kind, in: container, editor: &editor)
                else { continue }
                probes[kind] = original
            }
        }
        return probes
    }

    private static func rewrite(
        _ probe: ObjectView, kind: ProbeKind, in container: ContainerView,
        editor: inout RecordingEditor
    ) throws(InjectionError) -> OriginalProbe? {
        let timeout = try probe.int("timeoutSeconds") ?? 0
        if let http = try probe.mapping("httpGet") {
            let scheme = try http.string("scheme") ?? ""
            let isHTTP = scheme.isEmpty || scheme == "HTTP"
            let path = try http.string("path") ?? ""
            let port = resolve(try http.intOrString("port"), in: container)
            if isHTTP { try editor.set("path", to: .string(kind.osmPath), in: http) }
            try editor.set("port", to: .int(kind.osmPort), in: http)
            return OriginalProbe(path: path, port: port, timeoutSeconds: timeout, isHTTP: isHTTP, isTCPSocket: false)
        }
        if let tcp = try probe.mapping("tcpSocket") {
            let port = resolve(try tcp.intOrString("port"), in: container)
            let httpGet: YAMLValue = .map([
                ("path", .string(OSMConstants.healthcheckPath)),
                ("port", .int(OSMConstants.healthcheckPort)),
                (
                    "httpHeaders",
                    .sequence([.map([("name", .string("Original-Tcp-Port")), ("value", .string(String(port)))])])
                ),
            ])
            try editor.replacePair("tcpSocket", in: probe, withKey: "httpGet", value: httpGet)
            return OriginalProbe(path: "", port: port, timeoutSeconds: timeout, isHTTP: false, isTCPSocket: true)
        }
        return nil
    }

    /// v1.2.4 `getPort`: the number (a numeric string counts), else the same container's port of that name, else 0.
    static func resolve(_ port: IntOrString?, in container: ContainerView) -> Int {
        let name: String
        switch port {
        case .int(let n):
            if n != 0 { return n }
            name = "0"
        case .string(let s):
            if let n = GoStrconv.atoi(s), n != 0, n >= Int(Int32.min), n <= Int(Int32.max) { return n }
            name = s
        case nil:
            name = "0"
        }
        return container.ports.first { !$0.name.isEmpty && $0.name == name }?.containerPort ?? 0
    }
}

extension ProbeKind {
    /// The shared path v1.2.4 rewrites HTTP probes of this kind to.
    var osmPath: String {
        switch self {
        case .liveness: return OSMConstants.livenessProbePath
        case .readiness: return OSMConstants.readinessProbePath
        case .startup: return OSMConstants.startupProbePath
        }
    }

    /// The envoy port serving probes of this kind.
    var osmPort: Int {
        switch self {
        case .liveness: return OSMConstants.livenessProbePort
        case .readiness: return OSMConstants.readinessProbePort
        case .startup: return OSMConstants.startupProbePort
        }
    }
}
