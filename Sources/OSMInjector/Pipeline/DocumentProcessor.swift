import LosslessYAML

/// Injects into the workloads of one document (the object itself, or the items of a List).
struct DocumentProcessor {
    let document: Document
    let source: [UInt8]
    let cluster: ClusterState
    let secretOptions: SecretOptions
    private(set) var reports: [WorkloadReport] = []
    /// The edited document, or nil when nothing changed.
    private(set) var output: [UInt8]?
    /// Bootstrap Secrets to write after this document.
    private(set) var secrets: [[UInt8]] = []
    /// Secrets of the input that no workload names, where each starts: a new Secret must not take one's name.
    var leftOvers = LeftOverSecrets()
    /// Whether a workload with a key written twice is an error (false for a document checked before its undo).
    var checksDuplicateKeys = true
    /// The edits so far; made at the first injection, as most documents get none and the layout detection
    /// that makes an editor reads the whole document.
    private var editor: DocumentEditor?

    init(document: Document, source: [UInt8], cluster: ClusterState, secrets: SecretOptions) {
        self.document = document
        self.source = source
        self.cluster = cluster
        self.secretOptions = secrets
    }

    /// Injects into each workload; `visits` are the document's, when already walked with the cluster's default namespace.
    mutating func run(identities: inout IdentityCounter, visits: [WorkloadWalker.Visit]? = nil) {
        for visit in visits ?? WorkloadWalker.visit(document, defaultNamespace: cluster.settings.defaultNamespace) {
            switch visit {
            case .noKind(let mark):
                reports.append(WorkloadReport(kind: "", name: "", namespace: "", outcome: .noKind, mark: mark))
            case .failed(let kind, let name, let namespace, let error, let mark):
                reports.append(
                    WorkloadReport(kind: kind, name: name, namespace: namespace, outcome: .failed(error), mark: mark))
            case .workload(let workload):
                var report = WorkloadReport(
                    kind: workload.kind, name: workload.name, namespace: workload.namespace,
                    outcome: .injected, mark: workload.object.node.range.start)
                do throws(InjectionError) {
                    // The webhook's namespaceSelector comes first: pods of other namespaces never reach it.
                    if let reason = InjectionDecision.namespaceSkip(workload.namespace, cluster: cluster) {
                        report.outcome = .skipped(reason)
                    } else if let error = workload.templateError {
                        report.mark = error.mark ?? report.mark
                        throw error
                    } else if let template = workload.template {
                        report.outcome = try inject(
                            PodTemplateView(template: template), object: workload.object,
                            report: &report, identities: &identities)
                    } else {
                        report.outcome = .skipped(.noPodTemplate(workload.templatePath.joined(separator: ".")))
                    }
                } catch {
                    report.outcome = .failed(error)
                }
                // Only injected workloads: the streaming run reads the others no further than their metadata.
                if report.outcome == .injected {
                    report.runsSeveralPods = PodCount.runsSeveral(workload.object, kind: workload.kind)
                }
                reports.append(report)
            }
        }
        guard let editor, editor.hasChanges else { return }
        do {
            output = try editor.output()
        } catch {
            reports.append(
                WorkloadReport(
                    kind: "", name: "", namespace: "", outcome: .failed(InjectionError(error.message)),
                    mark: document.root.range.start))
        }
    }

    private mutating func inject(
        _ pod: PodTemplateView, object: ObjectView, report: inout WorkloadReport,
        identities: inout IdentityCounter
    ) throws(InjectionError) -> WorkloadReport.Outcome {
        // A workload in a namespace the webhook sees is read for the decision and maybe edited: it must say
        // what it means (a workload of another namespace is not read further, not even built when streaming).
        if checksDuplicateKeys { try object.refuseDuplicateKeys() }
        // The webhook decides first (mustInject), and only then looks for an earlier injection.
        switch try InjectionDecision.decide(pod: pod, namespace: report.namespace, cluster: cluster) {
        case .skip(let reason):
            return .skipped(reason)
        case .inject:
            break
        }
        let identity = identities.uniqueName(namespace: report.namespace, kind: report.kind, name: report.name)
        // A workload injected before holds its identity (and most likely the UUID and Secret name made from
        // it): a later workload of the same identity must take the next one, or the two would share a Secret.
        if WorkloadWalker.bootstrapSecretName(of: pod.template) != nil { return .alreadyInjected }
        let uuid = ProxyUUID.make(namespace: report.namespace, kind: report.kind, name: identity)
        // Two Secrets of one name: `kubectl apply` would keep the later, maybe the stale one.
        if secretOptions.emit, let mark = leftOvers[OSMConstants.bootstrapSecretPrefix + uuid] {
            throw .secretNameLeftOver(OSMConstants.bootstrapSecretPrefix + uuid, at: mark)
        }
        // Edits go to a copy first, so that a workload that fails leaves the document as it was.
        var attempt = editor ?? DocumentEditor(source: source, document: document)
        let mutation = PodMutation(pod: pod, namespace: report.namespace, cluster: cluster, proxyUUID: uuid)
        let result = try mutation.apply(to: &attempt)
        if secretOptions.emit {
            secrets.append(
                try BootstrapSecretWriter.secret(
                    uuid: uuid, namespace: report.namespace,
                    serviceAccount: result.serviceAccount,
                    probes: result.probes, restore: result.restore,
                    cluster: cluster, options: secretOptions,
                    carried: Self.carriedAnnotations(of: object)))
        }
        editor = attempt
        report.warnings = result.warnings
        return .injected
    }

    /// Annotations of the workload its Secret takes along: Helm 4 files post-rendered documents back into
    /// templates by `postrenderer.helm.sh/postrender-filename`, so the Secret lands beside its workload.
    static func carriedAnnotations(of object: ObjectView) -> [String: String] {
        let key = "postrenderer.helm.sh/postrender-filename"
        guard let annotations = try? object.mapping("metadata")?.stringMap("annotations"), let value = annotations[key]
        else {
            return [:]
        }
        return [key: value]
    }
}
