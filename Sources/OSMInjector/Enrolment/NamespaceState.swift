/// A namespace as an enrolment command sees it: what its declaration says (the last declaration wins, as
/// for injection) with the command's changes so far applied, or a namespace the command creates.
public struct NamespaceState: Sendable, Equatable {
    public let name: String
    public internal(set) var labels: [String: String]
    public internal(set) var annotations: [String: String]
    /// True when no source declares it and this command adds it.
    public let isNew: Bool

    init(name: String, labels: [String: String] = [:], annotations: [String: String] = [:], isNew: Bool) {
        self.name = name
        self.labels = labels
        self.annotations = annotations
        self.isNew = isNew
    }

    /// The mesh that monitors it: the `openservicemesh.io/monitored-by` label, when present.
    public var monitoredBy: String? { labels[OSMConstants.monitoredByLabel] }
}
