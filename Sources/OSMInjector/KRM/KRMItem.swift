import LosslessYAML

/// One item of a ResourceList with what the function needs to know about it: its text, its standalone
/// document, its file annotations, and whether it is a bootstrap Secret.
struct KRMItem {
    let slice: ItemSlice
    /// The standalone document (nil when the item's text does not parse on its own).
    let stream: YAMLStream?
    let annotations: [String: String]
    let apiVersion: String
    let kind: String
    let name: String
    let namespace: String?

    init(slice: ItemSlice) {
        self.slice = slice
        stream = try? Parser().parse(slice.text)
        let root = stream?.documents.first.map { ObjectView(document: $0) }
        let metadata = (try? root?.mapping("metadata")) ?? nil
        annotations = (try? metadata?.stringMap("annotations")) ?? [:]
        apiVersion = ((try? root?.string("apiVersion")) ?? nil) ?? ""
        kind = ((try? root?.string("kind")) ?? nil) ?? ""
        name = ((try? metadata?.string("name")) ?? nil) ?? ""
        namespace = (try? metadata?.string("namespace")) ?? nil
    }

    var document: Document? { stream?.documents.first }

    /// True for a Secret named like a bootstrap Secret.
    var isBootstrapSecret: Bool { kind == "Secret" && name.hasPrefix(OSMConstants.bootstrapSecretPrefix) }

    /// The `file` of its results: the path and index annotations (internal ones first).
    var file: KRMResult.File? {
        path.map { KRMResult.File(path: $0, index: index) }
    }

    /// The `resourceRef` of its results.
    var ref: KRMResult.ResourceRef {
        KRMResult.ResourceRef(apiVersion: apiVersion, kind: kind, name: name, namespace: namespace)
    }

    /// The file path of the item (the internal annotation first), or nil when the orchestrator gave none.
    var path: String? {
        annotations["internal.config.kubernetes.io/path"] ?? annotations["config.kubernetes.io/path"]
    }

    /// The file index of the item (the internal annotation first).
    var index: Int? {
        (annotations["internal.config.kubernetes.io/index"] ?? annotations["config.kubernetes.io/index"]).flatMap {
            Int($0)
        }
    }

    /// The annotations of a new item that goes to file `path` at `index`, beside this one: each path and index
    /// annotation this item has, with the new values, and its sequence indentation — never ids, which name one
    /// object each.
    func annotationsForNewItem(path: String, index: Int) -> [(String, String)] {
        KRMItemText.copiedAnnotations.compactMap { key in
            guard let value = annotations[key] else { return nil }
            if key.hasSuffix("/path") { return (key, path) }
            if key.hasSuffix("/index") { return (key, String(index)) }
            return (key, value)
        }
    }
}
