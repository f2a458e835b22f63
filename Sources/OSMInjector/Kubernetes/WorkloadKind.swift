/// Where each kind of workload keeps the pod the webhook would see: one table, not a chain of special cases.
public enum WorkloadKinds {
    /// The path from the object to its pod template (empty: the object is the pod).
    public static let templatePaths: [String: [String]] = [
        "Pod": [],
        "Deployment": ["spec", "template"],
        "StatefulSet": ["spec", "template"],
        "DaemonSet": ["spec", "template"],
        "ReplicaSet": ["spec", "template"],
        "ReplicationController": ["spec", "template"],
        "Job": ["spec", "template"],
        "CronJob": ["spec", "jobTemplate", "spec", "template"],
        "DeploymentConfig": ["spec", "template"], // OpenShift apps.openshift.io
        "Rollout": ["spec", "template"], // Argo Rollouts argoproj.io
    ]

    /// The template path of `kind`, or nil when the kind carries no pod.
    public static func templatePath(of kind: String) -> [String]? {
        templatePaths[kind]
    }

    /// True for `kind: List` and typed lists (`DeploymentList`, …) whose `items` are objects.
    public static func isList(_ kind: String) -> Bool {
        kind == "List" || (kind.hasSuffix("List") && kind.count > 4)
    }
}
