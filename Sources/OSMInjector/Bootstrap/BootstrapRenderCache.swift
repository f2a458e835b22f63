import Foundation
import LosslessYAML
import Synchronization

/// Writes bootstrap Secrets from text rendered once and kept: byte for byte what `BootstrapSecret.yaml()` renders
/// afresh, at a small part of the cost.
///
/// The Secrets of a run differ in the workload's identity (name, namespace, `node.id`), the restore log and the
/// probe clusters and listeners; everything else repeats. Kept here, each rendered by the same emitter as the fresh
/// path: `bootstrap.yaml`'s head (`admin`, `dynamic_resources`), the text around `node.id`, the `osm-controller`
/// cluster of each xDS host and TLS setting, the cluster and listener of each probe, and the Secret's text around
/// its scalars for each set of annotation keys (the SDS files included). A Secret is put together from these, its
/// scalars written as the emitter would write them there (`Emitter.appendAsIs`) and `bootstrap.yaml`'s base64 straight
/// into the output. A Secret with certificates, an empty node ID or a scalar whose text could depend on where it
/// stands is rendered afresh.
final class BootstrapRenderCache: Sendable {
    /// Text rendered with stand-in scalars, cut where they stood: `segments.count` is one more than the holes.
    struct Template: Sendable {
        let segments: [[UInt8]]
    }

    /// What never changes: `bootstrap.yaml`'s head and the text around `node.id`.
    private struct Fixed: Sendable {
        let head: [UInt8]
        let node: Template
    }

    /// The `osm-controller` cluster's inputs.
    private struct ControllerKey: Hashable, Sendable {
        let xdsHost: String, tlsMinProtocolVersion: String, tlsMaxProtocolVersion: String
        let cipherSuites: [String], ecdhCurves: [String]
    }

    /// One probe in its slot (0 liveness, 1 readiness, 2 startup), with only what its cluster or its listener
    /// depends on (`clusterKey`, `listenerKey`).
    private struct ProbeKey: Hashable, Sendable {
        let slot: Int, probe: BootstrapProbe

        /// The cluster is `127.0.0.1:<original port>`: the path and timeout do not matter.
        var clusterKey: ProbeKey {
            ProbeKey(slot: slot, probe: BootstrapProbe(path: "", port: probe.port, kind: probe.kind))
        }

        /// The listener listens on the slot's port and routes to the slot's cluster: the original port does not matter.
        var listenerKey: ProbeKey {
            ProbeKey(
                slot: slot,
                probe: BootstrapProbe(
                    path: probe.path, port: 0, timeoutSeconds: probe.timeoutSeconds,
                    kind: probe.kind))
        }
    }

    private struct Parts: Sendable {
        var controllers: [ControllerKey: [UInt8]] = [:]
        /// Sequence items by `ProbeKey.clusterKey` and `.listenerKey` (empty for a TCP probe, which adds neither).
        var clusters: [ProbeKey: [UInt8]] = [:]
        var listeners: [ProbeKey: [UInt8]] = [:]
        /// By annotation keys, in written order.
        var secrets: [[String]: Template] = [:]
    }

    /// How many of each part are kept (all are forgotten when full): a few MB at most.
    private static let capacity = 1024

    private static let bootstrapEmitter = Emitter(policy: .goYAMLv2)
    private static let secretEmitter = Emitter()
    private static let staticResourcesLine = Array("static_resources:\n".utf8)
    private static let clustersLine = Array("  clusters:\n".utf8)
    private static let listenersLine = Array("  listeners:\n".utf8)

    /// Nil when the fixed text could not be rendered: every Secret is then rendered afresh.
    private let fixed: Fixed?
    private let parts = Mutex(Parts())

    /// An empty cache (the fixed text rendered).
    init() {
        fixed = try? Self.renderFixed()
    }

    /// The Secret's YAML text, as `secret.yaml()` renders it.
    func yaml(of secret: BootstrapSecret) throws(InjectionError) -> [UInt8] {
        if let bytes = cachedYAML(of: secret) { return bytes }
        return try secret.yaml()
    }

    /// The Secret's YAML text put together from kept parts, or nil when it must be rendered afresh.
    func cachedYAML(of secret: BootstrapSecret) -> [UInt8]? {
        guard secret.certificates == BootstrapCertificates() else { return nil }
        let annotations = secret.sortedAnnotations
        guard let template = secretTemplate(annotationKeys: annotations.map(\.key), otherFiles: secret.otherFiles),
            let bootstrap = bootstrapYAML(secret.config)
        else { return nil }
        let scalars = [secret.name, secret.namespace, secret.meshName, secret.osmVersion] + annotations.map(\.value)
        var out: [UInt8] = []
        out.reserveCapacity(
            template.segments.reduce(0) { $0 + $1.count } + bootstrap.count / 3 * 4 + 4
                + scalars.reduce(0) { $0 + $1.utf8.count + 2 } + 64)
        for (segment, scalar) in zip(template.segments, scalars) {
            out.append(contentsOf: segment)
            guard Self.secretEmitter.appendAsIs(scalar, to: &out) else { return nil }
        }
        out.append(contentsOf: template.segments[scalars.count])
        let start = out.count
        Base64.append(bootstrap, to: &out)
        guard Emitter.isEvidentlyPlain(out[start...]) else { return nil }
        out.append(contentsOf: template.segments[scalars.count + 1])
        return out
    }

    /// `bootstrap.yaml` put together from kept parts, or nil when it must be rendered afresh.
    func bootstrapYAML(_ config: BootstrapConfig) -> [UInt8]? {
        guard let fixed, !config.nodeID.isEmpty else { return nil }
        let controllerKey = ControllerKey(
            xdsHost: config.xdsHost, tlsMinProtocolVersion: config.tlsMinProtocolVersion,
            tlsMaxProtocolVersion: config.tlsMaxProtocolVersion,
            cipherSuites: config.cipherSuites, ecdhCurves: config.ecdhCurves)
        let slots = [config.probes.liveness, config.probes.readiness, config.probes.startup]
        let probeKeys = slots.enumerated().compactMap { slot, probe in probe.map { ProbeKey(slot: slot, probe: $0) } }
        var (controller, clusters, listeners) = parts.withLock { parts in
            (
                parts.controllers[controllerKey], probeKeys.map { parts.clusters[$0.clusterKey] },
                probeKeys.map { parts.listeners[$0.listenerKey] }
            )
        }
        if controller == nil {
            guard let made = Self.sequenceItem(config.controllerCluster(), under: "clusters") else { return nil }
            controller = made
            remember { $0.controllers[controllerKey] = made }
        }
        for (index, key) in probeKeys.enumerated() {
            if clusters[index] == nil {
                guard let made = Self.renderProbe(key.clusterKey, part: \.clusters, under: "clusters") else {
                    return nil
                }
                clusters[index] = made
                remember { $0.clusters[key.clusterKey] = made }
            }
            if listeners[index] == nil {
                guard let made = Self.renderProbe(key.listenerKey, part: \.listeners, under: "listeners") else {
                    return nil
                }
                listeners[index] = made
                remember { $0.listeners[key.listenerKey] = made }
            }
        }
        guard let controller else { return nil }
        let clusterItems = clusters.compactMap { $0 }, listenerItems = listeners.compactMap { $0 }

        var out: [UInt8] = []
        out.reserveCapacity(
            fixed.head.count + 256 + controller.count + clusterItems.reduce(0) { $0 + $1.count }
                + listenerItems.reduce(0) { $0 + $1.count } + 64)
        out.append(contentsOf: fixed.head)
        out.append(contentsOf: fixed.node.segments[0])
        guard Self.bootstrapEmitter.appendAsIs(config.nodeID, to: &out) else { return nil }
        out.append(contentsOf: fixed.node.segments[1])
        out.append(contentsOf: Self.staticResourcesLine)
        out.append(contentsOf: Self.clustersLine)
        out.append(contentsOf: controller)
        for item in clusterItems { out.append(contentsOf: item) }
        if listenerItems.contains(where: { !$0.isEmpty }) {
            out.append(contentsOf: Self.listenersLine)
            for item in listenerItems { out.append(contentsOf: item) }
        }
        return out
    }

    /// Adds a part, forgetting all when a kind of part is full.
    private func remember(_ add: (inout Parts) -> Void) {
        parts.withLock { parts in
            if parts.controllers.count >= Self.capacity || parts.clusters.count >= Self.capacity
                || parts.listeners.count >= Self.capacity || parts.secrets.count >= Self.capacity
            {
                parts = Parts()
            }
            add(&parts)
        }
    }

    /// The Secret's text around its scalars (name, namespace, mesh, version, each annotation's value, then the
    /// base64 of `bootstrap.yaml`), for these annotation keys; `otherFiles` gives the SDS files.
    private func secretTemplate(
        annotationKeys: [String],
        otherFiles: () throws(InjectionError) -> [(key: String, bytes: [UInt8])]
    ) -> Template? {
        if let kept = parts.withLock({ $0.secrets[annotationKeys] }) { return kept }
        let holes = 4 + annotationKeys.count + 1
        guard let files = try? otherFiles() else { return nil }
        let data = BootstrapSecret.inKeyOrder(
            [(key: OSMConstants.envoyBootstrapConfigFile, value: Self.standIn(holes - 1))]
                + files.map { (key: $0.key, value: Data($0.bytes).base64EncodedString()) }, by: \.key)
        let value = BootstrapSecret.manifest(
            name: Self.standIn(0), namespace: Self.standIn(1), meshName: Self.standIn(2), osmVersion: Self.standIn(3),
            annotations: annotationKeys.enumerated().map { (key: $1, value: Self.standIn(4 + $0)) }, data: data)
        guard let made = Self.template(value, emitter: Self.secretEmitter, holes: holes) else { return nil }
        remember { $0.secrets[annotationKeys] = made }
        return made
    }

    private static func renderFixed() throws(EmitterError) -> Fixed? {
        let head = try bootstrapEmitter.emit(
            YAMLValue.map([
                ("admin", BootstrapConfig.admin()), ("dynamic_resources", BootstrapConfig.dynamicResources()),
            ]).sortedLikeGoYAMLv2())
        guard
            let node = template(
                .map([("node", .map([("id", .string(standIn(0)))]))]), emitter: bootstrapEmitter,
                holes: 1)
        else { return nil }
        return Fixed(head: head, node: node)
    }

    /// The cluster or the listener a probe adds in its slot (`ProbeListeners.resources` of that probe alone) as a
    /// sequence item; empty when it adds none.
    private static func renderProbe(
        _ key: ProbeKey, part: KeyPath<(listeners: [YAMLValue], clusters: [YAMLValue]), [YAMLValue]>,
        under name: String
    ) -> [UInt8]? {
        var probes = BootstrapProbes()
        switch key.slot {
        case 0: probes.liveness = key.probe
        case 1: probes.readiness = key.probe
        default: probes.startup = key.probe
        }
        guard let value = ProbeListeners.resources(for: probes)[keyPath: part].first else { return [] }
        return sequenceItem(value, under: name)
    }

    /// `value` as an item of `static_resources.<key>` in `bootstrap.yaml`: the same depth, so the same text.
    private static func sequenceItem(_ value: YAMLValue, under key: String) -> [UInt8]? {
        let wrapper = YAMLValue.map([("static_resources", .map([(key, .sequence([value]))]))]).sortedLikeGoYAMLv2()
        guard let text = try? bootstrapEmitter.emit(wrapper) else { return nil }
        let prefix = staticResourcesLine + Array("  \(key):\n".utf8)
        guard text.starts(with: prefix) else { return nil }
        return Array(text.dropFirst(prefix.count))
    }

    /// `value` rendered and cut at its stand-ins `standIn(0)`, `standIn(1)`, … (each met once, in that order).
    private static func template(_ value: YAMLValue, emitter: Emitter, holes: Int) -> Template? {
        guard let text = try? emitter.emit(value) else { return nil }
        var segments: [[UInt8]] = [], rest = text[...]
        for hole in 0..<holes {
            let standIn = Array(standIn(hole).utf8)
            guard let range = rest.firstRange(of: standIn) else { return nil }
            segments.append(Array(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        segments.append(Array(rest))
        let marker = Array(standInPrefix.utf8)
        guard !segments.contains(where: { $0.firstRange(of: marker) != nil }) else { return nil }
        return Template(segments: segments)
    }

    private static let standInPrefix = "osminjectstandin"

    /// A plain scalar found nowhere else in the text.
    private static func standIn(_ hole: Int) -> String {
        standInPrefix + String(1000 + hole)
    }
}
