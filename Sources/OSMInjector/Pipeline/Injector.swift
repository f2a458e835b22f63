import LosslessYAML
import ThreadedPipeline

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
    /// Whether a key written twice in a workload the run reads is an error (a review's object, which Go's JSON
    /// decoder reads with the last value winning, is not checked).
    public var refusesDuplicateKeys = true

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
        /// The bootstrap Secrets written, each as its own document text, in output order (`runStreaming` keeps
        /// only those not written into the output).
        public var secrets: [[UInt8]]
        /// Whether any object failed.
        public var hasErrors: Bool { reports.contains { $0.isError } }
    }

    /// Runs over every document of `stream`; Namespaces and MeshConfigs in the stream count as declared state.
    public func run(_ stream: YAMLStream) -> Output {
        var survey = StreamSurvey(cluster: cluster)
        for document in stream.documents { survey.add(document) }
        var context = StreamContext(survey: survey, mode: mode, source: stream.source)
        for document in stream.documents { context.keepEarlySecrets(of: document, injector: self) }
        var pass = StreamPass(injector: self, context: context)
        var writer = StreamWriter(capacity: stream.source.count + stream.source.count / 2)
        if stream.documents.isEmpty { writer.write(stream.source) }
        for document in stream.documents { pass.process(document, into: &writer) }
        return Output(bytes: writer.bytes, reports: survey.failures + pass.reports, secrets: pass.secrets)
    }

    /// The same run in bounded memory: a first pass learns the declared state from the parts of the source
    /// that can hold it, then the writing pass parses the source a batch of documents at a time, injects on
    /// `workers` threads and hands the output to `flush` in order, as it is made. `Output.bytes` is empty; on an
    /// error the caller discards what it was given.
    public func runStreaming(
        _ source: [UInt8], parser: Parser = Parser(), workers: Int = WorkerCount.perCore,
        flush: ([UInt8]) -> Void
    ) throws(YAMLError) -> Output {
        // The writing pass reads the stream in chunks on every core when the bytes say where documents start
        // (found on another core while this one surveys); otherwise one thread reads it ahead.
        let pendingChunks = BackgroundValue { DocumentStarts.chunks(of: source) }
        let scan = StreamPreScan(source)
        var survey = StreamSurvey(cluster: cluster)
        if !SurveyReading.survey(source, scan: scan, parser: parser, into: &survey) {
            try parser.forEachDocument(in: source, filter: TreeNeeds.surveyPass(scan)) { survey.add($0) }
        }
        let chunks = pendingChunks.value
        let writeFilter = TreeNeeds.writePass(scan, mode: mode, cluster: survey.cluster)
        let batches = DocumentBatches.of(source, chunks: chunks, parser: parser, filter: writeFilter)
        defer { (batches as? ThreadedStage)?.cancel() }
        var context = StreamContext(survey: survey, mode: mode, source: source)
        // A third reading, only when a Secret stands before a workload it may have to stay with.
        if mode == .inject, !context.early.isEmpty {
            try parser.forEachDocument(in: source, filter: TreeNeeds.writePass) {
                context.keepEarlySecrets(of: $0, injector: self)
            }
        }
        var pass = StreamPass(injector: self, context: context)
        pass.keepsInlineSecrets = false
        // Then the documents are injected on every core, and written here in order.
        let preparing = pass
        let prepared = OrderedParallelMap(batches, workers: workers) { document in
            (document, preparing.workAhead(on: document))
        }
        defer { prepared.cancel() }
        var writer = StreamWriter()
        var documents = 0
        do throws(BatchFailure<YAMLError>) {
            try prepared.forEach { document, ahead in
                documents += 1
                pass.process(document, ahead: ahead, into: &writer)
                flush(writer.drain())
            }
        } catch {
            guard let chunks, chunks.indices.contains(error.index) else { throw error.error }
            // A chunk read on its own failed: the whole stream, read from its start, gives the error exactly as
            // it stands (or, should it read, the rest of the documents).
            let resume = chunks[error.index].firstIndex
            try parser.forEachDocument(in: source, filter: writeFilter) { document in
                guard document.index >= resume else { return }
                documents += 1
                pass.process(document, into: &writer)
                flush(writer.drain())
            }
        }
        if documents == 0 { flush(source) }
        return Output(bytes: [], reports: survey.failures + pass.reports, secrets: pass.secrets)
    }

    /// One document's output bytes, new Secrets and reports.
    struct DocumentResult: Sendable {
        var bytes: ArraySlice<UInt8>
        var secrets: [[UInt8]] = []
        var reports: [WorkloadReport] = []
        /// The document was left as it was: its old Secrets stay.
        var keepsSecrets = false
    }

    /// One document: injected, re-injected, uninjected or left as it was, as `mode` and `plan` say.
    /// No new Secret may take the name of one of the stream's left-overs (`context.leftOvers`).
    func process(
        _ document: Document, plan: ReinjectionPlan, undone: Result<[UInt8], InjectionError>?,
        context: StreamContext, identities: inout IdentityCounter
    ) -> DocumentResult {
        let original = context.source[document.range.bytes]
        if let failures = plan.duplicateSecretErrors() { return DocumentResult(bytes: original, reports: failures) }
        if plan.injected.isEmpty || (mode == .inject && !plan.canUndo) {
            guard mode == .inject else { return DocumentResult(bytes: original) }
            var processor = DocumentProcessor(
                document: document, source: context.source, cluster: context.cluster,
                secrets: self.secrets)
            processor.leftOvers = context.leftOvers
            processor.checksDuplicateKeys = refusesDuplicateKeys
            let visits = plan.defaultNamespace == context.cluster.settings.defaultNamespace ? plan.visits : nil
            processor.run(identities: &identities, visits: visits)
            return DocumentResult(
                bytes: processor.output.map { $0[...] } ?? original, secrets: processor.secrets,
                reports: Self.markingCopies(processor.reports, plan: plan))
        }
        guard mode == .inject ? plan.canUndo : plan.canUninject else {
            return DocumentResult(
                bytes: original, reports: plan.injected.map { $0.report(.failed(plan.uninjectError(of: $0))) })
        }
        // The document is undone whole: every workload of it is read, where its positions are the file's.
        if refusesDuplicateKeys, let failure = Self.duplicateKeyFailure(in: plan.visits, cluster: context.cluster) {
            return DocumentResult(bytes: original, reports: [failure])
        }
        let restored: [UInt8]
        do {
            restored = try (undone ?? .failure(InjectionError("internal: no undo result"))).get()
        } catch {
            guard mode == .inject else {
                return DocumentResult(bytes: original, reports: plan.injected.map { $0.report(.failed(error)) })
            }
            // The injected parts were edited by hand (or copied, as `kubectl debug` does): leave them as they are.
            return leftAsItWas(original, plan: plan, because: error.message)
        }
        if mode == .uninject {
            return DocumentResult(bytes: restored[...], reports: plan.injected.map { $0.report(.uninjected(nil)) })
        }
        return reinject(restored, original: original, plan: plan, context: context, identities: &identities)
    }

    /// Injects afresh into a document restored to its state before injection, and says what changed.
    private func reinject(
        _ undone: [UInt8], original: ArraySlice<UInt8>, plan: ReinjectionPlan,
        context: StreamContext, identities: inout IdentityCounter
    ) -> DocumentResult {
        guard let restored = try? Parser().parse(undone), let document = restored.documents.first,
            restored.documents.count == 1
        else {
            return DocumentResult(
                bytes: original,
                reports: plan.injected.map {
                    $0.report(.failed(InjectionError("internal: the uninjected document does not parse")))
                })
        }
        var processor = DocumentProcessor(
            document: document, source: restored.source, cluster: context.cluster,
            secrets: self.secrets)
        processor.leftOvers = context.leftOvers
        processor.checksDuplicateKeys = false
        var counted = identities
        processor.run(identities: &counted)
        // An injected part repeated by hand survives the undo: the log does not describe the document.
        if processor.reports.contains(where: { $0.outcome == .alreadyInjected }) {
            return leftAsItWas(original, plan: plan, because: "an injected part is still there after undoing them")
        }
        identities = counted
        let bytes = processor.output ?? undone
        let oldSecrets = plan.secretDocuments.map { Array(context.source[$0.bytes]) }
        let newSecrets = processor.secrets
        // Secrets compare by value: an old one may stand in JSON, inside a List.
        let secretsChanged = oldSecrets.map(Self.secretValue) != newSecrets.map(Self.secretValue)
        let unchanged = bytes[...] == original && !secretsChanged
        var reports = processor.reports
        for index in reports.indices where plan.injected.contains(where: { $0.matches(reports[index]) }) {
            switch reports[index].outcome {
            case .injected:
                reports[index].outcome =
                    unchanged
                    ? .upToDate
                    : .updated(
                        ChangeSummary.describe(
                            old: original, new: bytes, secretsChanged: secretsChanged))
            case .skipped(let reason):
                reports[index].outcome = .uninjected(reason)
            default:
                break
            }
        }
        return DocumentResult(bytes: bytes[...], secrets: processor.secrets, reports: reports)
    }

    /// A document whose injected parts no longer match their restore log: kept as it is, with its Secrets.
    private func leftAsItWas(_ original: ArraySlice<UInt8>, plan: ReinjectionPlan, because reason: String)
        -> DocumentResult
    {
        DocumentResult(
            bytes: original,
            reports: plan.injected.map {
                var report = $0.report(.leftAsItWas)
                report.warnings = [WorkloadWarning.restoreLogMismatch(reason)]
                return report
            }, keepsSecrets: true)
    }
}

extension Injector {
    /// The report of the first workload of `visits` with a key written twice, nil when there is none. Only the
    /// workloads a fresh injection reads are checked (those with a template in a namespace the webhook sees),
    /// and the injected ones, which the undo edits: a second run checks what the first did.
    static func duplicateKeyFailure(in visits: [WorkloadWalker.Visit], cluster: ClusterState) -> WorkloadReport? {
        for visit in visits {
            guard case .workload(let workload) = visit, let template = workload.template, workload.templateError == nil,
                InjectionDecision.namespaceSkip(workload.namespace, cluster: cluster) == nil
                    || WorkloadWalker.bootstrapSecretName(of: template) != nil
            else { continue }
            do {
                try workload.object.refuseDuplicateKeys()
            } catch {
                return WorkloadReport(
                    kind: workload.kind, name: workload.name, namespace: workload.namespace,
                    outcome: .failed(error), mark: workload.object.node.range.start)
            }
        }
        return nil
    }

    /// `reports` with each workload that names another workload's Secret (a copy) reported as left as it was.
    static func markingCopies(_ reports: [WorkloadReport], plan: ReinjectionPlan) -> [WorkloadReport] {
        let copies = plan.injected.filter(\.copied)
        guard !copies.isEmpty else { return reports }
        return reports.map { report in
            guard report.outcome == .alreadyInjected, let copy = copies.first(where: { $0.matches(report) }) else {
                return report
            }
            var marked = report
            marked.outcome = .leftAsItWas
            marked.warnings.append(WorkloadWarning.secretOfAnotherWorkload(copy.secretName))
            return marked
        }
    }

    /// A Secret's value, for comparing an old Secret with a new one whatever their formatting.
    static func secretValue(_ bytes: [UInt8]) -> YAMLValue? {
        guard let stream = try? Parser().parse(bytes), let document = stream.documents.first(where: { !$0.root.isNull })
        else {
            return nil
        }
        return try? ValueConverter(document: document).value(of: document.root)
    }
}
