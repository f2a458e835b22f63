/// `osm namespace remove NAMESPACE` on files: OSM v1.2.4's `namespaceRemoveCmd.run`.
public struct NamespaceRemove: Sendable {
    public var meshName: String

    public init(meshName: String = "osm") {
        self.meshName = meshName
    }

    /// Removes the monitor and ignore labels and the injection and metrics annotations of a member of the mesh.
    public func run(_ name: String, in session: inout EnrolmentSession) throws(EnrolmentError) {
        guard let state = session.namespace(name) else {
            throw EnrolmentError(EnrolmentMessages.couldNotGet(name, reason: EnrolmentMessages.notFound(name)))
        }
        guard let mesh = state.monitoredBy else {
            session.say(EnrolmentMessages.belongsToNoMesh(name))
            return
        }
        guard mesh == meshName else {
            throw EnrolmentError(
                EnrolmentMessages.belongsToOtherMesh(mesh, mesh: meshName),
                at: session.location(ofLabel: OSMConstants.monitoredByLabel, in: name))
        }
        var changes = MetadataChanges()
        changes.set(.labels, OSMConstants.monitoredByLabel, to: nil)
        changes.set(.labels, OSMConstants.ignoreLabel, to: nil)
        changes.set(.annotations, OSMConstants.sidecarInjectionAnnotation, to: nil)
        changes.set(.annotations, OSMConstants.metricsAnnotation, to: nil)
        session.change(namespace: name, changes)
        session.say(EnrolmentMessages.removed(name, mesh: meshName))
    }
}
