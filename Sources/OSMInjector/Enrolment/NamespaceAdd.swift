/// `osm namespace add NAMESPACE...` on files: OSM v1.2.4's `namespaceAddCmd.run`, step for step.
public struct NamespaceAdd: Sendable {
    public var meshName: String
    public var disablesSidecarInjection: Bool

    public init(meshName: String = "osm", disablesSidecarInjection: Bool = false) {
        self.meshName = meshName
        self.disablesSidecarInjection = disablesSidecarInjection
    }

    /// Adds each namespace in turn; the first error stops the command.
    public func run(_ names: [String], in session: inout EnrolmentSession) throws(EnrolmentError) {
        for name in names {
            guard session.controlPlane.meshExists(meshName) else {
                throw EnrolmentError(EnrolmentMessages.meshDoesNotExist(meshName))
            }
            if session.controlPlane.controllerNamespaces.contains(name) {
                session.say(EnrolmentMessages.controllerInstalled(name, mesh: meshName))
                continue
            }
            let state = try existingOrNew(name, in: &session)
            if state.monitoredBy == meshName {
                session.say(EnrolmentMessages.alreadyAdded(name, mesh: meshName))
                disableInjectionOfMember(state, in: &session)
                continue
            }
            if state.labels[OSMConstants.ignoreLabel] == "true" {
                throw EnrolmentError(
                    EnrolmentMessages.cannotAddIgnored,
                    at: session.location(ofLabel: OSMConstants.ignoreLabel, in: name))
            }
            var changes = MetadataChanges()
            changes.set(.labels, OSMConstants.monitoredByLabel, to: meshName)
            changes.set(
                .annotations, OSMConstants.sidecarInjectionAnnotation,
                to: disablesSidecarInjection ? "disabled" : "enabled")
            session.change(namespace: name, changes)
            session.say(EnrolmentMessages.added(name, mesh: meshName))
        }
    }

    /// The namespace as declared, or a new one in the config file (OSM: the GET fails with "not found").
    private func existingOrNew(_ name: String, in session: inout EnrolmentSession) throws(EnrolmentError)
        -> NamespaceState
    {
        if let state = session.namespace(name) { return state }
        do {
            try session.create(namespace: name)
        } catch {
            throw EnrolmentError(EnrolmentMessages.couldNotAdd(name, mesh: meshName, reason: error.message))
        }
        if let target = session.newNamespaceSource {
            session.say(EnrolmentMessages.created(name, in: session.sources[target].name))
        }
        return session.namespace(name) ?? NamespaceState(name: name, isNew: true)
    }

    /// `--disable-sidecar-injection` on a member: OSM v1.2.4 does nothing (reference §14, B15); this tool does
    /// what the flag's help says and sets the annotation to `disabled`.
    private func disableInjectionOfMember(_ state: NamespaceState, in session: inout EnrolmentSession) {
        guard disablesSidecarInjection, state.annotations[OSMConstants.sidecarInjectionAnnotation] != "disabled" else {
            return
        }
        var changes = MetadataChanges()
        changes.set(.annotations, OSMConstants.sidecarInjectionAnnotation, to: "disabled")
        session.change(namespace: state.name, changes)
        session.say(EnrolmentMessages.injectionDisabled(state.name))
    }
}
