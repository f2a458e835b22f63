import LosslessYAML

/// The bootstrap Secrets of a stream, by name: where they stand and the restore log they carry.
struct BootstrapSecretIndex {
    struct Entry {
        var documentIndex: Int
        var log: RestoreLog?
    }

    private(set) var entries: [String: Entry] = [:]

    init(_ stream: YAMLStream) {
        for document in stream.documents {
            let root = ObjectView(document: document)
            guard root.node.pairs != nil, (try? root.string("kind")) == "Secret",
                  let metadata = try? root.mapping("metadata"), let name = try? metadata.string("name"),
                  name.hasPrefix(OSMConstants.bootstrapSecretPrefix) else { continue }
            let log = ((try? metadata.stringMap("annotations")) ?? [:])[RestoreLog.annotation].flatMap(RestoreLog.decode)
            entries[name] = Entry(documentIndex: document.index, log: log)
        }
    }

    subscript(name: String) -> Entry? { entries[name] }
}
