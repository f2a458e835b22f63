import LosslessYAML

/// The second pass of a run: one document at a time, in order, with the bootstrap Secrets of the input dropped
/// where re-injection replaces them (a new one follows its workload) and kept, byte for byte, where not.
struct StreamPass {
    let injector: Injector
    let survey: StreamSurvey
    let source: [UInt8]
    /// The workload each logged Secret belongs to (see `StreamSurvey.secretOwners`).
    let owners: [String: Int]
    /// Secrets that stand before their workload and are replaced (their workload is undone and not left as it was).
    let replacedEarly: Set<String>
    /// The Secrets no workload names, where each starts (see `StreamSurvey.leftOverSecrets`).
    let leftOvers: [String: Mark]
    var identities = IdentityCounter()
    /// Secrets whose workload was undone: their old documents are dropped (the new ones follow the workload).
    var replaced: Set<String> = []
    var insertedBefore = false
    var reports: [WorkloadReport] = []
    var secrets: [[UInt8]] = []
    /// Whether `secrets` also keeps the Secrets written into the stream (a streaming run holds only the others,
    /// so that its memory does not grow with the output).
    var keepsInlineSecrets = true

    init(injector: Injector, survey: StreamSurvey, owners: [String: Int], early: [Int: [String]], source: [UInt8]) {
        self.injector = injector
        self.survey = survey
        self.source = source
        self.owners = owners
        self.replacedEarly = Set(early.values.joined())
        self.leftOvers = survey.leftOverSecrets()
    }

    /// The work of one document that needs nothing from the documents before it, done ahead on any thread:
    /// its plan, undo and injection, with identities counted as if they were the stream's first.
    struct Prepared: Sendable {
        let plan: ReinjectionPlan
        let undone: Result<[UInt8], InjectionError>?
        let result: Injector.DocumentResult
        let identities: [String]
    }

    /// The document's work done ahead; nil for a document copied as it is.
    func prepare(_ document: Document) -> Prepared? {
        guard !Self.isCopied(document) else { return nil }
        let plan = ReinjectionPlan(document: document, secrets: survey.secrets, owners: owners,
                                   defaultNamespace: survey.cluster.settings.defaultNamespace)
        let undone = injector.undo(plan, source: source)
        var identities = IdentityCounter()
        let result = injector.process(document, plan: plan, undone: undone, source: source,
                                      cluster: survey.cluster, leftOvers: leftOvers, identities: &identities)
        return Prepared(plan: plan, undone: undone, result: result, identities: identities.used)
    }

    mutating func process(_ document: Document, prepared: Prepared? = nil, into writer: inout StreamWriter) {
        if Self.isCopied(document) {
            write(source[document.range.bytes], before: document, into: &writer)
            return
        }
        if let names = Self.secretNames(of: document, in: survey.secrets) {
            let dropped = names.indices.filter { replaced.contains(names[$0]) || replacedEarly.contains(names[$0]) }
            if dropped.count == names.count { return }
            if !dropped.isEmpty {
                write(listWithout(dropped, of: document), before: document, into: &writer)
                return
            }
        }
        let plan: ReinjectionPlan
        let undone: Result<[UInt8], InjectionError>?
        var result: Injector.DocumentResult
        if let prepared, identities.agrees(on: prepared.identities) {
            (plan, undone, result) = (prepared.plan, prepared.undone, prepared.result)
            identities.absorb(prepared.identities)
        } else {
            // An identity met before (a repeated workload): its name depends on the documents before it.
            plan = ReinjectionPlan(document: document, secrets: survey.secrets, owners: owners,
                                   defaultNamespace: survey.cluster.settings.defaultNamespace)
            undone = injector.undo(plan, source: source)
            result = injector.process(document, plan: plan, undone: undone, source: source,
                                      cluster: survey.cluster, leftOvers: leftOvers, identities: &identities)
        }
        if result.keepsSecrets {
            result.reports = Self.failingIfDropped(result.reports, plan: plan, replacedEarly: replacedEarly)
        } else if case .success = undone {
            replaced.formUnion(plan.secretDocuments.map(\.name))
        }
        reports += result.reports
        write(result.bytes, before: document, into: &writer)
        if injector.secrets.inline {
            for secret in result.secrets {
                writer.writeNewDocument(secret)
                insertedBefore = true
            }
        }
        if keepsInlineSecrets || !injector.secrets.inline { secrets += result.secrets }
    }

    /// Whether a document is copied without a look: the filter left it unbuilt at a kind nobody edits. (A
    /// workload left unbuilt after its metadata still gets its report.)
    private static func isCopied(_ document: Document) -> Bool {
        guard document.isPartial else { return false }
        guard let kind = document.root["kind"]?.scalar?.value else { return true }
        return WorkloadKinds.templatePath(of: kind) == nil
    }

    /// Writes one document's output, on a fresh `---` line after an inserted Secret.
    private mutating func write(_ bytes: ArraySlice<UInt8>, before document: Document, into writer: inout StreamWriter) {
        if insertedBefore { writer.writeSeparatorIfNeeded(before: document) }
        insertedBefore = false
        writer.write(bytes)
    }

    /// A List of bootstrap Secrets without the items at `indices` (replaced ones), or as it is with an error.
    private mutating func listWithout(_ indices: [Int], of document: Document) -> ArraySlice<UInt8> {
        var editor = DocumentEditor(source: source, document: document)
        do throws(EditError) {
            guard let items = document.root["items"] else { throw EditError("a List without items") }
            for index in indices.reversed() { try editor.removeItem(at: index, from: items) }
            return try editor.output()[...]
        } catch {
            let failure = InjectionError("cannot remove the replaced bootstrap Secrets from this List: \(error.message)")
            reports.append(WorkloadReport(kind: "List", name: "", namespace: "", outcome: .failed(failure),
                                          mark: document.root.range.start))
            return source[document.range.bytes]
        }
    }

    /// `reports`, failed when a Secret of a workload left as it was was dropped before it (which
    /// `Injector.keepEarlySecrets` rules out): never a run that loses a Secret.
    private static func failingIfDropped(_ reports: [WorkloadReport], plan: ReinjectionPlan,
                                         replacedEarly: Set<String>) -> [WorkloadReport] {
        guard let lost = plan.secretDocuments.first(where: { replacedEarly.contains($0.name) }) else { return reports }
        let error = InjectionError("internal: its bootstrap Secret \"\(lost.name)\" was dropped before it, and it was left as it was")
        return reports.map { report in
            guard plan.injected.contains(where: { $0.matches(report) }) else { return report }
            var failed = report
            failed.outcome = .failed(error)
            return failed
        }
    }

    /// The names of the bootstrap Secrets a document holds (one, or a List of them), or nil for any other.
    private static func secretNames(of document: Document, in index: BootstrapSecretIndex) -> [String]? {
        if let names = index.secretLists[document.index] { return names }
        guard let metadata = document.root["metadata"], document.root["kind"]?.scalar?.value == "Secret",
              let name = metadata["name"]?.scalar?.value, name.hasPrefix(OSMConstants.bootstrapSecretPrefix) else {
            return nil
        }
        return [name]
    }
}
