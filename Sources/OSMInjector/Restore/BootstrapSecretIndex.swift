import LosslessYAML

/// The bootstrap Secrets of a stream, by name: where they stand and the restore log they carry.
struct BootstrapSecretIndex {
    struct Entry {
        var documentIndex: Int
        /// The Secret document's bytes in the source.
        var bytes: Range<Int>
        var log: RestoreLog?
        /// For a Secret without a restore log (written by OSM's webhook): the probes its bootstrap routes to.
        var bootstrap: WebhookUninjector.BootstrapProbes?
    }

    private(set) var entries: [String: Entry] = [:]

    init() {}

    /// Indexes `document` when it is a bootstrap Secret.
    mutating func add(_ document: Document) {
        let root = ObjectView(document: document)
        guard root.node.pairs != nil, (try? root.string("kind")) == "Secret",
              let metadata = try? root.mapping("metadata"), let name = try? metadata.string("name"),
              name.hasPrefix(OSMConstants.bootstrapSecretPrefix) else { return }
        let log = ((try? metadata.stringMap("annotations")) ?? [:])[RestoreLog.annotation].flatMap(RestoreLog.decode)
        var bootstrap: WebhookUninjector.BootstrapProbes?
        if log == nil, let data = ((try? root.stringMap("data")) ?? [:])[OSMConstants.envoyBootstrapConfigFile] {
            bootstrap = WebhookUninjector.BootstrapProbes(base64: data)
        }
        entries[name] = Entry(documentIndex: document.index, bytes: document.range.bytes, log: log, bootstrap: bootstrap)
    }

    subscript(name: String) -> Entry? { entries[name] }
}
