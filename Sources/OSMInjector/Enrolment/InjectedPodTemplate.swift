import LosslessYAML

/// A pod template that already has a sidecar (it carries the `osm-proxy-uuid` label): what `osm metrics`
/// annotates as the already-injected pods of a namespace.
struct InjectedPodTemplate: Sendable {
    let object: SourceObject
    /// The path from the object to the node holding the pod's `metadata` (empty for a Pod).
    let templatePath: [String]
    let namespace: String

    /// The injected pod templates among `objects`; a template that cannot be read is an error.
    static func all(in objects: [SourceObject], defaultNamespace: String) throws(EnrolmentError)
        -> [InjectedPodTemplate]
    {
        var pods: [InjectedPodTemplate] = []
        for object in objects {
            guard let path = WorkloadKinds.templatePath(of: object.kind) else { continue }
            do {
                guard let template = try template(of: object.view, path: path) else { continue }
                let pod = try PodTemplateView(template: template)
                guard pod.labels[OSMConstants.envoyUniqueIDLabelName] != nil else { continue }
                pods.append(
                    InjectedPodTemplate(
                        object: object, templatePath: path,
                        namespace: object.namespace(default: defaultNamespace)))
            } catch {
                throw object.error(error)
            }
        }
        return pods
    }

    /// The node at `path` below `object`, nil when a step is missing.
    static func template(of object: ObjectView, path: [String]) throws(InjectionError) -> ObjectView? {
        var view: ObjectView? = object
        for key in path { view = try view?.mapping(key) }
        return view
    }
}
