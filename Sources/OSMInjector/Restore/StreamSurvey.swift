import LosslessYAML

/// What a first pass over a stream learns before anything is written: the declared state (Namespaces,
/// MeshConfig), the bootstrap Secrets and which workloads were injected before, with their Secrets.
struct StreamSurvey {
    var cluster: ClusterState
    private(set) var secrets = BootstrapSecretIndex()
    /// Errors in declared objects (a malformed Namespace or MeshConfig).
    private(set) var failures: [WorkloadReport] = []
    /// For each document holding injected workloads: the Secret names they use.
    private var references: [(document: Int, secrets: [String])] = []

    init(cluster: ClusterState) {
        self.cluster = cluster
    }

    /// Learns from one document.
    mutating func add(_ document: Document) {
        do {
            try cluster.absorb(document)
        } catch {
            failures.append(WorkloadReport(kind: "", name: "", namespace: "", outcome: .failed(error),
                                           mark: error.mark ?? document.root.range.start))
        }
        secrets.add(document)
        var names: [String] = []
        for visit in WorkloadWalker.visit(document, defaultNamespace: cluster.settings.defaultNamespace) {
            if case .workload(let workload) = visit, let template = workload.template,
               let name = WorkloadWalker.bootstrapSecretName(of: template) { names.append(name) }
        }
        if !names.isEmpty { references.append((document.index, names)) }
    }

    /// Secrets that stand before the workload using them and will be replaced (their workload can be undone):
    /// the second pass drops them when it meets them, before it knows the undo worked.
    func secretsReplacedEarly(mode: Injector.Mode) -> Set<String> {
        var early: Set<String> = []
        for reference in references {
            let entries = reference.secrets.map { secrets[$0] }
            let undoable = entries.allSatisfy { entry in
                guard let entry else { return false }
                return mode == .inject ? entry.log != nil : (entry.log != nil || entry.bootstrap != nil)
            }
            guard undoable else { continue }
            for (name, entry) in zip(reference.secrets, entries) where (entry?.documentIndex ?? .max) < reference.document {
                early.insert(name)
            }
        }
        return early
    }
}
