import LosslessYAML

/// What a first pass over a stream learns before anything is written: the declared state (Namespaces,
/// MeshConfig), the bootstrap Secrets and which workloads were injected before, with their Secrets.
struct StreamSurvey {
    var cluster: ClusterState
    private(set) var secrets = BootstrapSecretIndex()
    /// Errors in declared objects (a malformed Namespace or MeshConfig).
    private(set) var failures: [WorkloadReport] = []
    /// Every injected workload that names a Secret, in stream order.
    private var users: [SecretUser] = []
    /// How many workloads of the stream share each identity (`namespace/kind/name`).
    private var identityCounts: [String: Int] = [:]

    /// A workload that names a bootstrap Secret: where it starts, and its identity.
    private struct SecretUser {
        var secret: String
        var document: Int
        var offset: Int
        var namespace: String
        var kind: String
        var name: String
    }

    init(cluster: ClusterState) {
        self.cluster = cluster
    }

    /// Learns from one document.
    mutating func add(_ document: Document) {
        do {
            try cluster.absorb(document)
        } catch {
            failures.append(
                WorkloadReport(
                    kind: "", name: "", namespace: "", outcome: .failed(error),
                    mark: error.mark ?? document.root.range.start))
        }
        secrets.add(document)
        for visit in WorkloadWalker.visit(document, defaultNamespace: cluster.settings.defaultNamespace) {
            guard case .workload(let workload) = visit, let template = workload.template else { continue }
            identityCounts["\(workload.namespace)/\(workload.kind)/\(workload.name)", default: 0] += 1
            guard let name = WorkloadWalker.bootstrapSecretName(of: template) else { continue }
            users.append(
                SecretUser(
                    secret: name, document: document.index, offset: workload.object.node.range.start.offset,
                    namespace: workload.namespace, kind: workload.kind, name: workload.name))
        }
    }

    /// For each Secret with a restore log, the workload it belongs to (by the offset where it starts): the one
    /// whose identity gives the Secret's name, else the first naming it (renamed since). Other workloads naming
    /// it are copies, which its log does not describe.
    func secretOwners() -> SecretOwners {
        var named: Set<String> = []
        var shared: Set<String> = []
        for user in users where !named.insert(user.secret).inserted { shared.insert(user.secret) }
        var owners = SecretOwners()
        var byIdentity: Set<String> = []
        for user in users where secrets[user.secret]?.log != nil && !byIdentity.contains(user.secret) {
            if owners[user.secret] == nil { owners[user.secret] = user.offset }
            // Hashing identities is only needed to choose between several workloads.
            if shared.contains(user.secret), gives(user, its: user.secret) {
                owners[user.secret] = user.offset
                byIdentity.insert(user.secret)
            }
        }
        return owners
    }

    /// The bootstrap Secrets no workload of the stream names (left over from an earlier injection?), where each
    /// starts: an injection must not write a second Secret of one of these names.
    func leftOverSecrets() -> LeftOverSecrets {
        let named = Set(users.map(\.secret))
        var leftOvers = LeftOverSecrets()
        for (name, marks) in secrets.marks where !named.contains(name) { leftOvers[name] = marks.first }
        return leftOvers
    }

    /// Whether `user`'s identity (or, when the stream repeats it, a numbered one) names the Secret `secret`.
    private func gives(_ user: SecretUser, its secret: String) -> Bool {
        let count = identityCounts["\(user.namespace)/\(user.kind)/\(user.name)"] ?? 1
        for number in 0..<max(count, 1) {
            let name = number == 0 ? user.name : "\(user.name)#\(number)"
            let uuid = ProxyUUID.make(namespace: user.namespace, kind: user.kind, name: name)
            if secret == OSMConstants.bootstrapSecretPrefix + uuid { return true }
        }
        return false
    }

    /// Secrets that stand before the workload using them and will be replaced if their workload's undo works, by
    /// the index of the workload's document: the second pass drops them when it meets them, so the injector first
    /// takes out those of documents that re-injection leaves as they were.
    func secretsReplacedEarly(mode: Injector.Mode, owners: SecretOwners) -> EarlySecrets {
        var early = EarlySecrets()
        var start = users.startIndex
        while start < users.endIndex {
            let document = users[start].document
            let end = users[start...].firstIndex { $0.document != document } ?? users.endIndex
            let group = users[start..<end]
            start = end
            let entries = group.map { user in
                owners.allows(user.secret, workloadAt: user.offset) ? secrets[user.secret] : nil
            }
            let undoable = entries.allSatisfy { entry in
                guard let entry else { return false }
                return mode == .inject ? entry.log != nil : (entry.log != nil || entry.bootstrap != nil)
            }
            guard undoable else { continue }
            for (user, entry) in zip(group, entries) where (entry?.documentIndex ?? .max) < document {
                early.add(user.secret, ofDocument: document)
            }
        }
        return early
    }
}
