import LosslessYAML

/// A declared Namespace: its name, labels and annotations.
public struct NamespaceInfo: Sendable, Equatable {
    public var name: String
    public var labels: [String: String]
    public var annotations: [String: String]
    /// Where it was declared, for messages.
    public var mark: Mark?

    public init(name: String, labels: [String: String] = [:], annotations: [String: String] = [:], mark: Mark? = nil) {
        self.name = name
        self.labels = labels
        self.annotations = annotations
        self.mark = mark
    }

    /// Reads a `Namespace` object.
    public init(_ object: ObjectView) throws(InjectionError) {
        let metadata = try object.mapping("metadata")
        name = try metadata?.string("name") ?? ""
        labels = try metadata?.stringMap("labels") ?? [:]
        annotations = try metadata?.stringMap("annotations") ?? [:]
        mark = object.node.range.start
    }
}
