/// `osm namespace list [MESH]` on files: OSM v1.2.4's `namespaceListCmd.run`.
public enum NamespaceListing {
    /// OSM's output for `namespaces` (all declared ones): the members of `meshName` (of any mesh when it is
    /// empty) sorted by name, as the API server lists them, in OSM's tabwriter table; or OSM's "No namespaces" line.
    public static func render(_ namespaces: [NamespaceState], meshName: String) -> String {
        let members =
            namespaces
            .filter { state in state.monitoredBy.map { meshName.isEmpty || $0 == meshName } ?? false }
            .sorted { Array($0.name.utf8).lexicographicallyPrecedes(Array($1.name.utf8)) }
        guard !members.isEmpty else { return EnrolmentMessages.noNamespaces(mesh: meshName) + "\n" }
        var text = EnrolmentMessages.listHeader + "\n"
        for state in members {
            var injection = state.annotations[OSMConstants.sidecarInjectionAnnotation] ?? EnrolmentMessages.notSet
            if state.labels[OSMConstants.ignoreLabel] != nil { injection = EnrolmentMessages.ignoredInjection }
            text += "\(state.name)\t\(state.monitoredBy ?? "")\t\(injection)\n"
        }
        return GoTabWriter(minWidth: 6, tabWidth: 4, padding: 3).format(text)
    }
}
