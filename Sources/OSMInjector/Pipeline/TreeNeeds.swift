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
    static func writePass(_ words: Words, mode: Injector.Mode, cluster: ClusterState) -> DocumentFilter {
        guard mode == .inject, !words.mayNameBootstrapVolume else { return writePass }
        return DocumentFilter(needsTree: writePassKinds) { kind, metadata in
            guard WorkloadKinds.templatePath(of: kind.value) != nil,
                  let declared = WorkloadNamespace.declared(in: metadata) else { return true }
            let namespace = declared.isEmpty ? cluster.settings.defaultNamespace : declared
            return InjectionDecision.namespaceSkip(namespace, cluster: cluster) == nil
        }
    }

    /// The kinds the first pass learns from: the declared state, bootstrap Secrets and, when the stream can
    /// hold an injected workload at all, the workloads (for the Secrets they use).
    static func surveyPass(_ words: Words) -> DocumentFilter {
        let workloads = words.mayNameBootstrapVolume
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

    /// What a stream's bytes say before it is parsed, scanned once for both passes.
    struct Words {
        /// The bytes hold an escape that could spell any word (see `hasSpellingEscapes`).
        let hasSpellingEscapes: Bool
        /// The bytes hold the bootstrap volume's name, or an escape that could spell it.
        let mayNameBootstrapVolume: Bool

        init(_ source: [UInt8]) {
            hasSpellingEscapes = TreeNeeds.hasSpellingEscapes(source)
            mayNameBootstrapVolume = hasSpellingEscapes || ByteSearch.contains(source, bootstrapName)
        }
    }

    /// The start of the bootstrap volume's and Secrets' names.
    static let bootstrapName = Array("envoy-bootstrap-config".utf8)

    /// Whether `source` holds an escape of a double-quoted scalar that can spell a letter or a hyphen (`\x`,
    /// `\u`, `\U`), or an escaped line break (which joins two lines without a blank): without one, a word
    /// that is not in the bytes is in no value either.
    private static func hasSpellingEscapes(_ source: [UInt8]) -> Bool {
        ByteSearch.contains(source, 0x5C, followedBy: [UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"), 0x0A, 0x0D])
    }
}
