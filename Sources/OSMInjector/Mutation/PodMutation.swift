import LosslessYAML

/// What the webhook changes in one pod, applied to its template through byte-preserving edits.
struct PodMutation {
    let pod: PodTemplateView
    let namespace: String
    let cluster: ClusterState
    let proxyUUID: String

    /// What the mutation produced besides the edits.
    struct Result {
        var probes: ProbeSet
        var serviceAccount: String
        var warnings: [String]
        /// The inverse of every edit made.
        var restore: RestoreLog
    }

    /// Applies the mutation (v1.2.4 `createPatch`, the not-yet-injected path) to `editor`.
    func apply(to documentEditor: inout DocumentEditor) throws(InjectionError) -> Result {
        let adjustedBefore = documentEditor.sourceAdjustments.map(\.range)
        var editor = RecordingEditor(documentEditor)
        var result = try apply(recording: &editor)
        let document = documentEditor.document
        if document.range.end.offset > document.range.start.offset,
            LineBreaks.trailingLength(documentEditor.source) == 0,
            document.range.end.offset == documentEditor.source.count
        {
            result.restore.addedFinalLineBreak = true
        }
        let source = documentEditor.source
        let adjustments = editor.editor.sourceAdjustments.filter { !adjustedBefore.contains($0.range) }.map {
            RestoreLog.Adjustment(
                offset: $0.range.lowerBound - document.range.start.offset,
                original: String(decoding: source[$0.range], as: UTF8.self), adjusted: $0.text)
        }
        if !adjustments.isEmpty { result.restore.adjustments = adjustments }
        documentEditor = editor.editor
        return result
    }

    private func apply(recording editor: inout RecordingEditor) throws(InjectionError) -> Result {
        let template = pod.template
        let containers = try pod.containers()
        let serviceAccount = try pod.serviceAccountName()
        let probes = try ProbeRewriter.rewrite(containers, editor: &editor)

        let metrics: Bool
        do {
            metrics = try MetricsAnnotation.isEnabled(annotations: cluster.namespaces[namespace]?.annotations ?? [:])
        } catch {
            throw InjectionError("\(error.message) (on namespace \"\(namespace)\")")
        }

        let labels: [(String, String)] = [(OSMConstants.envoyUniqueIDLabelName, proxyUUID)]
        var annotations: [(String, String)] = []
        if metrics {
            annotations = [
                (OSMConstants.prometheusScrapeAnnotation, "true"),
                (OSMConstants.prometheusPortAnnotation, String(OSMConstants.envoyPrometheusInboundListenerPort)),
                (OSMConstants.prometheusPathAnnotation, OSMConstants.prometheusScrapePath),
            ]
        }
        try setMetadata(labels: labels, annotations: annotations, in: template, editor: &editor)

        let secretName = OSMConstants.bootstrapSecretPrefix + proxyUUID
        let os = try pod.nodeOS()
        let windows = GoStrings.equalFold(os, OSMConstants.osWindows)
        try checkPrerequisites(windows: windows)
        try checkNameCollisions(containers: containers, windows: windows, healthcheck: probes.usesTCP)

        var warnings = ForeignSidecars.warnings(containers: containers, initContainers: try pod.initContainers())
        var initContainer: YAMLValue?
        if !windows {
            let (script, scriptWarnings) = try InitScript.make(
                podAnnotations: pod.annotations, meshConfig: cluster.meshConfig,
                pod: pod)
            warnings += scriptWarnings
            initContainer = SidecarContainers.initContainer(
                image: cluster.initContainerImage, script: script,
                privileged: cluster.meshConfig.enablePrivilegedInitContainer,
                pullPolicy: cluster.settings.containerPullPolicy)
        }
        var added: [YAMLValue] = []
        if probes.usesTCP {
            added.append(
                SidecarContainers.healthcheck(
                    image: cluster.settings.defaultHealthcheckImage,
                    pullPolicy: cluster.settings.containerPullPolicy))
        }
        added.append(
            SidecarContainers.envoy(
                image: windows ? cluster.envoyWindowsImage : cluster.envoyImage,
                logLevel: cluster.envoyLogLevel,
                serviceCluster: "\(serviceAccount).\(namespace)",
                windows: windows, probes: probes, resources: cluster.meshConfig.resources))

        let spec = try specView()
        try appendItems(
            [SidecarContainers.bootstrapVolume(secretName: secretName)], to: "volumes", in: spec, editor: &editor)
        if let initContainer { try appendItems([initContainer], to: "initContainers", in: spec, editor: &editor) }
        try appendItems(added, to: "containers", in: spec, editor: &editor)
        return Result(probes: probes, serviceAccount: serviceAccount, warnings: warnings, restore: editor.log)
    }

    /// v1.2.4 `verifyPrerequisites`: the images the pod needs must be known.
    private func checkPrerequisites(windows: Bool) throws(InjectionError) {
        let at = pod.template.node.range.start
        if !windows && cluster.envoyImage.isEmpty {
            throw InjectionError("MeshConfig sidecar.envoyImage not set", at: at)
        }
        if windows && cluster.envoyWindowsImage.isEmpty {
            throw InjectionError("MeshConfig sidecar.envoyWindowsImage not set", at: at)
        }
        if !windows && cluster.initContainerImage.isEmpty {
            throw InjectionError("MeshConfig sidecar.initContainerImage not set", at: at)
        }
    }

    /// The names the injection adds must be free among containers and init containers alike: the API server
    /// rejects a pod with two containers of one name, so the webhook's pod would fail.
    private func checkNameCollisions(containers: [ContainerView], windows: Bool, healthcheck: Bool)
        throws(InjectionError)
    {
        var taken: [(name: String, mark: Mark)] = containers.map { ($0.name, $0.view.node.range.start) }
        for initContainer in try pod.initContainers() {
            taken.append(((try? initContainer.string("name")) ?? "", initContainer.node.range.start))
        }
        var added = [OSMConstants.envoyContainerName]
        if healthcheck { added.append(OSMConstants.healthcheckContainerName) }
        if !windows { added.append(OSMConstants.initContainerName) }
        for name in added {
            if let clash = taken.first(where: { $0.name == name }) {
                throw .containerNameTaken(name, at: clash.mark)
            }
        }
    }

    /// The template's `spec`, which a pod always has by the time the webhook sees it.
    private func specView() throws(InjectionError) -> ObjectView {
        guard let spec = pod.spec else {
            throw InjectionError(
                "\(pod.template.path.isEmpty ? "the pod" : pod.template.path) has no spec",
                at: pod.template.node.range.start)
        }
        return spec
    }

    /// Sets labels and annotations on the template's metadata, creating maps (and metadata) as needed.
    private func setMetadata(
        labels: [(String, String)], annotations: [(String, String)], in template: ObjectView,
        editor: inout RecordingEditor
    ) throws(InjectionError) {
        let groups = [("labels", labels), ("annotations", annotations)].filter { !$0.1.isEmpty }
        guard let metadata = try template.mapping("metadata") else {
            let value = YAMLValue.map(groups.map { ($0.0, .map($0.1.map { ($0.0, .string($0.1)) })) })
            try editor.set("metadata", to: value, in: template)
            return
        }
        for (field, entries) in groups {
            if let map = try metadata.mapping(field),
                !(map.node.pairs ?? []).isEmpty || map.node.collectionStyle == .flow
            {
                for (key, value) in entries { try editor.set(key, to: .string(value), in: map) }
            } else {
                let value = YAMLValue.map(entries.map { ($0.0, .string($0.1)) })
                try editor.set(field, to: value, in: metadata)
            }
        }
    }

    /// Appends items to the sequence `key` of `spec`, or creates it.
    private func appendItems(
        _ items: [YAMLValue], to key: String, in view: ObjectView,
        editor: inout RecordingEditor
    ) throws(InjectionError) {
        if let existing = try view.field(key), let list = existing.node.items,
            !list.isEmpty || existing.node.collectionStyle == .flow
        {
            for item in items { try editor.append(item, to: existing) }
        } else {
            if let existing = try view.field(key), existing.node.items == nil {
                throw InjectionError("\(existing.path) must be a list", at: existing.node.range.start)
            }
            try editor.set(key, to: .sequence(items), in: view)
        }
    }
}
