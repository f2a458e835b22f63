import LosslessYAML

/// Whether a workload runs several pods of its template at the same time: then, without OSM's injector in the
/// cluster, those pods would share the one proxy UUID of its bootstrap Secret.
enum PodCount {
    /// True for a DaemonSet (a pod on each node), a CronJob whose Jobs may overlap or run pods in parallel, a
    /// Job with `parallelism` above 1, and a replicated kind with `replicas` above 1 (absent: the API's 1).
    /// A value that is not a number counts as one pod: the report note is only a hint.
    static func runsSeveral(_ object: ObjectView, kind: String) -> Bool {
        let spec = (try? object.mapping("spec")) ?? nil
        switch kind {
        case "Pod":
            return false
        case "DaemonSet":
            return true
        case "Job":
            return count(spec, "parallelism") > 1
        case "CronJob":
            let policy = ((try? spec?.string("concurrencyPolicy")) ?? nil) ?? "Allow"
            let job = ((try? spec?.mapping("jobTemplate")) ?? nil).flatMap { (try? $0.mapping("spec")) ?? nil }
            return policy != "Forbid" || count(job, "parallelism") > 1
        default:
            return count(spec, "replicas") > 1
        }
    }

    /// The number at `key` of `view`, 1 when absent or not a number.
    private static func count(_ view: ObjectView?, _ key: String) -> Int {
        ((try? view?.int(key)) ?? nil) ?? 1
    }
}
