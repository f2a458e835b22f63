import LosslessYAML

/// A KRM function's input (kpt, kustomize): one `ResourceList` document of `config.kubernetes.io/v1` (or the
/// older `v1alpha1`/`v1beta1`) holding the resources in `items` and the function's settings in `functionConfig`.
public struct ResourceList: Sendable {
    public let stream: YAMLStream
    public let document: Document
    /// The `items` sequence; nil when absent or empty.
    public let items: Node?
    /// The `functionConfig` object; nil when absent.
    public let functionConfig: ObjectView?

    /// The ResourceList `stream` consists of, or nil when it is an ordinary manifest stream.
    public static func detect(_ stream: YAMLStream) -> ResourceList? {
        let documents = stream.documents.filter { !$0.root.isNull }
        guard documents.count == 1, let document = documents.first else { return nil }
        let root = ObjectView(document: document)
        guard root.node.pairs != nil, (try? root.string("kind")) == "ResourceList",
            let apiVersion = (try? root.string("apiVersion")) ?? nil,
            apiVersion.hasPrefix("config.kubernetes.io/")
        else { return nil }
        return ResourceList(stream: stream, document: document)
    }

    private init(stream: YAMLStream, document: Document) {
        self.stream = stream
        self.document = document
        let root = ObjectView(document: document)
        let items = root.node["items"].map { document.resolve($0) }
        self.items = items?.items == nil ? nil : items
        self.functionConfig = (try? root.field("functionConfig")) ?? nil
    }
}
