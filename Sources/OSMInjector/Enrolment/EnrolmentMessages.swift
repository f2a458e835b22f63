/// The messages of OSM v1.2.4's `osm namespace` and `osm metrics` commands (`cmd/cli/namespace_*.go`,
/// `metrics*.go`), word for word, and the few this tool adds for what only files have.
enum EnrolmentMessages {
    // MARK: namespace add

    static func meshDoesNotExist(_ mesh: String) -> String {
        "mesh [\(mesh)] does not exist, please specify another mesh using --mesh-name or create a new mesh"
    }

    static func controllerInstalled(_ namespace: String, mesh: String) -> String {
        "Namespace [\(namespace)] already has [\(OSMConstants.osmControllerName)] installed and cannot be added to mesh [\(mesh)]"
    }

    static func couldNotAdd(_ namespace: String, mesh: String, reason: String) -> String {
        "Could not add namespace [\(namespace)] to mesh [\(mesh)]: \(reason)"
    }

    static func alreadyAdded(_ namespace: String, mesh: String) -> String {
        "Namespace [\(namespace)] has already been added to mesh [\(mesh)]"
    }

    static let cannotAddIgnored = "Cannot add ignored namespace"

    static func added(_ namespace: String, mesh: String) -> String {
        "Namespace [\(namespace)] successfully added to mesh [\(mesh)]"
    }

    /// This tool's: a namespace no file declares gets a new Namespace object.
    static func created(_ namespace: String, in file: String) -> String {
        "Namespace [\(namespace)] is not declared in any file: created it in [\(file)]"
    }

    /// This tool's: `--disable-sidecar-injection` on a member namespace does what its help says (OSM's B15).
    static func injectionDisabled(_ namespace: String) -> String {
        "Sidecar injection disabled in namespace [\(namespace)]"
    }

    /// This tool's: a JSON file holds one object, so a new Namespace cannot be appended to it.
    static func jsonTarget(_ file: String) -> String {
        "\(file) is a JSON document and holds one object only; declare the namespace in a YAML file"
    }

    // MARK: namespace remove

    static func couldNotGet(_ namespace: String, reason: String) -> String {
        "Could not get namespace [\(namespace)]: \(reason)"
    }

    static func belongsToNoMesh(_ namespace: String) -> String {
        "Namespace [\(namespace)] already does not belong to any mesh"
    }

    static func belongsToOtherMesh(_ actual: String, mesh: String) -> String {
        "Namespace belongs to mesh [\(actual)], not mesh [\(mesh)]. Please specify the correct mesh"
    }

    static func removed(_ namespace: String, mesh: String) -> String {
        "Namespace [\(namespace)] successfully removed from mesh [\(mesh)]"
    }

    // MARK: namespace ignore, metrics

    static func failedToRetrieve(_ namespace: String, reason: String) -> String {
        "Failed to retrieve namespace [\(namespace)]: \(reason)"
    }

    static func ignored(_ namespace: String) -> String {
        "Successfully configured namespace [\(namespace)] to be ignored"
    }

    // MARK: namespace list

    static func noNamespaces(mesh: String) -> String {
        mesh.isEmpty ? "No namespaces in any mesh" : "No namespaces in mesh [\(mesh)]"
    }

    static let listHeader = "NAMESPACE\tMESH\tSIDECAR-INJECTION"
    static let notSet = "-"
    static let ignoredInjection = "disabled (ignored)"

    // MARK: metrics

    /// OSM's message calls the label an annotation (reference §14, B16); kept word for word.
    static func notInMesh(_ namespace: String) -> String {
        "Namespace [\(namespace)] does not belong to a mesh, missing annotation \(GoQuote.quote(OSMConstants.monitoredByLabel))"
    }

    static func emptyMonitorLabel(_ namespace: String) -> String {
        "Label \(GoQuote.quote(OSMConstants.monitoredByLabel)) on namespace \(GoQuote.quote(namespace)) cannot be empty"
    }

    static func invalidMeshName(_ mesh: String, namespace: String, meshes: [String]) -> String {
        "Invalid mesh name \(GoQuote.quote(mesh)) used with label \(GoQuote.quote(OSMConstants.monitoredByLabel)) "
            + "on namespace \(GoQuote.quote(namespace)), must be one of [\(meshes.joined(separator: " "))]"
    }

    static func metricsSwitched(_ namespace: String, enabled: Bool) -> String {
        "Metrics successfully \(enabled ? "enabled" : "disabled") in namespace [\(namespace)]"
    }

    // MARK: lookups

    /// The API server's answer to a GET of a namespace that does not exist (or of an empty name).
    static func notFound(_ namespace: String) -> String {
        namespace.isEmpty ? "resource name may not be empty" : "namespaces \"\(namespace)\" not found"
    }
}
