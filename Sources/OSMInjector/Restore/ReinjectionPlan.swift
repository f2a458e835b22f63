import LosslessYAML

/// The injected workloads of one document and the bootstrap Secrets that can undo them.
struct ReinjectionPlan {
    /// One injected workload.
    struct Injected {
        var kind: String
        var name: String
        var namespace: String
        var mark: Mark
        var secretName: String
        var log: RestoreLog?
        /// The template, for an uninject without a log.
        var template: ObjectView
        var bootstrap: WebhookUninjector.BootstrapProbes?
        /// Its Secret is in the stream but belongs to another workload (this one is a copy).
        var copied = false
        /// Where the Secrets of its Secret's name start, when the stream holds more than one.
        var duplicates: [Mark] = []

        func report(_ outcome: WorkloadReport.Outcome) -> WorkloadReport {
            WorkloadReport(kind: kind, name: name, namespace: namespace, outcome: outcome, mark: mark)
        }

        func matches(_ report: WorkloadReport) -> Bool {
            report.kind == kind && report.name == name && report.namespace == namespace
        }
    }

    let document: Document
    /// The document's objects as `WorkloadWalker` visits them with `defaultNamespace`, for an injection to reuse.
    let visits: [WorkloadWalker.Visit]
    let defaultNamespace: String
    private(set) var injected: [Injected] = []
    /// The Secrets of `injected` found in the stream: their names and bytes, in workload order.
    private(set) var secretDocuments: [(name: String, bytes: Range<Int>)] = []

    /// `owners` gives the workload (by its start offset) each Secret with a restore log belongs to; for any
    /// other workload naming it, the Secret counts as absent.
    init(document: Document, secrets: BootstrapSecretIndex, owners: SecretOwners, defaultNamespace: String) {
        self.document = document
        self.defaultNamespace = defaultNamespace
        visits = WorkloadWalker.visit(document, defaultNamespace: defaultNamespace)
        for visit in visits {
            guard case .workload(let workload) = visit, let template = workload.template,
                let secretName = WorkloadWalker.bootstrapSecretName(of: template)
            else { continue }
            let owned = owners.allows(secretName, workloadAt: workload.object.node.range.start.offset)
            let entry = owned ? secrets[secretName] : nil
            injected.append(
                Injected(
                    kind: workload.kind, name: workload.name, namespace: workload.namespace,
                    mark: workload.object.node.range.start, secretName: secretName, log: entry?.log,
                    template: template, bootstrap: entry?.bootstrap,
                    copied: entry == nil && secrets[secretName] != nil,
                    duplicates: (secrets.marks[secretName] ?? []).count > 1 ? secrets.marks[secretName] ?? [] : []))
            if let entry, entry.log != nil || entry.bootstrap != nil {
                secretDocuments.append((secretName, entry.bytes))
            }
        }
    }

    /// True when every injected workload of the document has its restore log (an exact undo).
    var canUndo: Bool { !injected.isEmpty && injected.allSatisfy { $0.log != nil } }

    /// True when every injected workload can at least be uninjected: from its log, or from a webhook's Secret.
    var canUninject: Bool { !injected.isEmpty && injected.allSatisfy { $0.log != nil || $0.bootstrap != nil } }

    /// The error of each workload of a document in which one names a bootstrap Secret standing more than once in
    /// the stream (which one describes it is unknown), at the second Secret; nil when there is none.
    func duplicateSecretErrors() -> [WorkloadReport]? {
        guard let first = injected.first(where: { $0.duplicates.count > 1 }),
            let second = first.duplicates.dropFirst().first
        else {
            return nil
        }
        return injected.map { workload in
            guard let mark = workload.duplicates.dropFirst().first else {
                return workload.report(.failed(.neighbourSecretRepeated(first.report(.noKind).subject, at: second)))
            }
            let places = workload.duplicates.map { "\($0.line):\($0.column)" }.joined(separator: " and ")
            return workload.report(
                .failed(
                    .secretRepeated(workload.secretName, count: workload.duplicates.count, places: places, at: mark)))
        }
    }

    /// Why `workload` cannot be uninjected: its own Secret is missing or another's, or (a document is undone
    /// whole) another workload of the document cannot be, which the error points at.
    func uninjectError(of workload: Injected) -> InjectionError {
        if workload.copied {
            return .uninjectCopiedSecret(workload.secretName)
        }
        guard workload.log != nil || workload.bootstrap != nil,
            let other = injected.first(where: { $0.log == nil && $0.bootstrap == nil })
        else {
            return .uninjectWithoutSecret
        }
        let subject = other.report(.noKind).subject
        let why =
            other.copied
            ? "names its bootstrap Secret \"\(other.secretName)\" but is not described by it (a copy?)"
            : "has no bootstrap Secret in the input"
        return .uninjectBlockedByNeighbour(subject, because: why, at: other.mark)
    }

    /// The document's bytes with every injection undone.
    func undo(source: [UInt8]) throws(InjectionError) -> [UInt8] {
        var editor = DocumentEditor(source: source, document: document)
        let root = ObjectView(document: document)
        for workload in injected {
            if let log = workload.log {
                try Uninjector.undo(log, root: root, editor: &editor)
            } else if let bootstrap = workload.bootstrap {
                try WebhookUninjector.undo(template: workload.template, bootstrap: bootstrap, editor: &editor)
            }
        }
        var bytes: [UInt8]
        do {
            bytes = try editor.output()
        } catch {
            throw InjectionError("cannot uninject: \(error.message)", at: document.root.range.start)
        }
        // Bytes adjusted at the end go back first (last first, so that earlier offsets hold), then the line
        // break the injection added.
        let adjustments = injected.flatMap { $0.log?.adjustments ?? [] }.sorted { $0.offset > $1.offset }
        for adjustment in adjustments {
            let adjusted = Array(adjustment.adjusted.utf8)
            let at = adjustment.offset
            guard at >= 0, at + adjusted.count <= bytes.count, bytes[at..<at + adjusted.count].elementsEqual(adjusted)
            else {
                throw InjectionError(
                    "cannot uninject: the end of the document is not as the injection left it "
                        + "(changed by hand?); nothing was changed", at: document.root.range.start)
            }
            bytes.replaceSubrange(at..<at + adjusted.count, with: Array(adjustment.original.utf8))
        }
        if injected.contains(where: { $0.log?.addedFinalLineBreak == true }) {
            bytes.removeLast(LineBreaks.trailingLength(bytes))
        }
        try requireUndone(bytes)
        return bytes
    }

    /// Fails when a workload of the undone bytes still names a bootstrap Secret: a log that no longer describes
    /// the workload (edited by hand) leaves it half injected, and its Secret, dropped with the undo, could not
    /// undo it later.
    private func requireUndone(_ bytes: [UInt8]) throws(InjectionError) {
        guard let undone = try? Parser().parse(bytes) else { return }
        for document in undone.documents {
            for visit in WorkloadWalker.visit(document, defaultNamespace: "") {
                guard case .workload(let workload) = visit, let template = workload.template,
                    WorkloadWalker.bootstrapSecretName(of: template) != nil
                else { continue }
                let mark = injected.first { $0.kind == workload.kind && $0.name == workload.name }?.mark
                throw InjectionError(
                    "cannot uninject: its bootstrap volume is still there after undoing its restore log "
                        + "(the log or the workload was changed by hand); nothing was changed",
                    at: mark ?? document.root.range.start)
            }
        }
    }
}
