import LosslessYAML

extension Injector {
    /// `output`, the result of `run(stream)`, with each workload's `passedChecks` filled in (for `--verbose`):
    /// the checks of the decision, replayed on the workload's pod template in `stream` by the same code the run
    /// used, then what the webhook requires before it patches a pod, for a workload that got its sidecar.
    /// Reports are matched to the workloads of `stream` in order, by kind, name and namespace.
    public func addingPassedChecks(to output: Output, of stream: YAMLStream) -> Output {
        var survey = StreamSurvey(cluster: self.cluster)
        for document in stream.documents { survey.add(document) }
        let cluster = survey.cluster, secrets = survey.secrets, owners = survey.secretOwners()
        var workloads: [String: [(workload: WorkloadObject, secret: String)]] = [:]
        let defaultNamespace = cluster.settings.defaultNamespace
        for document in stream.documents {
            let (walked, plan) =
                restored(document, source: stream.source, secrets: secrets, owners: owners)
                ?? (document, nil)
            for case .workload(let workload) in WorkloadWalker.visit(walked, defaultNamespace: defaultNamespace) {
                let injected = plan?.injected.first {
                    $0.kind == workload.kind && $0.name == workload.name && $0.namespace == workload.namespace
                }
                let secret = injected?.secretName ?? workload.template.flatMap(WorkloadWalker.bootstrapSecretName) ?? ""
                workloads[Self.key(workload.kind, workload.name, workload.namespace), default: []]
                    .append((workload, secret))
            }
        }
        var used: [String: Int] = [:]
        var result = output
        for index in result.reports.indices {
            let report = result.reports[index]
            let key = Self.key(report.kind, report.name, report.namespace)
            let next = used[key, default: 0]
            guard !report.isError, let candidates = workloads[key], next < candidates.count else { continue }
            used[key] = next + 1
            let trace = PassedChecks(cluster: cluster, secrets: secrets, mode: mode)
            let (workload, secret) = candidates[next]
            result.reports[index].passedChecks = trace.checks(for: report, workload: workload, secretName: secret)
        }
        return result
    }

    /// The document as it was before an earlier injection, and the plan that undid it, when `run` re-injects it
    /// from there (and so decides on that pod); nil otherwise.
    private func restored(
        _ document: Document, source: [UInt8], secrets: BootstrapSecretIndex,
        owners: SecretOwners
    ) -> (Document, ReinjectionPlan?)? {
        guard mode == .inject else { return nil }
        let plan = ReinjectionPlan(
            document: document, secrets: secrets, owners: owners,
            defaultNamespace: cluster.settings.defaultNamespace)
        guard plan.canUndo, let bytes = try? plan.undo(source: source), let stream = try? Parser().parse(bytes),
            stream.documents.count == 1, let first = stream.documents.first
        else { return nil }
        return (first, plan)
    }

    private static func key(_ kind: String, _ name: String, _ namespace: String) -> String {
        "\(kind)\u{0}\(name)\u{0}\(namespace)"
    }
}

/// The checks one workload passed, by its outcome.
private struct PassedChecks {
    let cluster: ClusterState
    let secrets: BootstrapSecretIndex
    let mode: Injector.Mode

    /// The sentences for `report`, whose pod template is `workload`'s and whose bootstrap Secret is `secretName`.
    func checks(for report: WorkloadReport, workload: WorkloadObject, secretName: String) -> [String] {
        guard let template = workload.template, let pod = try? PodTemplateView(template: template) else { return [] }
        if mode == .uninject {
            let log = secrets[secretName]?.log != nil
            return [
                "its bootstrap Secret \"\(secretName)\" is in the input, with "
                    + (log ? "the restore log of every edit" : "the probes OSM's webhook rewrote")
            ]
        }
        var checks: [String] = []
        _ = try? InjectionDecision.decide(pod: pod, namespace: report.namespace, cluster: cluster, passed: &checks)
        switch report.outcome {
        case .injected:
            checks.append(
                "the pod carries no earlier injection (no volume \(OSMConstants.envoyBootstrapConfigVolumeName))")
        case .upToDate, .updated:
            checks.append(
                "its earlier injection was undone with the restore log of its bootstrap Secret \"\(secretName)\"")
        default:
            return checks
        }
        return checks + prerequisites(pod, namespace: report.namespace)
    }

    /// What the webhook requires of a pod it patches, in the order it checks; all held, since it was patched.
    private func prerequisites(_ pod: PodTemplateView, namespace: String) -> [String] {
        var checks: [String] = []
        let metricsKey = OSMConstants.metricsAnnotation
        if let value = cluster.namespaces[namespace]?.annotations[metricsKey] {
            checks.append("namespace \"\(namespace)\"'s annotation \(metricsKey): \(value) is valid")
        }
        let windows = GoStrings.equalFold((try? pod.nodeOS()) ?? "", OSMConstants.osWindows)
        if windows {
            checks.append("the envoy Windows image is set: \(cluster.envoyWindowsImage)")
        } else {
            checks.append("the envoy image is set: \(cluster.envoyImage)")
            checks.append("the init container image is set: \(cluster.initContainerImage)")
        }
        var taken = Set(((try? pod.containers()) ?? []).map(\.name))
        for initContainer in (try? pod.initContainers()) ?? [] {
            taken.insert((try? initContainer.string("name")) ?? "")
        }
        var names = [OSMConstants.envoyContainerName, OSMConstants.healthcheckContainerName]
        if !windows { names.insert(OSMConstants.initContainerName, at: 1) }
        let free = names.filter { !taken.contains($0) }
        if let last = free.last {
            let list = free.count == 1 ? last : free.dropLast().joined(separator: ", ") + " or " + last
            checks.append("no container of the pod is named \(list)")
        }
        if !windows {
            checks.append("the traffic exclusions (the pod's annotations and the MeshConfig's lists) are valid")
        }
        return checks
    }
}
