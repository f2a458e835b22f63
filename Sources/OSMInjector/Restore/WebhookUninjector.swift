import Foundation
import LosslessYAML

/// Removes a sidecar that OSM's webhook itself injected (a pod as `kubectl get pod -o yaml` prints it), from
/// what the pod and its bootstrap Secret tell: the added label, volume and containers go, and each rewritten
/// probe gets back the path and port the Secret's `bootstrap.yaml` routes it to.
enum WebhookUninjector {
    /// The original probes v1.2.4's bootstrap routes to, per probe kind: the path (nil when none) and port.
    struct BootstrapProbes {
        var probes: [ProbeKind: (path: String?, port: Int)] = [:]

        /// Reads them from a Secret's base64 `bootstrap.yaml`.
        init?(base64: String) {
            guard let data = Data(base64Encoded: base64), let stream = try? Parser().parse(Array(data)),
                let document = stream.documents.first,
                let value = try? ValueConverter(document: document).value(of: document.root)
            else { return nil }
            let resources = value["static_resources"]
            for kind in ProbeKind.allCases {
                guard case .sequence(let clusters)? = resources?["clusters"],
                    let cluster = clusters.first(where: { $0["name"] == .string("\(kind.rawValue)_cluster") }),
                    case .int(let port)? = Self.firstPort(in: cluster)
                else { continue }
                var path: String?
                if case .sequence(let listeners)? = resources?["listeners"],
                    let listener = listeners.first(where: { $0["name"] == .string("\(kind.rawValue)_listener") })
                {
                    path = Self.prefixRewrite(in: listener)
                }
                probes[kind] = (path, port)
            }
        }

        private static func firstPort(in cluster: YAMLValue) -> YAMLValue? {
            guard case .sequence(let endpoints)? = cluster["load_assignment"]?["endpoints"],
                case .sequence(let lb)? = endpoints.first?["lb_endpoints"]
            else { return nil }
            return lb.first?["endpoint"]?["address"]?["socket_address"]?["port_value"]
        }

        private static func prefixRewrite(in listener: YAMLValue) -> String? {
            guard case .sequence(let chains)? = listener["filter_chains"] else { return nil }
            for chain in chains {
                guard case .sequence(let filters)? = chain["filters"] else { continue }
                for filter in filters {
                    guard case .sequence(let hosts)? = filter["typed_config"]?["route_config"]?["virtual_hosts"] else {
                        continue
                    }
                    for host in hosts {
                        guard case .sequence(let routes)? = host["routes"] else { continue }
                        if case .string(let path)? = routes.first?["route"]?["prefix_rewrite"] { return path }
                    }
                }
            }
            return nil
        }
    }

    /// Edits `template` (a pod) back to its state before the webhook, as far as the pod and Secret tell.
    static func undo(template: ObjectView, bootstrap: BootstrapProbes, editor: inout DocumentEditor)
        throws(InjectionError)
    {
        do throws(EditError) {
            if let labels = try? template.mapping("metadata")?.mapping("labels"),
                labels.node.pair(OSMConstants.envoyUniqueIDLabelName) != nil
            {
                try editor.removePair(OSMConstants.envoyUniqueIDLabelName, from: labels.node)
            }
            guard let spec = try? template.mapping("spec") else { return }
            try removeItems(
                named: [OSMConstants.envoyBootstrapConfigVolumeName], key: "volumes", in: spec, editor: &editor)
            try removeItems(named: [OSMConstants.initContainerName], key: "initContainers", in: spec, editor: &editor)
            try removeItems(
                named: [OSMConstants.envoyContainerName, OSMConstants.healthcheckContainerName],
                key: "containers", in: spec, editor: &editor)
            for container in (try? spec.sequence("containers")) ?? [] {
                for kind in ProbeKind.allCases {
                    guard let probe = try? container.mapping(kind.field), let http = try? probe.mapping("httpGet")
                    else { continue }
                    try restore(probe: probe, http: http, kind: kind, bootstrap: bootstrap, editor: &editor)
                }
            }
        } catch {
            throw InjectionError("cannot uninject: \(error.message)", at: error.mark)
        }
    }

    private static func restore(
        probe: ObjectView, http: ObjectView, kind: ProbeKind, bootstrap: BootstrapProbes,
        editor: inout DocumentEditor
    ) throws(EditError) {
        let path = (try? http.string("path")) ?? nil
        if path == OSMConstants.healthcheckPath,
            case .int(OSMConstants.healthcheckPort)? = try? http.intOrString("port")
        {
            let header = ((try? http.sequence("httpHeaders")) ?? [])
                .first { (try? $0.string("name")) == "Original-Tcp-Port" }
            let original = ((try? header?.string("value")) ?? nil).flatMap { Int($0) } ?? 0
            try editor.replacePair(
                "httpGet", in: probe.node, withKey: "tcpSocket", value: .map([("port", .int(original))]))
            return
        }
        guard case .int(kind.osmPort)? = try? http.intOrString("port"), let original = bootstrap.probes[kind] else {
            return
        }
        try editor.set("port", to: .int(original.port), in: http.node)
        if path == kind.osmPath {
            if let originalPath = original.path {
                try editor.set("path", to: .string(originalPath), in: http.node)
            } else {
                try editor.removePair("path", from: http.node)
            }
        }
    }

    /// Removes the items with these names; the key goes too when nothing else is left.
    private static func removeItems(
        named names: [String], key: String, in spec: ObjectView,
        editor: inout DocumentEditor
    ) throws(EditError) {
        guard let list = try? spec.field(key), let items = list.node.items else { return }
        let doomed = items.indices.filter { index in
            names.contains(spec.document.resolve(items[index])["name"]?.scalar?.value ?? "")
        }
        guard !doomed.isEmpty else { return }
        if doomed.count == items.count {
            try editor.removePair(key, from: spec.node)
            return
        }
        for index in doomed.reversed() { try editor.removeItem(at: index, from: list.node) }
    }
}
