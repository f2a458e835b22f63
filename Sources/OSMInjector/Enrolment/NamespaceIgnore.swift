/// `osm namespace ignore NAMESPACE...` on files: OSM v1.2.4's `namespaceIgnoreCmd.run`.
public struct NamespaceIgnore: Sendable {
    public init() {}

    /// Labels each namespace (its name trimmed of white space) `openservicemesh.io/ignore: "true"`.
    public func run(_ names: [String], in session: inout EnrolmentSession) throws(EnrolmentError) {
        for rawName in names {
            let name = GoStrings.trimSpace(rawName)
            guard session.namespace(name) != nil else {
                throw EnrolmentError(EnrolmentMessages.failedToRetrieve(name, reason: EnrolmentMessages.notFound(name)))
            }
            var changes = MetadataChanges()
            changes.set(.labels, OSMConstants.ignoreLabel, to: "true")
            session.change(namespace: name, changes)
            session.say(EnrolmentMessages.ignored(name))
        }
    }
}
