import LosslessYAML

/// The second pass of a run: one document at a time, in order, with the bootstrap Secrets of the input dropped
/// where re-injection replaces them (a new one follows its workload) and kept, byte for byte, where not.
struct StreamPass {
    let injector: Injector
    let context: StreamContext
    /// Secrets that stand before their workload and are replaced (their workload is undone and not left as it was).
    let replacedEarly: Set<String>
    var identities = IdentityCounter()
    /// Secrets whose workload was undone: their old documents are dropped (the new ones follow the workload).
    var replaced: Set<String> = []
    var insertedBefore = false
    var reports: [WorkloadReport] = []
    var secrets: [[UInt8]] = []
    /// Whether `secrets` also keeps the Secrets written into the stream (a streaming run holds only the others,
    /// so that its memory does not grow with the output).
    var keepsInlineSecrets = true

    private var source: [UInt8] { context.source }

    init(injector: Injector, context: StreamContext) {
        self.injector = injector
        self.context = context
        self.replacedEarly = context.early.names
    }

    /// The work of `document` done ahead of its turn, on any thread; nil for a document copied without a look.
    func workAhead(on document: Document) -> WorkAhead? {
        Self.isCopied(document) ? nil : WorkAhead(document, injector: injector, context: context)
    }

    /// Writes one document, with `ahead` its work done ahead of its turn, when it was.
    mutating func process(_ document: Document, ahead: WorkAhead? = nil, into writer: inout StreamWriter) {
        if Self.isCopied(document) {
            write(source[document.range.bytes], before: document, into: &writer)
            return
        }
        if let names = Self.secretNames(of: document, in: context.survey.secrets) {
            let dropped = names.indices.filter { replaced.contains(names[$0]) || replacedEarly.contains(names[$0]) }
            if dropped.count == names.count { return }
            if !dropped.isEmpty {
                write(listWithout(dropped, of: document), before: document, into: &writer)
                return
            }
        }
        var work: DocumentWork
        if let standing = ahead?.standing(after: &identities) {
            work = standing
        } else {
            work = DocumentWork(document, injector: injector, context: context, identities: &identities)
        }
        let plan = work.plan
        if work.result.keepsSecrets {
            work.result.reports = Self.failingIfDropped(work.result.reports, plan: plan, replacedEarly: replacedEarly)
        } else if case .success = work.undone {
            replaced.formUnion(plan.secretDocuments.map(\.name))
        }
        let result = work.result
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
    private mutating func write(_ bytes: ArraySlice<UInt8>, before document: Document, into writer: inout StreamWriter)
    {
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
            let failure = InjectionError(
                "cannot remove the replaced bootstrap Secrets from this List: \(error.message)")
            reports.append(
                WorkloadReport(
                    kind: "List", name: "", namespace: "", outcome: .failed(failure),
                    mark: document.root.range.start))
            return source[document.range.bytes]
        }
    }

    /// `reports`, failed when a Secret of a workload left as it was was dropped before it (which
    /// `StreamContext.keepEarlySecrets` rules out): never a run that loses a Secret.
    private static func failingIfDropped(
        _ reports: [WorkloadReport], plan: ReinjectionPlan,
        replacedEarly: Set<String>
    ) -> [WorkloadReport] {
        guard let lost = plan.secretDocuments.first(where: { replacedEarly.contains($0.name) }) else { return reports }
        let error = InjectionError(
            "internal: its bootstrap Secret \"\(lost.name)\" was dropped before it, and it was left as it was")
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
            let name = metadata["name"]?.scalar?.value, name.hasPrefix(OSMConstants.bootstrapSecretPrefix)
        else {
            return nil
        }
        return [name]
    }
}
