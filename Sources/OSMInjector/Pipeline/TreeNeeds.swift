import LosslessYAML

/// Which documents of a stream the injector must read whole; the others are copied without a tree.
enum TreeNeeds {
    /// The kinds whose documents the write pass reads: workloads, Lists, Secrets (bootstrap Secrets are
    /// replaced or dropped).
    static let writePass = DocumentFilter(needsTree: writePassKinds)

    private static let writePassKinds: @Sendable (Scalar) -> Bool = { kind in
        needsTree(kind) { WorkloadKinds.templatePath(of: $0) != nil || WorkloadKinds.isList($0) || $0 == "Secret" }
    }

    /// The write pass of a run over `source`: when injecting into a stream that holds no earlier injection, a
    /// workload whose namespace the webhook never sees (its `metadata` says which) is read no further than
    /// its metadata; its report needs no more, and nothing of it changes.
    static func writePass(_ scan: StreamPreScan, mode: Injector.Mode, cluster: ClusterState) -> DocumentFilter {
        guard mode == .inject, !scan.mayNameBootstrapVolume else { return writePass }
        return DocumentFilter(needsTree: writePassKinds) { kind, metadata in
            guard WorkloadKinds.templatePath(of: kind.value) != nil,
                let declared = WorkloadNamespace.declared(in: metadata)
            else { return true }
            let namespace = declared.isEmpty ? cluster.settings.defaultNamespace : declared
            return InjectionDecision.namespaceSkip(namespace, cluster: cluster) == nil
        }
    }

    /// The kinds the first pass learns from: the declared state, bootstrap Secrets and, when the stream can
    /// hold an injected workload at all, the workloads (for the Secrets they use).
    static func surveyPass(_ scan: StreamPreScan) -> DocumentFilter {
        let workloads = scan.mayNameBootstrapVolume
        return DocumentFilter { kind in
            needsTree(kind) {
                $0 == "Namespace" || $0 == "MeshConfig" || $0 == "Secret" || WorkloadKinds.isList($0)
                    || (workloads && WorkloadKinds.templatePath(of: $0) != nil)
            }
        }
    }

    /// A `kind` that is no plain string (null, a number, empty) is read whole, as the walker reports it.
    private static func needsTree(_ kind: Scalar, _ wanted: (String) -> Bool) -> Bool {
        if kind.value.isEmpty || (kind.style == .plain && ScalarResolver.resolve(kind.value) != .string) { return true }
        return wanted(kind.value)
    }

    /// The start of the bootstrap volume's and Secrets' names.
    static let bootstrapName = Array("envoy-bootstrap-config".utf8)
}
