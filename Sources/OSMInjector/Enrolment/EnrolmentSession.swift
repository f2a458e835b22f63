import LosslessYAML

/// The state one enrolment command works on: the namespaces, control plane and injected pods the sources
/// declare, the changes made so far (applied to that state as OSM's patches would be, in order) and the
/// messages to print. It does no I/O: `changedFiles()` gives the new bytes of every source that changes.
public struct EnrolmentSession: Sendable {
    public let sources: [EnrolmentSource]
    /// The source a namespace that no source declares is added to; nil when such a namespace is not found.
    public let newNamespaceSource: Int?
    /// The namespace of workloads that name none.
    public let defaultNamespace: String
    let objects: [SourceObject]
    let declarations: [NamespaceDeclaration]
    let controlPlane: ControlPlane
    private(set) var namespaces: [String: NamespaceState] = [:]
    private(set) var namespaceChanges: [String: MetadataChanges] = [:]
    /// The namespaces this command creates, in order.
    private(set) var createdNamespaces: [String] = []
    private(set) var podChanges: [Int: MetadataChanges] = [:]
    private var pods: [InjectedPodTemplate]?
    /// OSM's output lines, in order (without line breaks).
    public private(set) var messages: [String] = []

    /// Reads the declared state of `sources`; a Namespace that cannot be read is an error.
    public init(
        sources: [EnrolmentSource], newNamespaceSource: Int? = nil,
        defaultNamespace: String = "default"
    ) throws(EnrolmentError) {
        self.sources = sources
        self.newNamespaceSource = newNamespaceSource.flatMap { sources.indices.contains($0) ? $0 : nil }
        self.defaultNamespace = defaultNamespace
        objects = try SourceObject.all(in: sources)
        declarations = try NamespaceDeclaration.all(in: objects)
        controlPlane = ControlPlane(objects: objects, defaultNamespace: defaultNamespace)
        for declaration in declarations {
            let info = declaration.info
            namespaces[info.name] = NamespaceState(
                name: info.name, labels: info.labels, annotations: info.annotations,
                isNew: false)
        }
    }

    /// The namespace `name` as it stands now, nil when no source declares it.
    public func namespace(_ name: String) -> NamespaceState? { namespaces[name] }

    /// Every namespace, in no particular order.
    public var allNamespaces: [NamespaceState] { Array(namespaces.values) }

    /// Where the label `key` of `name`'s declaration in force is written (its start when the label is absent).
    func location(ofLabel key: String, in name: String) -> EnrolmentLocation? {
        declarations.last { $0.info.name == name }?.location(ofLabel: key)
    }

    /// Patches the namespace `name` (which must exist): every declaration of it gets the changes.
    mutating func change(namespace name: String, _ changes: MetadataChanges) {
        guard var state = namespaces[name] else { return }
        changes.apply(labels: &state.labels, annotations: &state.annotations)
        namespaces[name] = state
        namespaceChanges[name, default: MetadataChanges()].merge(changes)
    }

    /// Adds the namespace `name` as a new Namespace object of `newNamespaceSource`; its labels and annotations
    /// are the changes made to it afterwards. Throws the reason when it cannot be added.
    mutating func create(namespace name: String) throws(EnrolmentError) {
        guard let target = newNamespaceSource else { throw EnrolmentError(EnrolmentMessages.notFound(name)) }
        let stream = sources[target].stream
        if stream.documents.count == 1, let root = stream.documents.first?.root, root.collectionStyle == .flow,
            root.pairs?.first?.key.scalar?.style == .doubleQuoted
        {
            throw EnrolmentError(EnrolmentMessages.jsonTarget(sources[target].name))
        }
        namespaces[name] = NamespaceState(name: name, isNew: true)
        createdNamespaces.append(name)
    }

    /// The indexes of the injected pod templates in `namespace` (see `InjectedPodTemplate`).
    mutating func injectedPods(in namespace: String) throws(EnrolmentError) -> [Int] {
        let all: [InjectedPodTemplate]
        if let pods {
            all = pods
        } else {
            all = try InjectedPodTemplate.all(in: objects, defaultNamespace: defaultNamespace)
            pods = all
        }
        return all.indices.filter { all[$0].namespace == namespace }
    }

    /// Patches the injected pod template at `index` (from `injectedPods(in:)`).
    mutating func change(pod index: Int, _ changes: MetadataChanges) {
        podChanges[index, default: MetadataChanges()].merge(changes)
    }

    /// Adds a line of output.
    mutating func say(_ line: String) {
        messages.append(line)
    }

    /// The injected pod templates found so far.
    var injectedPodTemplates: [InjectedPodTemplate] { pods ?? [] }
}
