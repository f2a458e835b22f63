import LosslessYAML

/// The injection pipeline over one parsed stream: reads the declared state, decides and mutates each
/// workload, and writes the stream back with untouched documents copied byte for byte.
///
/// Workloads injected before are first uninjected exactly (from the restore log of their bootstrap Secret)
/// and injected afresh, so a re-run changes nothing when nothing changed, and brings the injected parts up to
/// date when the configuration did.
public struct Injector: Sendable {
    /// What a run does.
    public enum Mode: Sendable {
        case inject, uninject
    }

    public var cluster: ClusterState
    public var mode: Mode = .inject
    /// How bootstrap Secrets are written.
    public var secrets = SecretOptions()

    /// Whether to emit the bootstrap Secret of each injected workload.
    public var emitsBootstrapSecrets: Bool {
        get { secrets.emit }
        set { secrets.emit = newValue }
    }

    public init(cluster: ClusterState, mode: Mode = .inject) {
        self.cluster = cluster
        self.mode = mode
    }

    /// The output of one stream.
    public struct Output: Sendable {
        /// The output bytes (meaningless when `reports` holds an error).
        public var bytes: [UInt8]
        /// One entry per object, in input order.
        public var reports: [WorkloadReport]
        /// The bootstrap Secrets written, each as its own document text, in output order.
        public var secrets: [[UInt8]]
        /// Whether any object failed.
        public var hasErrors: Bool { reports.contains { $0.isError } }
    }

    /// Runs over every document of `stream`; Namespaces and MeshConfigs in the stream count as declared state.
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
        let secrets = BootstrapSecretIndex(stream)
        let plans = stream.documents.map { ReinjectionPlan(document: $0, secrets: secrets, defaultNamespace: cluster.settings.defaultNamespace) }
        // Undo every earlier injection first: only the Secrets of documents that could be undone are replaced.
        var undone: [Int: Result<[UInt8], InjectionError>] = [:]
        for plan in plans where mode == .inject ? plan.canUndo : plan.canUninject {
            do { undone[plan.document.index] = .success(try plan.undo(stream: stream)) } catch {
                undone[plan.document.index] = .failure(error)
            }
        }
        let consumed = Set(plans.filter { (try? undone[$0.document.index]?.get()) != nil }.flatMap(\.secretDocuments))
        var writer = StreamWriter(capacity: stream.source.count + stream.source.count / 2)
        if stream.documents.isEmpty { writer.write(stream.source) }
        var identities = IdentityCounter()
        var insertedBefore = false
        var written: [[UInt8]] = []
        for (document, plan) in zip(stream.documents, plans) {
            if consumed.contains(document.index) { continue }
            let result = process(document, plan: plan, undone: undone[document.index], stream: stream,
                                 cluster: cluster, identities: &identities)
            reports += result.reports
            if insertedBefore { writer.writeSeparatorIfNeeded(before: document) }
            insertedBefore = false
            writer.write(result.bytes)
            if self.secrets.inline {
                for secret in result.secrets {
                    writer.writeNewDocument(secret)
                    insertedBefore = true
                }
            }
            written += result.secrets
        }
        return Output(bytes: writer.bytes, reports: reports, secrets: written)
    }

    /// One document's output bytes, new Secrets and reports.
    private struct DocumentResult {
        var bytes: ArraySlice<UInt8>
        var secrets: [[UInt8]] = []
        var reports: [WorkloadReport] = []
    }

    private func process(_ document: Document, plan: ReinjectionPlan, undone: Result<[UInt8], InjectionError>?,
                         stream: YAMLStream, cluster: ClusterState, identities: inout IdentityCounter) -> DocumentResult {
        let original = stream.bytes(of: document)
        if plan.injected.isEmpty || (mode == .inject && !plan.canUndo) {
            guard mode == .inject else { return DocumentResult(bytes: original) }
            var processor = DocumentProcessor(document: document, source: stream.source, cluster: cluster,
                                              secrets: self.secrets)
            processor.run(identities: &identities)
            return DocumentResult(bytes: processor.output.map { $0[...] } ?? original, secrets: processor.secrets,
                                  reports: processor.reports)
        }
        guard mode == .inject ? plan.canUndo : plan.canUninject else {
            let error = InjectionError("cannot uninject: its bootstrap Secret is not in the input (it tells how the probes were); nothing was changed")
            return DocumentResult(bytes: original, reports: plan.injected.map { $0.report(.failed(error)) })
        }
        let restored: [UInt8]
        do {
            restored = try (undone ?? .failure(InjectionError("internal: no undo result"))).get()
        } catch {
            guard mode == .inject else {
                return DocumentResult(bytes: original, reports: plan.injected.map { $0.report(.failed(error)) })
            }
            // The injected parts were edited by hand (or copied, as `kubectl debug` does): leave them as they are.
            return DocumentResult(bytes: original, reports: plan.injected.map {
                var report = $0.report(.alreadyInjected)
                report.warnings = ["its injected parts no longer match its bootstrap Secret's restore log, so it was left as it is (\(error.message))"]
                return report
            })
        }
        if mode == .uninject {
            return DocumentResult(bytes: restored[...], reports: plan.injected.map { $0.report(.uninjected(nil)) })
        }
        return reinject(restored, original: original, plan: plan, stream: stream, cluster: cluster, identities: &identities)
    }

    /// Injects afresh into a document restored to its state before injection, and says what changed.
    private func reinject(_ undone: [UInt8], original: ArraySlice<UInt8>, plan: ReinjectionPlan, stream: YAMLStream,
                          cluster: ClusterState, identities: inout IdentityCounter) -> DocumentResult {
        guard let restored = try? Parser().parse(undone), let document = restored.documents.first,
              restored.documents.count == 1 else {
            return DocumentResult(bytes: original, reports: plan.injected.map {
                $0.report(.failed(InjectionError("internal: the uninjected document does not parse")))
            })
        }
        var processor = DocumentProcessor(document: document, source: restored.source, cluster: cluster,
                                          secrets: self.secrets)
        processor.run(identities: &identities)
        let bytes = processor.output ?? undone
        let oldSecrets = plan.secretDocuments.map { Array(stream.bytes(of: stream.documents[$0])) }
        let newSecrets = processor.secrets.map { Array("---\n".utf8) + $0 }
        let unchanged = bytes[...] == original && oldSecrets == newSecrets
        var reports = processor.reports
        for index in reports.indices where plan.injected.contains(where: { $0.matches(reports[index]) }) {
            switch reports[index].outcome {
            case .injected:
                reports[index].outcome = unchanged ? .upToDate : .updated(ChangeSummary.describe(
                    old: original, new: bytes, oldSecrets: oldSecrets, newSecrets: newSecrets))
            case .skipped(let reason):
                reports[index].outcome = .uninjected(reason)
            default:
                break
            }
        }
        return DocumentResult(bytes: bytes[...], secrets: processor.secrets, reports: reports)
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
