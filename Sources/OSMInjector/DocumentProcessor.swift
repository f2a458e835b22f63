import LosslessYAML

/// Injects into the workloads of one document (the object itself, or the items of a List).
struct DocumentProcessor {
    let document: Document
    let source: [UInt8]
    let cluster: ClusterState
    let emitsSecrets: Bool
    private(set) var reports: [WorkloadReport] = []
    /// The edited document, or nil when nothing changed.
    private(set) var output: [UInt8]?
    /// Bootstrap Secrets to write after this document.
    private(set) var secrets: [[UInt8]] = []
    private var editor: DocumentEditor

    init(document: Document, source: [UInt8], cluster: ClusterState, emitsSecrets: Bool) {
        self.document = document
        self.source = source
        self.cluster = cluster
        self.emitsSecrets = emitsSecrets
        self.editor = DocumentEditor(source: source, document: document)
    }

    mutating func run(identities: inout IdentityCounter) {
        let root = ObjectView(document: document)
        guard root.node.pairs != nil else { return }
        process(root, identities: &identities)
        guard editor.hasChanges else { return }
        do {
            output = try editor.output()
        } catch {
            reports.append(WorkloadReport(kind: "", name: "", namespace: "", outcome: .failed(InjectionError(error.message)),
                                          mark: document.root.range.start))
        }
    }

    private mutating func process(_ object: ObjectView, identities: inout IdentityCounter) {
        let kind = (try? object.string("kind")) ?? nil
        guard let kind, !kind.isEmpty else {
            reports.append(WorkloadReport(kind: "", name: "", namespace: "", outcome: .noKind, mark: object.node.range.start))
            return
        }
        if WorkloadKinds.isList(kind) {
            do {
                for item in try object.sequence("items") ?? [] where item.node.pairs != nil {
                    process(item, identities: &identities)
                }
            } catch {
                reports.append(WorkloadReport(kind: kind, name: "", namespace: "", outcome: .failed(error),
                                              mark: error.mark ?? object.node.range.start))
            }
            return
        }
        guard let path = WorkloadKinds.templatePath(of: kind) else { return }
        var report = WorkloadReport(kind: kind, name: "", namespace: "", outcome: .injected, mark: object.node.range.start)
        do {
            let metadata = try object.mapping("metadata")
            report.name = try metadata?.string("name") ?? ""
            report.namespace = try metadata?.string("namespace") ?? cluster.settings.defaultNamespace
            if report.namespace.isEmpty { report.namespace = cluster.settings.defaultNamespace }
            if let template = try templateView(of: object, path: path) {
                let pod = try PodTemplateView(template: template)
                report.outcome = try inject(pod, report: &report, identities: &identities)
            } else {
                report.outcome = .skipped(.noPodTemplate(path.joined(separator: ".")))
            }
        } catch {
            report.outcome = .failed(error)
        }
        reports.append(report)
    }

    /// The pod template at `path`, or nil when the object has none.
    private func templateView(of object: ObjectView, path: [String]) throws(InjectionError) -> ObjectView? {
        var view = object
        for key in path {
            guard let next = try view.mapping(key) else { return nil }
            view = next
        }
        return view
    }

    private mutating func inject(_ pod: PodTemplateView, report: inout WorkloadReport,
                                 identities: inout IdentityCounter) throws(InjectionError) -> WorkloadReport.Outcome {
        if try pod.volumes().contains(where: { (try? $0.string("name")) == OSMConstants.envoyBootstrapConfigVolumeName }) {
            return .alreadyInjected
        }
        switch try InjectionDecision.decide(pod: pod, namespace: report.namespace, cluster: cluster) {
        case .skip(let reason):
            return .skipped(reason)
        case .inject:
            break
        }
        let identity = identities.uniqueName(namespace: report.namespace, kind: report.kind, name: report.name)
        let uuid = ProxyUUID.make(namespace: report.namespace, kind: report.kind, name: identity)
        // Edits go to a copy first, so that a workload that fails leaves the document as it was.
        var attempt = editor
        let mutation = PodMutation(pod: pod, namespace: report.namespace, cluster: cluster, proxyUUID: uuid)
        let result = try mutation.apply(to: &attempt)
        if emitsSecrets {
            secrets.append(try BootstrapSecretWriter.secret(uuid: uuid, namespace: report.namespace,
                                                            serviceAccount: result.serviceAccount,
                                                            probes: result.probes, cluster: cluster))
        }
        editor = attempt
        report.warnings = result.warnings
        return .injected
    }
}
