import LosslessYAML

/// The injection pipeline over one parsed stream: reads the declared state, decides and mutates each
/// workload, and writes the stream back with untouched documents copied byte for byte.
public struct Injector: Sendable {
    public var cluster: ClusterState
    /// Whether to emit the bootstrap Secret after each injected workload.
    public var emitsBootstrapSecrets = true

    public init(cluster: ClusterState) {
        self.cluster = cluster
    }

    /// The output of one stream.
    public struct Output: Sendable {
        /// The output bytes (meaningless when `reports` holds an error).
        public var bytes: [UInt8]
        /// One entry per object, in input order.
        public var reports: [WorkloadReport]
        /// Whether any object failed.
        public var hasErrors: Bool { reports.contains { $0.isError } }
        /// The bootstrap Secrets as separate documents, in output order.
        public var secrets: [[UInt8]]
    }

    /// Injects into every workload of `stream`; Namespaces and MeshConfigs in the stream count as declared state.
    public func run(_ stream: YAMLStream) -> Output {
        var cluster = self.cluster
        var reports: [WorkloadReport] = []
        for document in stream.documents {
            do {
                try cluster.absorb(document)
            } catch {
                reports.append(WorkloadReport(kind: "", name: "", namespace: "", outcome: .failed(error),
                                              mark: error.mark ?? document.root.range.start))
            }
        }
        var writer = StreamWriter(capacity: stream.source.count + stream.source.count / 2)
        if stream.documents.isEmpty { writer.write(stream.source) }
        var secrets: [[UInt8]] = []
        var identities = IdentityCounter()
        var insertedBefore = false
        for document in stream.documents {
            var processor = DocumentProcessor(document: document, source: stream.source, cluster: cluster,
                                              emitsSecrets: emitsBootstrapSecrets)
            processor.run(identities: &identities)
            reports += processor.reports
            if insertedBefore { writer.writeSeparatorIfNeeded(before: document) }
            insertedBefore = false
            if let bytes = processor.output { writer.write(bytes) } else { writer.write(stream.bytes(of: document)) }
            for secret in processor.secrets {
                writer.writeNewDocument(secret)
                secrets.append(secret)
                insertedBefore = true
            }
        }
        return Output(bytes: writer.bytes, reports: reports, secrets: secrets)
    }
}

/// Gives each workload identity a unique name for its proxy UUID, even when a stream repeats one.
struct IdentityCounter {
    private var seen: [String: Int] = [:]

    mutating func uniqueName(namespace: String, kind: String, name: String) -> String {
        let key = "\(namespace)/\(kind)/\(name)"
        let count = seen[key, default: 0]
        seen[key] = count + 1
        return count == 0 ? name : "\(name)#\(count)"
    }
}
