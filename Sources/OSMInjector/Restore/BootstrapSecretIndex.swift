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

    /// Where each bootstrap Secret of the stream starts, by name (more than one when the input repeats a name).
    private(set) var marks: [String: [Mark]] = [:]

    /// The List documents that hold only bootstrap Secrets (as JSON output writes them), with their names.
    private(set) var secretLists: [Int: [String]] = [:]

    /// Indexes `document` when it is a bootstrap Secret, or a List of them.
    mutating func add(_ document: Document) {
        let root = ObjectView(document: document)
        guard root.node.pairs != nil, let kind = try? root.string("kind") else { return }
        if kind == "Secret" {
            _ = index(root, documentIndex: document.index)
            return
        }
        guard WorkloadKinds.isList(kind), let items = try? root.sequence("items"), !items.isEmpty else { return }
        var names: [String] = []
        for item in items {
            guard (try? item.string("kind")) == "Secret", let name = index(item, documentIndex: document.index) else {
                return
            }
            names.append(name)
        }
        secretLists[document.index] = names
    }

    /// Indexes one Secret object; returns its name when it is a bootstrap Secret.
    private mutating func index(_ object: ObjectView, documentIndex: Int) -> String? {
        guard let metadata = try? object.mapping("metadata"), let name = try? metadata.string("name"),
            name.hasPrefix(OSMConstants.bootstrapSecretPrefix)
        else { return nil }
        let log = ((try? metadata.stringMap("annotations")) ?? [:])[RestoreLog.annotation].flatMap(RestoreLog.decode)
        var bootstrap: WebhookUninjector.BootstrapProbes?
        if log == nil, let data = ((try? object.stringMap("data")) ?? [:])[OSMConstants.envoyBootstrapConfigFile] {
            bootstrap = WebhookUninjector.BootstrapProbes(base64: data)
        }
        marks[name, default: []].append(object.node.range.start)
        entries[name] = Entry(
            documentIndex: documentIndex, bytes: object.node.range.bytes, log: log, bootstrap: bootstrap)
        return name
    }

    subscript(name: String) -> Entry? { entries[name] }
}
