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
        guard let path = annotations["internal.config.kubernetes.io/path"] ?? annotations["config.kubernetes.io/path"] else {
            return nil
        }
        let index = (annotations["internal.config.kubernetes.io/index"] ?? annotations["config.kubernetes.io/index"]).flatMap { Int($0) }
        return KRMResult.File(path: path, index: index)
    }

    /// The `resourceRef` of its results.
    var ref: KRMResult.ResourceRef {
        KRMResult.ResourceRef(apiVersion: apiVersion, kind: kind, name: name, namespace: namespace)
    }

    /// The annotations a new item written after this one copies.
    var annotationsForNewItem: [(String, String)] {
        KRMItemText.copiedAnnotations.compactMap { key in annotations[key].map { (key, $0) } }
    }
}
