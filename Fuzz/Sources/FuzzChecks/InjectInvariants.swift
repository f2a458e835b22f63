import LosslessYAML
import OSMInjector

/// The invariants of the whole pipeline on arbitrary bytes: parse, inject with every namespace in the mesh and
/// injection enabled, write; then re-parse, re-inject and uninject.
///
/// 1. Nothing crashes (a trap here is what libFuzzer reports).
/// 2. Every output of a successful run parses again, with as many documents as input documents plus Secrets.
/// 3. Documents no workload was injected into come out byte for byte, in order.
/// 4. `inject(inject(x)) == inject(x)`, without errors.
/// 5. `uninject(inject(x)) == x` when `x` holds no earlier injection; else `== uninject(x)`.
public enum InjectInvariants {
    /// Checks every invariant on `data`; throws the first one broken. Inputs that do not parse, or whose
    /// injection reports an error (a workload the webhook would refuse), pass: errors are correct results.
    public static func check(_ data: [UInt8]) throws(FuzzFailure) {
        guard let stream = try? Parser().parse(data) else { return }
        // Metrics on for about half the inputs (by length), so that the Prometheus annotations are exercised too.
        let cluster = everyNamespaceEnabled(stream, metrics: data.count % 2 == 1)

        let first = Injector(cluster: cluster).run(stream)
        guard !first.hasErrors else { return }

        let injected: YAMLStream
        do {
            injected = try Parser().parse(first.bytes)
        } catch {
            throw FuzzFailure(
                "the injected output does not parse (\(error)): \(excerpt(first.bytes, limit: 2_000))",
                before: data, after: first.bytes)
        }
        try checkUntouchedDocuments(stream, first)

        let second = Injector(cluster: cluster).run(injected)
        if second.hasErrors {
            throw FuzzFailure(
                "a second injection fails: \(second.reports.filter(\.isError).map(\.line).prefix(3))",
                before: data, after: first.bytes)
        }
        if second.bytes != first.bytes {
            throw FuzzFailure(
                "inject(inject(x)) != inject(x), \(firstDifference(second.bytes, first.bytes))",
                before: first.bytes, after: second.bytes)
        }

        let before = Injector(cluster: cluster, mode: .uninject).run(stream)
        guard !before.hasErrors else { return }
        let expected = before.bytes
        let undone = Injector(cluster: cluster, mode: .uninject).run(injected)
        if undone.hasErrors {
            throw FuzzFailure(
                "uninject(inject(x)) fails: \(undone.reports.filter(\.isError).map(\.line).prefix(3))",
                before: data, after: first.bytes)
        }
        if undone.bytes != expected {
            let what = expected == data ? "uninject(inject(x)) != x" : "uninject(inject(x)) != uninject(x)"
            throw FuzzFailure("\(what), \(firstDifference(undone.bytes, expected))", before: data, after: first.bytes)
        }
    }

    /// Documents that hold no injected, updated or uninjected workload appear in the output byte for byte and in
    /// input order. Documents injected before are left out (a re-injection reports positions in the restored
    /// document, not in the input), and so are bootstrap Secrets, which a re-injection replaces.
    static func checkUntouchedDocuments(_ stream: YAMLStream, _ output: Injector.Output) throws(FuzzFailure) {
        let changedMarks = output.reports.filter { report in
            switch report.outcome {
            case .injected, .updated, .uninjected: return true
            default: return false
            }
        }.map(\.mark.offset)
        var cursor = 0
        for document in stream.documents {
            let range = document.range.bytes
            if changedMarks.contains(where: { range.contains($0) || ($0 == range.lowerBound && range.isEmpty) }) {
                continue
            }
            if isBootstrapSecret(document) { continue }
            let bytes = Array(stream.bytes(of: document))
            guard !bytes.isEmpty else { continue }
            if find(volumeName, in: bytes, from: 0) != nil { continue }
            guard let found = find(bytes, in: output.bytes, from: cursor) else {
                throw FuzzFailure(
                    "untouched document \(document.index) is not in the output byte for byte: \(excerpt(bytes))")
            }
            cursor = found + bytes.count
        }
    }

    /// The bootstrap volume's name, which every injected pod template carries.
    private static let volumeName = Array(OSMConstants.envoyBootstrapConfigVolumeName.utf8)

    /// Whether `document` is a Secret named like a bootstrap Secret.
    private static func isBootstrapSecret(_ document: Document) -> Bool {
        let object = ObjectView(document: document)
        guard (try? object.string("kind")) == "Secret",
            let name = (try? object.mapping("metadata")?.string("name")) ?? nil
        else { return false }
        return name.hasPrefix(OSMConstants.bootstrapSecretPrefix)
    }

    /// The offset of the first occurrence of `needle` in `haystack` at or after `start`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= haystack.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// A cluster in which every namespace the stream names (and `default`) is monitored by the mesh with
    /// injection (and, when `metrics`, Prometheus metrics) enabled.
    public static func everyNamespaceEnabled(_ stream: YAMLStream, metrics: Bool = false) -> ClusterState {
        let settings = InjectorSettings()
        var cluster = ClusterState(settings: settings)
        var names: Set<String> = [settings.defaultNamespace]
        for document in stream.documents {
            collectNamespaces(ObjectView(document: document), depth: 0, into: &names)
        }
        for name in names {
            cluster.namespaces[name] = NamespaceInfo(
                name: name, labels: [OSMConstants.monitoredByLabel: settings.meshName],
                annotations: metrics
                    ? [OSMConstants.sidecarInjectionAnnotation: "enabled", OSMConstants.metricsAnnotation: "enabled"]
                    : [OSMConstants.sidecarInjectionAnnotation: "enabled"])
        }
        return cluster
    }

    /// Adds the namespaces `object` (and the items of a List) name, a few levels deep.
    private static func collectNamespaces(_ object: ObjectView, depth: Int, into names: inout Set<String>) {
        guard depth < 8, object.node.pairs != nil else { return }
        if let metadata = try? object.mapping("metadata"), let ns = try? metadata.string("namespace") {
            names.insert(ns)
        }
        if let items = try? object.sequence("items") {
            for item in items { collectNamespaces(item, depth: depth + 1, into: &names) }
        }
    }
}
