import LosslessYAML

/// The KRM function (kpt, kustomize): injects into the `items` of a ResourceList with the same engine as the
/// manifests, puts each new bootstrap Secret into `items` right after its workload (with its workload's file
/// annotations), and reports every outcome in `results`. Everything else keeps its bytes, the annotations of
/// the orchestrators included.
///
/// Each item runs through the engine as a document of its own, together with the bootstrap Secret items its
/// injected workloads name, so that re-running the function on its own output updates or keeps them exactly
/// as the manifest path does with Secret documents.
public struct KRMFunction: Sendable {
    /// The declared state from the command line (settings, `--config` files).
    public var cluster: ClusterState

    public init(cluster: ClusterState) {
        self.cluster = cluster
    }

    /// Runs the engine over one stream (the command's own transformation: inject or uninject).
    public typealias Transform = (YAMLStream, ClusterState) -> Injector.Output

    /// The output ResourceList and its results.
    public struct Output: Sendable {
        public var bytes: [UInt8]
        public var results: [KRMResult]
        /// True when a result is an error: the function then exits 1 (and leaves `items` as they were).
        public var hasErrors: Bool { results.contains { $0.severity == .error } }
    }

    /// Runs the function over `list`; `results` come first in the output (errors found before, such as a bad
    /// `--config` file).
    public func run(_ list: ResourceList, results initial: [KRMResult] = [], transform: Transform) -> Output {
        var results = initial
        let source = list.stream.source
        let isFlow = list.items?.collectionStyle == .flow
        let items = (list.items?.items ?? []).map {
            KRMItem(slice: ItemSlice(node: $0, isFlow: isFlow, source: source))
        }
        var cluster = self.cluster
        var config = FunctionConfig()
        do {
            config = try FunctionConfig(list.functionConfig)
        } catch {
            results.append(KRMResult(message: "functionConfig: \(error.message)", severity: .error))
        }
        for item in items {
            guard let document = item.document else {
                results.append(
                    KRMResult(
                        message: "internal: the item does not parse on its own", severity: .error,
                        resourceRef: item.ref, file: item.file))
                continue
            }
            do { try cluster.absorb(document) } catch {
                results.append(
                    KRMResult(message: error.message, severity: .error, resourceRef: item.ref, file: item.file))
            }
        }
        config.apply(to: &cluster)
        guard !results.contains(where: { $0.severity == .error }) else { return finish(list, nil, results) }

        var splicer = ByteSplicer()
        var placement = KRMPlacement(items: items, list: list, keepsSecrets: config.bootstrapSecrets ?? true)
        for index in items.indices where !items[index].isBootstrapSecret {
            results += placement.process(index, cluster: cluster, transform: transform, into: &splicer)
        }
        guard !results.contains(where: { $0.severity == .error }) else { return finish(list, nil, results) }
        guard let spliced = splicer.apply(to: source) else {
            results.append(KRMResult(message: "internal: the edits of the items overlap", severity: .error))
            return finish(list, nil, results)
        }
        return finish(list, spliced, results)
    }

    /// The output: the (edited) list with `results` added, or the input unchanged with them on any error.
    private func finish(_ list: ResourceList, _ edited: [UInt8]?, _ results: [KRMResult]) -> Output {
        let base = edited ?? list.stream.source
        guard !results.isEmpty else { return Output(bytes: base, results: results) }
        do {
            return Output(bytes: try KRMResultsWriter.add(results, to: base), results: results)
        } catch {
            var all = results
            all.append(KRMResult(message: "internal: cannot write the results: \(error.message)", severity: .error))
            return Output(bytes: list.stream.source, results: all)
        }
    }
}
