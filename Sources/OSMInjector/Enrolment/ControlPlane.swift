/// What the sources say about OSM's control plane: the Deployments OSM's CLI looks up in the cluster.
///
/// `osm namespace add` asks whether a Deployment labelled `meshName=<mesh>` exists anywhere and whether the
/// namespace holds a Deployment labelled `app=osm-controller`; `osm metrics` takes the mesh names from the
/// `meshName` labels of the `app=osm-controller` Deployments. Files usually declare no control plane at all:
/// then the checks that need one are skipped (see `declaresMeshes`, `controllerMeshNames`).
struct ControlPlane: Sendable {
    /// The `meshName` label values of all Deployments that carry one.
    let meshLabelValues: Set<String>
    /// The namespaces holding a Deployment labelled `app=osm-controller`.
    let controllerNamespaces: Set<String>
    /// The `meshName` labels of the `app=osm-controller` Deployments (empty text when a controller has none),
    /// sorted; nil when the sources declare no controller.
    let controllerMeshNames: [String]?

    init(objects: [SourceObject], defaultNamespace: String) {
        var meshLabels = Set<String>(), namespaces = Set<String>(), controllerMeshes = Set<String>()
        var sawController = false
        for object in objects where object.kind == "Deployment" {
            let labels = object.labelsIfReadable
            if let mesh = labels["meshName"] { meshLabels.insert(mesh) }
            if labels[OSMConstants.appLabel] == OSMConstants.osmControllerName {
                sawController = true
                namespaces.insert(object.namespace(default: defaultNamespace))
                controllerMeshes.insert(labels["meshName"] ?? "")
            }
        }
        meshLabelValues = meshLabels
        controllerNamespaces = namespaces
        controllerMeshNames = sawController ? controllerMeshes.sorted() : nil
    }

    /// Whether the sources declare any Deployment with a `meshName` label, i.e. some OSM control plane.
    var declaresMeshes: Bool { !meshLabelValues.isEmpty }

    /// OSM's `meshExists`, where the files can answer it: true when no control plane is declared.
    func meshExists(_ mesh: String) -> Bool {
        !declaresMeshes || meshLabelValues.contains(mesh)
    }
}
