import LosslessYAML

/// One object of a document that the webhook would see pods of (the document itself or a List item).
struct WorkloadObject {
    let object: ObjectView
    let kind: String
    let name: String
    let namespace: String
    /// The pod template, nil when the object has none (a patch, an incomplete object) or it cannot be read.
    let template: ObjectView?
    /// Why the template cannot be read (a field on its path is no mapping); the webhook would never see the
    /// pod when its namespace is not in the mesh, so this counts only after the namespace checks.
    let templateError: InjectionError?
    /// The path of the template, for messages.
    let templatePath: [String]
}

/// Finds the workloads of a document, in order: the document itself or the items of a List.
enum WorkloadWalker {
    /// Visits each object of `document`: workloads as `.workload`, kind-less documents as `.noKind`,
    /// failures (a List whose items are not a list, a workload with malformed metadata) as `.failed`; a
    /// workload whose template cannot be read is a `.workload` with its `templateError`.
    enum Visit {
        case workload(WorkloadObject)
        case noKind(Mark)
        case failed(kind: String, name: String, namespace: String, InjectionError, Mark)
    }

    static func visit(_ document: Document, defaultNamespace: String) -> [Visit] {
        var visits: [Visit] = []
        let root = ObjectView(document: document)
        guard root.node.pairs != nil else { return [] }
        walk(root, defaultNamespace: defaultNamespace, into: &visits)
        return visits
    }

    private static func walk(_ object: ObjectView, defaultNamespace: String, into visits: inout [Visit]) {
        guard let kind = (try? object.string("kind")) ?? nil, !kind.isEmpty else {
            visits.append(.noKind(object.node.range.start))
            return
        }
        if WorkloadKinds.isList(kind) {
            do {
                for item in try object.sequence("items") ?? [] where item.node.pairs != nil {
                    walk(item, defaultNamespace: defaultNamespace, into: &visits)
                }
            } catch {
                visits.append(
                    .failed(kind: kind, name: "", namespace: "", error, error.mark ?? object.node.range.start))
            }
            return
        }
        guard let path = WorkloadKinds.templatePath(of: kind) else { return }
        var name = "", namespace = defaultNamespace
        do {
            let metadata = try object.mapping("metadata")
            name = try metadata?.string("name") ?? ""
            let declared = try metadata?.string("namespace") ?? ""
            if !declared.isEmpty { namespace = declared }
        } catch {
            visits.append(
                .failed(kind: kind, name: name, namespace: namespace, error, error.mark ?? object.node.range.start))
            return
        }
        var template: ObjectView? = object
        var templateError: InjectionError?
        do {
            for key in path { template = try template?.mapping(key) }
        } catch {
            template = nil
            templateError = error
        }
        visits.append(
            .workload(
                WorkloadObject(
                    object: object, kind: kind, name: name, namespace: namespace,
                    template: template, templateError: templateError, templatePath: path)))
    }

    /// The bootstrap Secret name of an injected template (its `envoy-bootstrap-config-volume`), or nil.
    static func bootstrapSecretName(of template: ObjectView) -> String? {
        guard let volumes = try? template.mapping("spec")?.sequence("volumes") else { return nil }
        let document = template.document
        // Compared as nodes: a name `string("name")` would refuse is no string, so it cannot equal this one.
        for volume in volumes
        where volume.node["name"].map(document.resolve)?.scalar?.value == OSMConstants.envoyBootstrapConfigVolumeName {
            return (try? volume.mapping("secret")?.string("secretName")) ?? ""
        }
        return nil
    }
}
