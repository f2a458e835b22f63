import LosslessYAML

/// Runs the engine on one item (with the bootstrap Secret items it names) and turns the outcome into byte
/// edits of the list: the edited item in place, the Secrets it consumed removed, the new ones inserted after it
/// (each with a file of its own: `fileAnnotations`).
struct KRMPlacement {
    let items: [KRMItem]
    let list: ResourceList
    let keepsSecrets: Bool
    /// Bootstrap Secret items by name.
    private let secretItems: [String: [Int]]
    private let lineBreak: [UInt8]
    private let isJSON: Bool
    private var claimed: Set<Int> = []
    /// The file indexes given to new items so far, by path.
    private var allocated: [String: Set<Int>] = [:]

    init(items: [KRMItem], list: ResourceList, keepsSecrets: Bool) {
        self.items = items
        self.list = list
        self.keepsSecrets = keepsSecrets
        var secrets: [String: [Int]] = [:]
        for (index, item) in items.enumerated() where item.isBootstrapSecret {
            secrets[item.name, default: []].append(index)
        }
        secretItems = secrets
        let source = list.stream.source
        lineBreak =
            source.indices.contains { $0 > 0 && source[$0] == 0x0A && source[$0 - 1] == 0x0D } ? [0x0D, 0x0A] : [0x0A]
        isJSON =
            items.first?.slice.isFlow == true
            && items.first?.document?.root.pairs?.first?.key.scalar?.style == .doubleQuoted
    }

    /// Processes item `index`; returns its results.
    mutating func process(
        _ index: Int, cluster: ClusterState, transform: KRMFunction.Transform,
        into splicer: inout ByteSplicer
    ) -> [KRMResult] {
        let item = items[index]
        guard let document = item.document else { return [] }
        let secrets = secretsNamed(by: document, namespace: cluster.settings.defaultNamespace)
        var text = item.slice.text
        for secret in secrets { text += Array("---\n".utf8) + KRMItemText.engineForm(items[secret].slice) }
        let stream: YAMLStream
        do { stream = try Parser().parse(text) } catch {
            return [
                KRMResult(
                    message: "internal: \(error.message)", severity: .error, resourceRef: item.ref, file: item.file)
            ]
        }
        let output = transform(stream, cluster)
        var results = self.results(for: output.reports, of: item, in: stream)
        do {
            try place(output, of: index, secrets: secrets, into: &splicer)
        } catch {
            results.append(KRMResult(message: error.message, severity: .error, resourceRef: item.ref, file: item.file))
        }
        return results
    }

    /// The bootstrap Secret items the injected workloads of `document` name, each claimed once.
    private mutating func secretsNamed(by document: Document, namespace: String) -> [Int] {
        var found: [Int] = []
        for visit in WorkloadWalker.visit(document, defaultNamespace: namespace) {
            guard case .workload(let workload) = visit, let template = workload.template,
                let name = WorkloadWalker.bootstrapSecretName(of: template),
                let candidates = secretItems[name]?.filter({ !claimed.contains($0) }), !candidates.isEmpty
            else { continue }
            let match = candidates.first { (items[$0].namespace ?? namespace) == workload.namespace } ?? candidates[0]
            claimed.insert(match)
            found.append(match)
        }
        return found
    }

    /// The results of the engine's reports, each with its object's `apiVersion` and declared namespace.
    private func results(for reports: [WorkloadReport], of item: KRMItem, in stream: YAMLStream) -> [KRMResult] {
        var objects: [Int: (apiVersion: String, namespace: String?)] = [:]
        if let document = stream.documents.first {
            for visit in WorkloadWalker.visit(document, defaultNamespace: "") {
                guard case .workload(let workload) = visit else { continue }
                let apiVersion = ((try? workload.object.string("apiVersion")) ?? nil) ?? ""
                let namespace = workload.namespace.isEmpty ? nil : workload.namespace
                objects[workload.object.node.range.start.offset] = (apiVersion, namespace)
            }
        }
        return reports.flatMap { report -> [KRMResult] in
            let object = objects[report.mark.offset]
            let fallback = report.kind == item.kind && report.name == item.name
            return KRMResult.results(
                for: report, apiVersion: object?.apiVersion ?? (fallback ? item.apiVersion : ""),
                namespace: object?.namespace ?? (fallback ? item.namespace : nil), file: item.file)
        }
    }

    /// Turns the engine's output for item `index` into splices.
    private mutating func place(
        _ output: Injector.Output, of index: Int, secrets: [Int],
        into splicer: inout ByteSplicer
    ) throws(InjectionError) {
        guard !output.hasErrors else { return }
        let item = items[index]
        let source = list.stream.source
        let written: YAMLStream
        do { written = try Parser().parse(output.bytes) } catch {
            throw InjectionError("internal: the engine's output does not parse: \(error.message)")
        }
        let documents = written.documents
        let kept = documents.count - 1 - output.secrets.count
        guard let first = documents.first, kept == 0 || kept == secrets.count else {
            throw InjectionError("internal: the engine's output does not match its input")
        }
        guard let edited = item.slice.restore(written.bytes(of: first)) else {
            throw InjectionError("internal: the edited item cannot be put back in place")
        }
        if edited[...] != source[item.slice.region] { splicer.replace(item.slice.region, with: edited) }
        if kept == 0 && !secrets.isEmpty {
            // Secrets the engine writes again byte for byte stay where they are, with their own annotations.
            let old = secrets.map { KRMItemText.engineForm(items[$0].slice) }
            if keepsSecrets && Set(old) == Set(output.secrets.map(Self.endingWithLineBreak)) { return }
            for secret in secrets { splicer.replace(try removalRange(of: secret), with: []) }
        }
        guard keepsSecrets else { return }
        var insertion = item.slice.region.upperBound
        var prefix: [UInt8] = []
        if !item.slice.isFlow, insertion > 0, source[insertion - 1] != 0x0A { prefix = lineBreak }
        if item.slice.isFlow { insertion = item.slice.node.range.end.offset }
        for secret in output.secrets {
            let annotated = try KRMItemText.annotate(
                secret, with: fileAnnotations(for: secret, of: item, replacing: secrets))
            if item.slice.isFlow {
                let separator =
                    multiLineFlow
                    ? Array(",".utf8) + lineBreak + [UInt8](repeating: 0x20, count: item.slice.column)
                    : Array(", ".utf8)
                splicer.insert(separator + (try KRMItemText.flowItem(annotated, json: isJSON)), at: insertion)
            } else {
                splicer.insert(
                    prefix
                        + KRMItemText.blockItem(
                            annotated, dashColumn: item.slice.dashColumn,
                            column: item.slice.column, lineBreak: lineBreak), at: insertion)
                prefix = []
            }
        }
    }

    /// The path and index annotations of a new bootstrap Secret item. kpt and kustomize write each item to
    /// the file its path names, at its index, and refuse two items at one place; so a Secret gets a file of its
    /// own beside its workload's, named as kyaml names a generated resource (`secret_<name>.yaml`), at the
    /// first index no other item of that file holds (0, unless the user put something there). The Secret
    /// items it replaces (`replacing`) leave that place free.
    private mutating func fileAnnotations(
        for secret: [UInt8], of item: KRMItem,
        replacing: [Int]
    ) -> [(String, String)] {
        guard let workloadPath = item.path else {
            return item.annotationsForNewItem(path: "", index: 0).filter {
                $0.0 == "internal.config.kubernetes.io/seqindent"
            }
        }
        let folder = workloadPath.lastIndex(of: "/").map { String(workloadPath[...$0]) } ?? ""
        let path = folder + "secret_" + (KRMItemText.name(of: secret) ?? "envoy-bootstrap-config") + ".yaml"
        var taken = allocated[path] ?? []
        for (index, other) in items.enumerated() where other.path == path && !replacing.contains(index) {
            if let position = other.index { taken.insert(position) }
        }
        let index = (0...).first { !taken.contains($0) } ?? 0
        allocated[path, default: []].insert(index)
        return item.annotationsForNewItem(path: path, index: index)
    }

    private static func endingWithLineBreak(_ text: [UInt8]) -> [UInt8] {
        text.last == 0x0A ? text : text + [0x0A]
    }

    /// Whether a flow list puts its items on lines of their own.
    private var multiLineFlow: Bool {
        guard let list = self.list.items, let first = list.items?.first else { return false }
        return first.range.start.line != list.range.start.line
    }

    /// The bytes to delete to take item `index` out of the list.
    private func removalRange(of index: Int) throws(InjectionError) -> Range<Int> {
        let slice = items[index].slice
        let source = list.stream.source
        if !slice.isFlow {
            var dash = slice.region.lowerBound
            while dash > 0, source[dash - 1] != UInt8(ascii: "-") { dash -= 1 }
            let start = SourceLines.lineStart(of: max(0, dash - 1), in: source)
            return start..<slice.region.upperBound
        }
        let nodes = list.items?.items ?? []
        if index > 0 { return nodes[index - 1].range.end.offset..<slice.region.upperBound }
        guard nodes.count > 1 else { throw InjectionError("internal: cannot remove the only item of a flow list") }
        return slice.region.lowerBound..<nodes[1].range.start.offset
    }
}
